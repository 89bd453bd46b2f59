### NEEDS REVIEW: draft translation, to be reviewed by a native speaker before publication.
### FEUM AIR SGRÙDADH: dreachd eadar-theangachaidh, ri sgrùdadh le cainntear dùthchasach mus tèid fhoillseachadh.

# Deterrence assets: for adults at risk of offending.
# The voice is a child's ("children like me"), speaking directly to the reader.
# Gaelic note: the reader is addressed with "thu", as is usual on posters.

deterrence-headline = A bheil thu a' smaoineachadh air droch-dhìol feise a dhèanamh air clann mar mise air loidhne?
deterrence-consequence = Chan eil ach aon bhriogadh eadar thu fhèin agus a h-uile rud a chall.
deterrence-anonymity = Chan eil thu gun urra air an eadar-lìon – chan eil àite-falaich ann.
deterrence-victims = Tha gach dealbh de dhroch-dhìol feise air clann a thèid a cho-roinn a' tighinn bho phàiste a chaidh a dhroch-dhìol.
# The sentence that leads into the helpline, on the lines above it.
helpline-lead = A bheil do smuaintean a' cur dragh ort? Faigh cuideachadh dìomhair mus bi e ro anmoch:
# The lock-up: the helpline's name and number, drawn on a line of their own, larger than
# the sentence above. Only the two terms: pipeline.yaml requires them exactly.
helpline-contact = { -helpline-name } { -helpline-number }

# Alt text for the deterrence images (posters and social cards). Screen-reader
# users need the helpline as much as anyone, so it is in the alt text too.
deterrence-card = { -campaign-owner }: { -campaign-hashtag }
    .alt = Dealbh bho iomairt { -campaign-owner }. Faclan pàiste: "A bheil thu a' smaoineachadh air droch-dhìol feise a dhèanamh air clann mar mise air loidhne? Chan eil ach aon bhriogadh eadar thu fhèin agus a h-uile rud a chall." A bheil do smuaintean a' cur dragh ort? Faigh cuideachadh dìomhair mus bi e ro anmoch: { -helpline-name } { -helpline-number }.
