### NEEDS REVIEW: draft translation, to be reviewed by a native speaker before publication.
### تحتاج إلى مراجعة: ترجمة أولية، يجب أن يراجعها متحدث أصلي باللغة قبل النشر.

# Deterrence assets: for adults at risk of offending.
# The voice is a child's ("children like me"), speaking directly to the reader.
# Arabic note: Modern Standard Arabic; the reader is addressed in the masculine
# singular, the usual generic form in public notices.

deterrence-headline = هل تفكّر في الاعتداء الجنسي على أطفال مثلي عبر الإنترنت؟
deterrence-consequence = أنت على بُعد نقرة واحدة من خسارة كل شيء.
deterrence-anonymity = الإنترنت لا يضمن لك إخفاء هويتك – لا يوجد مكان للاختباء.
deterrence-victims = كل صورة تُشارَك لاعتداء جنسي على طفل مصدرها طفلٌ تعرّض للاعتداء.
# The sentence that leads into the helpline, on the lines above it.
helpline-lead = هل تقلقك أفكارك؟ احصل على مساعدة سرّية قبل فوات الأوان:
# The lock-up: the helpline's name and number, drawn on a line of their own, larger than
# the sentence above. Only the two terms: pipeline.yaml requires them exactly.
helpline-contact = { -helpline-name } { -helpline-number }

# Alt text for the deterrence images (posters and social cards). Screen-reader
# users need the helpline as much as anyone, so it is in the alt text too.
deterrence-card = { -campaign-owner }: { -campaign-hashtag }
    .alt = صورة من حملة { -campaign-owner }. كلمات طفل: «هل تفكّر في الاعتداء الجنسي على أطفال مثلي عبر الإنترنت؟ أنت على بُعد نقرة واحدة من خسارة كل شيء.» هل تقلقك أفكارك؟ احصل على مساعدة سرّية قبل فوات الأوان: { -helpline-name } { -helpline-number }.
