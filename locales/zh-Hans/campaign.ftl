### NEEDS REVIEW: draft translation, to be reviewed by a native speaker before publication.
### 需要审校：本文为翻译初稿，发布前须由母语人士审校。

# Placard campaign: #NotMyFriend (Police Scotland).
# Simplified Chinese (zh-Hans) translation of the reference locale (en-GB).

## Names and numbers. They are terms so that each is written once per locale and
## every message that shows one uses the same text. Never change a number here
## without changing pipeline.yaml's required rules.

# Translated campaign name ("Not My Friend"). No message uses it at present.
-campaign-name = 不是我的朋友
-campaign-hashtag = #NotMyFriend
-campaign-owner = 苏格兰警察局
# The helpline for adults worried about their own thoughts or behaviour.
-helpline-name = Stop It Now!
-helpline-number = 0131 556 3535
# The free, confidential helpline for children and young people.
-childline-name = Childline
-childline-number = 0800 1111
# The National Crime Agency's child protection command, where children report abuse.
-ceop-name = CEOP
-ceop-site = ceop.police.uk
