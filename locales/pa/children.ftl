### NEEDS REVIEW: draft translation, to be reviewed by a native speaker before publication.
### ਸਮੀਖਿਆ ਦੀ ਲੋੜ: ਇਹ ਖਰੜਾ ਅਨੁਵਾਦ ਹੈ, ਪ੍ਰਕਾਸ਼ਨ ਤੋਂ ਪਹਿਲਾਂ ਕਿਸੇ ਮੂਲ ਬੁਲਾਰੇ ਵੱਲੋਂ ਇਸ ਦੀ ਸਮੀਖਿਆ ਹੋਣੀ ਚਾਹੀਦੀ ਹੈ।

# #NotMyFriend assets for children and young people.
# Plain, warm, short sentences: the reader may be eleven years old.
# Punjabi note: the child is addressed with "ਤੁਸੀਂ"; "ਵੱਡੇ" (a grown-up) is used
# for "adult" because it is warmer and simpler than "ਬਾਲਗ".

children-headline = ਆਨਲਾਈਨ ਹਰ ਕੋਈ ਉਹ ਨਹੀਂ ਹੁੰਦਾ ਜੋ ਉਹ ਆਪਣੇ ਆਪ ਨੂੰ ਦੱਸਦਾ ਹੈ।
children-grooming = ਆਨਲਾਈਨ ਅਜਿਹੇ ਲੋਕਾਂ ਤੋਂ ਸਾਵਧਾਨ ਰਹੋ ਜੋ ਤੁਹਾਡੇ ਤੋਂ ਤਸਵੀਰਾਂ ਮੰਗਦੇ ਹਨ, ਚਾਹੁੰਦੇ ਹਨ ਕਿ ਤੁਸੀਂ ਗੱਲਾਂ ਗੁਪਤ ਰੱਖੋ, ਜਾਂ ਤੁਹਾਨੂੰ ਤੁਹਾਡੇ ਪਰਿਵਾਰ ਦੇ ਵਿਰੁੱਧ ਕਰਨ ਦੀ ਕੋਸ਼ਿਸ਼ ਕਰਦੇ ਹਨ।
children-not-your-fault = ਜੇ ਕੁਝ ਹੋਇਆ ਹੈ, ਤਾਂ ਇਹ ਤੁਹਾਡਾ ਕਸੂਰ ਨਹੀਂ ਹੈ।
children-tell = ਕਿਸੇ ਅਜਿਹੇ ਵੱਡੇ ਨੂੰ ਦੱਸੋ ਜਿਸ ਉੱਤੇ ਤੁਹਾਨੂੰ ਭਰੋਸਾ ਹੈ।
children-childline = { -childline-name } ਨਾਲ ਮੁਫ਼ਤ ਗੱਲ ਕਰੋ, ਕਿਸੇ ਵੀ ਸਮੇਂ: { -childline-number }
children-report = ਇਸ ਦੀ ਰਿਪੋਰਟ { -ceop-name } ਨੂੰ ਕਰੋ: { -ceop-site }

# Alt text for the children's images (posters and social cards).
children-card = { -campaign-hashtag }
    .alt = { -campaign-owner } ਦੀ { -campaign-hashtag } ਮੁਹਿੰਮ ਦੀ ਤਸਵੀਰ: "ਆਨਲਾਈਨ ਹਰ ਕੋਈ ਉਹ ਨਹੀਂ ਹੁੰਦਾ ਜੋ ਉਹ ਆਪਣੇ ਆਪ ਨੂੰ ਦੱਸਦਾ ਹੈ। ਜੇ ਕੁਝ ਹੋਇਆ ਹੈ, ਤਾਂ ਇਹ ਤੁਹਾਡਾ ਕਸੂਰ ਨਹੀਂ ਹੈ। ਕਿਸੇ ਅਜਿਹੇ ਵੱਡੇ ਨੂੰ ਦੱਸੋ ਜਿਸ ਉੱਤੇ ਤੁਹਾਨੂੰ ਭਰੋਸਾ ਹੈ।" { -childline-name }: { -childline-number }। ਇਸ ਦੀ ਰਿਪੋਰਟ { -ceop-name } ਨੂੰ ਕਰੋ।
