print(eval("1 + 2"))
eval("1 +* 2")
