### NEEDS REVIEW: draft translation, to be reviewed by a native speaker before publication.
### تحتاج إلى مراجعة: ترجمة أولية، يجب أن يراجعها متحدث أصلي باللغة قبل النشر.

# #NotMyFriend assets for children and young people.
# Plain, warm, short sentences: the reader may be eleven years old.
# Arabic note: simple Modern Standard Arabic; the child is addressed in the
# masculine singular, the usual generic form.

children-headline = ليس كل شخص على الإنترنت هو من يقول إنه هو.
children-grooming = احذر من الأشخاص على الإنترنت الذين يطلبون منك صورًا، أو يريدون منك أن تحتفظ بأسرار، أو يحاولون أن يجعلوك ضد عائلتك.
children-not-your-fault = إذا حدث شيء ما، فهو ليس خطأك.
children-tell = أخبر شخصًا بالغًا تثق به.
children-childline = تحدّث إلى { -childline-name } مجانًا وفي أي وقت: { -childline-number }
children-report = أبلغ { -ceop-name } عن ذلك: { -ceop-site }

# Alt text for the children's images (posters and social cards).
children-card = { -campaign-hashtag }
    .alt = صورة من حملة { -campaign-hashtag } التابعة لـ{ -campaign-owner }: «ليس كل شخص على الإنترنت هو من يقول إنه هو. إذا حدث شيء ما، فهو ليس خطأك. أخبر شخصًا بالغًا تثق به.» { -childline-name }: { -childline-number }. أبلغ { -ceop-name } عن ذلك.
