### NEEDS REVIEW: draft translation, to be reviewed by a native speaker before publication.
### FEUM AIR SGRÙDADH: dreachd eadar-theangachaidh, ri sgrùdadh le cainntear dùthchasach mus tèid fhoillseachadh.

# #NotMyFriend assets for children and young people.
# Plain, warm, short sentences: the reader may be eleven years old.

# Gaelic note: rendered as "Not everyone online tells the truth about who they are",
# which is plainer for a child than a literal "who they say they are".
children-headline = Chan eil a h-uile duine air loidhne ag innse na fìrinn mu cò iad.
children-grooming = Bi faiceallach mu dhaoine air loidhne a dh'iarras dealbhan ort, a tha airson gun cùm thu rudan dìomhair, no a dh'fheuchas ri do thionndadh an aghaidh do theaghlaich.
children-not-your-fault = Ma tha rudeigin air tachairt, chan ann ortsa a tha a' choire.
children-tell = Innis do dh'inbheach anns a bheil earbsa agad.
children-childline = Bruidhinn ri { -childline-name } an-asgaidh, uair sam bith: { -childline-number }
# Gaelic note: literally "Send word to CEOP about it".
children-report = Cuir fios gu { -ceop-name } mu dheidhinn: { -ceop-site }

# Alt text for the children's images (posters and social cards).
children-card = { -campaign-hashtag }
    .alt = Dealbh bho iomairt { -campaign-hashtag } aig { -campaign-owner }: "Chan eil a h-uile duine air loidhne ag innse na fìrinn mu cò iad. Ma tha rudeigin air tachairt, chan ann ortsa a tha a' choire. Innis do dh'inbheach anns a bheil earbsa agad." { -childline-name }: { -childline-number }. Cuir fios gu { -ceop-name } mu dheidhinn.
