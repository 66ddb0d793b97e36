if x is 1:
    pass
assert (x, "m")
f = 1(2)
y = "a"[1.5]
z = [1][x]
w = (1)[0]
def f(x):
    return x is not ()
