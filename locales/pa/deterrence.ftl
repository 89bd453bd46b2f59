### NEEDS REVIEW: draft translation, to be reviewed by a native speaker before publication.
### ਸਮੀਖਿਆ ਦੀ ਲੋੜ: ਇਹ ਖਰੜਾ ਅਨੁਵਾਦ ਹੈ, ਪ੍ਰਕਾਸ਼ਨ ਤੋਂ ਪਹਿਲਾਂ ਕਿਸੇ ਮੂਲ ਬੁਲਾਰੇ ਵੱਲੋਂ ਇਸ ਦੀ ਸਮੀਖਿਆ ਹੋਣੀ ਚਾਹੀਦੀ ਹੈ।

# Deterrence assets: for adults at risk of offending.
# The voice is a child's ("children like me"), speaking directly to the reader.
# Punjabi note: the reader is addressed with polite "ਤੁਸੀਂ", usual for public notices.

deterrence-headline = ਕੀ ਤੁਸੀਂ ਆਨਲਾਈਨ ਮੇਰੇ ਵਰਗੇ ਬੱਚਿਆਂ ਦਾ ਜਿਨਸੀ ਸ਼ੋਸ਼ਣ ਕਰਨ ਬਾਰੇ ਸੋਚ ਰਹੇ ਹੋ?
deterrence-consequence = ਤੁਸੀਂ ਸਭ ਕੁਝ ਗੁਆਉਣ ਤੋਂ ਸਿਰਫ਼ ਇੱਕ ਕਲਿੱਕ ਦੂਰ ਹੋ।
deterrence-anonymity = ਇੰਟਰਨੈੱਟ ਤੁਹਾਡੀ ਪਛਾਣ ਲੁਕਾ ਕੇ ਨਹੀਂ ਰੱਖਦਾ – ਲੁਕਣ ਦੀ ਕੋਈ ਥਾਂ ਨਹੀਂ ਹੈ।
deterrence-victims = ਬੱਚਿਆਂ ਦੇ ਜਿਨਸੀ ਸ਼ੋਸ਼ਣ ਦੀ ਹਰ ਸਾਂਝੀ ਕੀਤੀ ਗਈ ਤਸਵੀਰ ਕਿਸੇ ਅਜਿਹੇ ਬੱਚੇ ਦੀ ਹੁੰਦੀ ਹੈ ਜਿਸ ਦਾ ਸ਼ੋਸ਼ਣ ਹੋਇਆ ਸੀ।
# The sentence that leads into the helpline, on the lines above it.
helpline-lead = ਕੀ ਤੁਸੀਂ ਆਪਣੇ ਵਿਚਾਰਾਂ ਤੋਂ ਪਰੇਸ਼ਾਨ ਹੋ? ਬਹੁਤ ਦੇਰ ਹੋਣ ਤੋਂ ਪਹਿਲਾਂ ਗੁਪਤ ਮਦਦ ਲਓ:
# The lock-up: the helpline's name and number, drawn on a line of their own, larger than
# the sentence above. Only the two terms: pipeline.yaml requires them exactly.
helpline-contact = { -helpline-name } { -helpline-number }

# Alt text for the deterrence images (posters and social cards). Screen-reader
# users need the helpline as much as anyone, so it is in the alt text too.
deterrence-card = { -campaign-owner }: { -campaign-hashtag }
    .alt = { -campaign-owner } ਦੀ ਮੁਹਿੰਮ ਦੀ ਤਸਵੀਰ। ਇੱਕ ਬੱਚੇ ਦੇ ਸ਼ਬਦ: "ਕੀ ਤੁਸੀਂ ਆਨਲਾਈਨ ਮੇਰੇ ਵਰਗੇ ਬੱਚਿਆਂ ਦਾ ਜਿਨਸੀ ਸ਼ੋਸ਼ਣ ਕਰਨ ਬਾਰੇ ਸੋਚ ਰਹੇ ਹੋ? ਤੁਸੀਂ ਸਭ ਕੁਝ ਗੁਆਉਣ ਤੋਂ ਸਿਰਫ਼ ਇੱਕ ਕਲਿੱਕ ਦੂਰ ਹੋ।" ਕੀ ਤੁਸੀਂ ਆਪਣੇ ਵਿਚਾਰਾਂ ਤੋਂ ਪਰੇਸ਼ਾਨ ਹੋ? ਬਹੁਤ ਦੇਰ ਹੋਣ ਤੋਂ ਪਹਿਲਾਂ ਗੁਪਤ ਮਦਦ ਲਓ: { -helpline-name } { -helpline-number }।
