def level3(x):
    return x.upper()
def level2(x):
    return level3(x) + "!"
def level1(x):
    return [level2(v) for v in x]
print(level1(["a", "b"]))
print(level1(["a", None]))
