### NEEDS REVIEW: draft translation, to be reviewed by a native speaker before publication.
### ПОТРЕБУЄ ПЕРЕВІРКИ: чорновий переклад, перед публікацією його має перевірити носій мови.

# #NotMyFriend assets for children and young people.
# Plain, warm, short sentences: the reader may be eleven years old.
# Ukrainian note: sentences are worded to avoid gendered forms (обережний/обережна),
# so they speak to boys and girls alike.

children-headline = Не всі в інтернеті є тими, за кого себе видають.
children-grooming = Остерігайся людей в інтернеті, які просять у тебе фото, хочуть, щоб усе залишалося таємницею, або намагаються налаштувати тебе проти твоєї родини.
children-not-your-fault = Якщо щось сталося, це не твоя провина.
children-tell = Розкажи дорослому, якому довіряєш.
children-childline = Поговори з { -childline-name } безкоштовно, у будь-який час: { -childline-number }
children-report = Повідом про це в { -ceop-name }: { -ceop-site }

# Alt text for the children's images (posters and social cards).
# Ukrainian note: "Police Scotland" is in the genitive after "кампанії".
children-card = { -campaign-hashtag }
    .alt = Зображення кампанії { -campaign-hashtag } { -campaign-owner(case: "genitive") }: «Не всі в інтернеті є тими, за кого себе видають. Якщо щось сталося, це не твоя провина. Розкажи дорослому, якому довіряєш.» { -childline-name }: { -childline-number }. Повідом про це в { -ceop-name }.
