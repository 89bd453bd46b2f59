### NEEDS REVIEW: draft translation, to be reviewed by a native speaker before publication.
### تحتاج إلى مراجعة: ترجمة أولية، يجب أن يراجعها متحدث أصلي باللغة قبل النشر.

# Placard campaign: #NotMyFriend (Police Scotland).
# Arabic (ar) translation of the reference locale (en-GB).

## Names and numbers. They are terms so that each is written once per locale and
## every message that shows one uses the same text. Never change a number here
## without changing pipeline.yaml's required rules.

# Translated campaign name ("Not My Friend"). No message uses it at present.
-campaign-name = ليس صديقي
# Right-to-left note for the next translator: Latin-script names and phone numbers
# sit inside Arabic (right-to-left) sentences. Without isolation the bidi algorithm
# can reorder them, e.g. show the groups of a phone number in reverse order or move
# "!" and "#" to the wrong end. Each such value is therefore wrapped in Unicode
# isolates, written as visible Fluent escapes so nobody can lose them by accident:
#   numbers: { "\u2066" } LEFT-TO-RIGHT ISOLATE ... { "\u2069" } POP DIRECTIONAL ISOLATE
#   names:   { "\u2068" } FIRST STRONG ISOLATE ... { "\u2069" } POP DIRECTIONAL ISOLATE
# Keep Western digits 0-9 in the numbers (not Arabic-Indic digits).
-campaign-hashtag = { "\u2068" }#NotMyFriend{ "\u2069" }
-campaign-owner = شرطة اسكتلندا
# The helpline for adults worried about their own thoughts or behaviour.
-helpline-name = { "\u2068" }Stop It Now!{ "\u2069" }
-helpline-number = { "\u2066" }0131 556 3535{ "\u2069" }
# The free, confidential helpline for children and young people.
-childline-name = { "\u2068" }Childline{ "\u2069" }
-childline-number = { "\u2066" }0800 1111{ "\u2069" }
# The National Crime Agency's child protection command, where children report abuse.
-ceop-name = { "\u2068" }CEOP{ "\u2069" }
-ceop-site = { "\u2068" }ceop.police.uk{ "\u2069" }
