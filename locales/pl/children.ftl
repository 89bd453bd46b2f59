### NEEDS REVIEW: draft translation, to be reviewed by a native speaker before publication.
### DO WERYFIKACJI: wstępne tłumaczenie, przed publikacją musi je sprawdzić rodzimy użytkownik języka.

# #NotMyFriend assets for children and young people.
# Plain, warm, short sentences: the reader may be eleven years old.
# Polish note: sentences are worded to avoid gendered verb forms (miał/miała),
# so they speak to boys and girls alike.

children-headline = Nie każdy w internecie jest tym, za kogo się podaje.
children-grooming = Uważaj na ludzi w internecie, którzy proszą cię o zdjęcia, chcą, żeby coś zostało między wami w tajemnicy, albo próbują nastawić cię przeciwko twojej rodzinie.
children-not-your-fault = Jeśli coś się stało, to nie twoja wina.
children-tell = Powiedz o tym dorosłemu, któremu ufasz.
children-childline = Porozmawiaj z { -childline-name } – za darmo, o każdej porze: { -childline-number }
children-report = Zgłoś to do { -ceop-name }: { -ceop-site }

# Alt text for the children's images (posters and social cards).
# Polish note: "Police Scotland" is in the genitive after "kampanii".
children-card = { -campaign-hashtag }
    .alt = Grafika kampanii { -campaign-hashtag } { -campaign-owner(case: "genitive") }: „Nie każdy w internecie jest tym, za kogo się podaje. Jeśli coś się stało, to nie twoja wina. Powiedz o tym dorosłemu, któremu ufasz.” { -childline-name }: { -childline-number }. Zgłoś to do { -ceop-name }.
