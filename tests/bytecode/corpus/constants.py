a = 12345678901234567890123456789
b = -2 ** 100
c = 1.5
d = 1e300 * 10
e = -0.0
f = 3j
g = 1 + 2j
h = b"bytes\x00\xff'"
i = "str with 'quotes' and \"dq\""
j = "unicode \u00e9 \U0001f600 \t\n"
k = (1, 2.0, "three", (4, (5,)), None, ..., True, False)
l = frozenset({1, 2})
m = x in {1, 2, 3}
n = x in ["a", "b"]
o = ()
p = 2 ** 62
q = 2 ** 63
r = -(2 ** 31)
s = 0xFFFFFFFF
t = "a" * 5000
u = float("nan")
v = 1e16
w = 0.1
y = {"a": 1, "b": 2, "c": 3}
z = {1: 1, 2: 2}
for q in {1, 2}:
    pass
for q in [1, 2]:
    pass
