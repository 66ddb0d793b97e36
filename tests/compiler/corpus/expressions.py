a = x and y or z
b = not x
c = x if y else z
d = -x + ~y
e = x < y < z
f = x is None
g = x is not None
h = x in (1, 2, 3)
i = x not in [1, 2, 3]
j = x[1:2:3]
k = x[::2]
l = (yield_ := 5)
m = lambda q, *r, s=1, **t: q + s
n = [*a, *b]
o = (*a, 1)
p = {**a, 'k': 1}
q = f"x={x!r:>10} {y}"
r = "%s-%r" % (a, b)
s = a @ b
t = x // y % z ** w
u = x << 2 >> 1 | 3 & 4 ^ 5
v = 1 if x else 2 if y else 3
