### NEEDS REVIEW: draft translation, to be reviewed by a native speaker before publication.
### DO WERYFIKACJI: wstępne tłumaczenie, przed publikacją musi je sprawdzić rodzimy użytkownik języka.

# Deterrence assets: for adults at risk of offending.
# The voice is a child's ("children like me"), speaking directly to the reader.
# Polish note: the reader is addressed with informal "ty", as is usual for
# direct public-information posters.

deterrence-headline = Myślisz o tym, by w internecie wykorzystywać seksualnie dzieci takie jak ja?
deterrence-consequence = Jedno kliknięcie dzieli cię od utraty wszystkiego.
deterrence-anonymity = Internet nie zapewnia anonimowości – nie ma gdzie się ukryć.
deterrence-victims = Za każdym udostępnionym obrazem przedstawiającym wykorzystywanie seksualne dziecka stoi dziecko, które zostało wykorzystane.
# The sentence that leads into the helpline, on the lines above it.
helpline-lead = Niepokoją cię własne myśli? Uzyskaj poufną pomoc, zanim będzie za późno:
# The lock-up: the helpline's name and number, drawn on a line of their own, larger than
# the sentence above. Only the two terms: pipeline.yaml requires them exactly.
helpline-contact = { -helpline-name } { -helpline-number }

# Alt text for the deterrence images (posters and social cards). Screen-reader
# users need the helpline as much as anyone, so it is in the alt text too.
# Polish note: "Police Scotland" is in the genitive after "kampanii".
deterrence-card = { -campaign-owner }: { -campaign-hashtag }
    .alt = Grafika kampanii { -campaign-owner(case: "genitive") }. Słowa dziecka: „Myślisz o tym, by w internecie wykorzystywać seksualnie dzieci takie jak ja? Jedno kliknięcie dzieli cię od utraty wszystkiego.” Niepokoją cię własne myśli? Uzyskaj poufną pomoc, zanim będzie za późno: { -helpline-name } { -helpline-number }.
