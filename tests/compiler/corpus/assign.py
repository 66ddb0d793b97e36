x = 1
y = x + 2 * 3
a, b = b, a
a, b, c = c, b, a
[p, q] = 1, 2
first, *rest = range(10)
x = y = z = 0
obj.attr = 5
d[k] = v
d[1:2] = e
del x, d[k], obj.attr
x += 1
obj.n *= 2
d[i] -= 3
t = (1, 2, (3, 4))
l = [1, 2, 3]
s = {1, 2, 3}
e = {}
m = {'a': 1, 'b': 2}
m2 = {x: 1, **m}
neg = -5
big = 2 ** 100
f = 1.5
c = 3j
st = 'abc' 'def'
by = b'xyz'
n = None
el = ...
