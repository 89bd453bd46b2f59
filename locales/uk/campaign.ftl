### NEEDS REVIEW: draft translation, to be reviewed by a native speaker before publication.
### ПОТРЕБУЄ ПЕРЕВІРКИ: чорновий переклад, перед публікацією його має перевірити носій мови.

# Placard campaign: #NotMyFriend (Police Scotland).
# Ukrainian (uk) translation of the reference locale (en-GB).

## Names and numbers. They are terms so that each is written once per locale and
## every message that shows one uses the same text. Never change a number here
## without changing pipeline.yaml's required rules.

# Translated campaign name ("Not My Friend"). No message uses it at present.
-campaign-name = Не мій друг
-campaign-hashtag = #NotMyFriend
# "Police Scotland" in Ukrainian. It declines, so the term takes a case parameter.
# Plain { -campaign-owner } gives the nominative; after a noun use the genitive,
# e.g. "Зображення кампанії { -campaign-owner(case: "genitive") }".
-campaign-owner = { $case ->
   *[nominative] Поліція Шотландії
    [genitive] Поліції Шотландії
    [dative] Поліції Шотландії
    [accusative] Поліцію Шотландії
    [instrumental] Поліцією Шотландії
    [locative] Поліції Шотландії
}
# The helpline for adults worried about their own thoughts or behaviour.
-helpline-name = Stop It Now!
-helpline-number = 0131 556 3535
# The free, confidential helpline for children and young people.
-childline-name = Childline
-childline-number = 0800 1111
# The National Crime Agency's child protection command, where children report abuse.
-ceop-name = CEOP
-ceop-site = ceop.police.uk
