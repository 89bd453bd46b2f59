-helpline-name = { "\u2068" }Stop It Now!{ "\u2069" }
-helpline-number = { "\u2066" }0131 556 3535{ "\u2069" }
headline = کیا آپ آن لائن مجھ جیسے بچوں کے ساتھ جنسی زیادتی کا سوچ رہے ہیں؟
helpline = کیا آپ اپنے خیالات سے پریشان ہیں؟ رازدارانہ مدد حاصل کریں: { -helpline-name } { -helpline-number }
