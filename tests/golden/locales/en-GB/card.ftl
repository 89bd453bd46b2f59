-helpline-name = Stop It Now!
-helpline-number = 0131 556 3535
# Long on purpose: it must be shrunk to fit.
headline = Thinking of sexually abusing children like me online? You're one click away from losing everything.
helpline = Worried about your thoughts? Get confidential help: { -helpline-name } { -helpline-number }
