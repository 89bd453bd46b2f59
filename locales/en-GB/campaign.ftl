# Placard campaign: #NotMyFriend (Police Scotland).
# Reference locale (en-GB). Every other locale is compared with these files.

## Names and numbers. They are terms so that each is written once per locale and
## every message that shows one uses the same text. Never change a number here
## without changing pipeline.yaml's required rules.

-campaign-name = Not My Friend
-campaign-hashtag = #NotMyFriend
-campaign-owner = Police Scotland
# The helpline for adults worried about their own thoughts or behaviour.
-helpline-name = Stop It Now!
-helpline-number = 0131 556 3535
# The free, confidential helpline for children and young people.
-childline-name = Childline
-childline-number = 0800 1111
# The National Crime Agency's child protection command, where children report abuse.
-ceop-name = CEOP
-ceop-site = ceop.police.uk
