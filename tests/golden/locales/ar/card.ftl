-helpline-name = { "\u2068" }Stop It Now!{ "\u2069" }
-helpline-number = { "\u2066" }0131 556 3535{ "\u2069" }
headline = هل تفكّر في الاعتداء الجنسي على أطفال مثلي عبر الإنترنت؟
helpline = هل تقلقك أفكارك؟ احصل على مساعدة سرّية: { -helpline-name } { -helpline-number }
