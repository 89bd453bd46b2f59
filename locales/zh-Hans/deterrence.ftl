### NEEDS REVIEW: draft translation, to be reviewed by a native speaker before publication.
### 需要审校：本文为翻译初稿，发布前须由母语人士审校。

# Deterrence assets: for adults at risk of offending.
# The voice is a child's ("children like me"), speaking directly to the reader.
# Chinese note: the reader is addressed as "你", as a child would speak.
# Latin-script names and numbers are separated from Chinese text by a space.

deterrence-headline = 你想在网上对像我这样的孩子实施性侵害吗？
deterrence-consequence = 你离失去一切，只差一次点击。
deterrence-anonymity = 互联网无法让你匿名——你无处可藏。
deterrence-victims = 每一张被分享的儿童性侵害图像，都来自一个遭受过侵害的孩子。
# The sentence that leads into the helpline, on the lines above it.
helpline-lead = 你的想法让你担忧吗？在为时已晚之前，获取保密的帮助：
# The lock-up: the helpline's name and number, drawn on a line of their own, larger than
# the sentence above. Only the two terms: pipeline.yaml requires them exactly.
helpline-contact = { -helpline-name } { -helpline-number }

# Alt text for the deterrence images (posters and social cards). Screen-reader
# users need the helpline as much as anyone, so it is in the alt text too.
deterrence-card = { -campaign-owner }：{ -campaign-hashtag }
    .alt = { -campaign-owner }宣传活动图片。一个孩子的话：“你想在网上对像我这样的孩子实施性侵害吗？你离失去一切，只差一次点击。”你的想法让你担忧吗？在为时已晚之前，获取保密的帮助：{ -helpline-name } { -helpline-number }。
