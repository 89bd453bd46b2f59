### NEEDS REVIEW: draft translation, to be reviewed by a native speaker before publication.
### ПОТРЕБУЄ ПЕРЕВІРКИ: чорновий переклад, перед публікацією його має перевірити носій мови.

# Deterrence assets: for adults at risk of offending.
# The voice is a child's ("children like me"), speaking directly to the reader.
# Ukrainian note: the reader is addressed with informal "ти", as is usual for
# direct social-advertising posters; a reviewer may prefer "ви".

deterrence-headline = Думаєш про сексуальне насильство онлайн над такими дітьми, як я?
deterrence-consequence = Лише один клік відділяє тебе від утрати всього.
deterrence-anonymity = Інтернет не забезпечує анонімності – сховатися ніде.
deterrence-victims = За кожним поширеним зображенням сексуального насильства над дитиною стоїть дитина, яка зазнала насильства.
# The sentence that leads into the helpline, on the lines above it.
helpline-lead = Тебе турбують власні думки? Отримай конфіденційну допомогу, поки не стало надто пізно:
# The lock-up: the helpline's name and number, drawn on a line of their own, larger than
# the sentence above. Only the two terms: pipeline.yaml requires them exactly.
helpline-contact = { -helpline-name } { -helpline-number }

# Alt text for the deterrence images (posters and social cards). Screen-reader
# users need the helpline as much as anyone, so it is in the alt text too.
# Ukrainian note: "Police Scotland" is in the genitive after "кампанії".
deterrence-card = { -campaign-owner }: { -campaign-hashtag }
    .alt = Зображення кампанії { -campaign-owner(case: "genitive") }. Слова дитини: «Думаєш про сексуальне насильство онлайн над такими дітьми, як я? Лише один клік відділяє тебе від утрати всього.» Тебе турбують власні думки? Отримай конфіденційну допомогу, поки не стало надто пізно: { -helpline-name } { -helpline-number }.
