### NEEDS REVIEW: draft translation, to be reviewed by a native speaker before publication.
### FEUM AIR SGRÙDADH: dreachd eadar-theangachaidh, ri sgrùdadh le cainntear dùthchasach mus tèid fhoillseachadh.

# Placard campaign: #NotMyFriend (Police Scotland).
# Scottish Gaelic (gd) translation of the reference locale (en-GB).

## Names and numbers. They are terms so that each is written once per locale and
## every message that shows one uses the same text. Never change a number here
## without changing pipeline.yaml's required rules.

# Translated campaign name ("Not My Friend"). No message uses it at present.
-campaign-name = Chan e mo Charaid
-campaign-hashtag = #NotMyFriend
# "Police Scotland" uses its official Gaelic name. As a proper name it is used
# unchanged after a noun (compare "Ùghdarras Poileas Alba", the Scottish Police
# Authority), so this term needs no case parameter. If a later message needs a
# different form, add a { $case -> ... } selector as in the pl and uk files.
-campaign-owner = Poileas Alba
# The helpline for adults worried about their own thoughts or behaviour.
-helpline-name = Stop It Now!
-helpline-number = 0131 556 3535
# The free, confidential helpline for children and young people.
-childline-name = Childline
-childline-number = 0800 1111
# The National Crime Agency's child protection command, where children report abuse.
-ceop-name = CEOP
-ceop-site = ceop.police.uk
