# #NotMyFriend assets for children and young people.
# Plain, warm, short sentences: the reader may be eleven years old.

children-headline = Not everyone online is who they say they are.
children-grooming = Be wary of people online who ask for pictures, want you to keep secrets or try to turn you against your family.
children-not-your-fault = If something has happened, it is not your fault.
children-tell = Tell an adult you trust.
children-childline = Talk to { -childline-name } for free, any time: { -childline-number }
children-report = Report it to { -ceop-name }: { -ceop-site }

# Alt text for the children's images (posters and social cards).
children-card = { -campaign-hashtag }
    .alt = { -campaign-owner } { -campaign-hashtag } campaign image: "Not everyone online is who they say they are. If something has happened, it is not your fault. Tell an adult you trust." { -childline-name }: { -childline-number }. Report it to { -ceop-name }.
