# Deterrence assets: for adults at risk of offending.
# The voice is a child's ("children like me"), speaking directly to the reader.

deterrence-headline = Thinking of sexually abusing children like me online?
deterrence-consequence = You're one click away from losing everything.
deterrence-anonymity = The internet does not provide anonymity – there is no hiding place.
deterrence-victims = Every image shared of child sexual abuse comes from a child who was abused.
# The sentence that leads into the helpline, on the lines above it.
helpline-lead = Worried about your thoughts? Get confidential help before it's too late:
# The lock-up: the helpline's name and number, drawn on a line of their own, larger than
# the sentence above. Only the two terms: pipeline.yaml requires them exactly.
helpline-contact = { -helpline-name } { -helpline-number }

# Alt text for the deterrence images (posters and social cards). Screen-reader
# users need the helpline as much as anyone, so it is in the alt text too.
deterrence-card = { -campaign-owner }: { -campaign-hashtag }
    .alt = { -campaign-owner } campaign image. A child's words: "Thinking of sexually abusing children like me online? You're one click away from losing everything." Worried about your thoughts? Get confidential help before it's too late: { -helpline-name } { -helpline-number }.
