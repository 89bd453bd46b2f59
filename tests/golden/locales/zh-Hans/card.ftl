-helpline-name = Stop It Now!
-helpline-number = 0131 556 3535
headline = 你想在网上对像我这样的孩子实施性侵害吗？你离失去一切只差一次点击。
helpline = 你的想法让你担忧吗？获取保密的帮助：{ -helpline-name } { -helpline-number }
