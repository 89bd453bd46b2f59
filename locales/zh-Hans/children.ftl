### NEEDS REVIEW: draft translation, to be reviewed by a native speaker before publication.
### 需要审校：本文为翻译初稿，发布前须由母语人士审校。

# #NotMyFriend assets for children and young people.
# Plain, warm, short sentences: the reader may be eleven years old.

children-headline = 网上的人，不一定是他们自己说的那个人。
children-grooming = 网上有些人会向你要照片、想让你保守秘密，或者想挑拨你和家人的关系，对这样的人要小心。
children-not-your-fault = 如果发生了什么事，那不是你的错。
children-tell = 告诉一个你信任的大人。
children-childline = 随时可以免费和 { -childline-name } 聊一聊：{ -childline-number }
children-report = 向 { -ceop-name } 举报：{ -ceop-site }

# Alt text for the children's images (posters and social cards).
children-card = { -campaign-hashtag }
    .alt = { -campaign-owner } { -campaign-hashtag } 宣传活动图片：“网上的人，不一定是他们自己说的那个人。如果发生了什么事，那不是你的错。告诉一个你信任的大人。”{ -childline-name }：{ -childline-number }。向 { -ceop-name } 举报。
