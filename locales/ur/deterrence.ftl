### NEEDS REVIEW: draft translation, to be reviewed by a native speaker before publication.
### نظر ثانی درکار: یہ ابتدائی ترجمہ ہے، اشاعت سے پہلے کسی اہل زبان سے اس کی نظر ثانی کروائی جائے۔

# Deterrence assets: for adults at risk of offending.
# The voice is a child's ("children like me"), speaking directly to the reader.
# Urdu note: the reader is addressed with polite "آپ", usual for public notices.

deterrence-headline = کیا آپ آن لائن مجھ جیسے بچوں کے ساتھ جنسی زیادتی کرنے کا سوچ رہے ہیں؟
deterrence-consequence = آپ سب کچھ کھونے سے صرف ایک کلک کی دوری پر ہیں۔
deterrence-anonymity = انٹرنیٹ آپ کی شناخت چھپا کر نہیں رکھتا – چھپنے کی کوئی جگہ نہیں۔
deterrence-victims = بچوں سے جنسی زیادتی کی ہر شیئر کی گئی تصویر کسی ایسے بچے کی ہے جس کے ساتھ زیادتی ہوئی۔
# The sentence that leads into the helpline, on the lines above it.
helpline-lead = کیا آپ اپنے خیالات سے پریشان ہیں؟ دیر ہونے سے پہلے رازدارانہ مدد حاصل کریں:
# The lock-up: the helpline's name and number, drawn on a line of their own, larger than
# the sentence above. Only the two terms: pipeline.yaml requires them exactly.
helpline-contact = { -helpline-name } { -helpline-number }

# Alt text for the deterrence images (posters and social cards). Screen-reader
# users need the helpline as much as anyone, so it is in the alt text too.
deterrence-card = { -campaign-owner }: { -campaign-hashtag }
    .alt = { -campaign-owner } کی مہم کی تصویر۔ ایک بچے کے الفاظ: "کیا آپ آن لائن مجھ جیسے بچوں کے ساتھ جنسی زیادتی کرنے کا سوچ رہے ہیں؟ آپ سب کچھ کھونے سے صرف ایک کلک کی دوری پر ہیں۔" کیا آپ اپنے خیالات سے پریشان ہیں؟ دیر ہونے سے پہلے رازدارانہ مدد حاصل کریں: { -helpline-name } { -helpline-number }۔
