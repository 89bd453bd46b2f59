### NEEDS REVIEW: draft translation, to be reviewed by a native speaker before publication.
### نظر ثانی درکار: یہ ابتدائی ترجمہ ہے، اشاعت سے پہلے کسی اہل زبان سے اس کی نظر ثانی کروائی جائے۔

# #NotMyFriend assets for children and young people.
# Plain, warm, short sentences: the reader may be eleven years old.
# Urdu note: the child is addressed with "آپ"; sentences avoid gendered verb
# endings where possible so they speak to boys and girls alike.

children-headline = آن لائن ہر شخص وہ نہیں ہوتا جو وہ خود کو بتاتا ہے۔
children-grooming = آن لائن ایسے لوگوں سے ہوشیار رہیں جو آپ سے تصویریں مانگیں، چاہیں کہ آپ باتیں راز رکھیں، یا آپ کو آپ کے گھر والوں کے خلاف کرنے کی کوشش کریں۔
children-not-your-fault = اگر کچھ ہوا ہے تو اس میں آپ کا کوئی قصور نہیں۔
children-tell = کسی ایسے بڑے کو بتائیں جس پر آپ کو بھروسہ ہو۔
children-childline = { -childline-name } سے مفت بات کریں، کسی بھی وقت: { -childline-number }
children-report = اس کی رپورٹ { -ceop-name } کو کریں: { -ceop-site }

# Alt text for the children's images (posters and social cards).
children-card = { -campaign-hashtag }
    .alt = { -campaign-owner } کی { -campaign-hashtag } مہم کی تصویر: "آن لائن ہر شخص وہ نہیں ہوتا جو وہ خود کو بتاتا ہے۔ اگر کچھ ہوا ہے تو اس میں آپ کا کوئی قصور نہیں۔ کسی ایسے بڑے کو بتائیں جس پر آپ کو بھروسہ ہو۔" { -childline-name }: { -childline-number }۔ اس کی رپورٹ { -ceop-name } کو کریں۔
