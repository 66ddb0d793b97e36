"""Module docstring."""
import os
from sys import path as p, argv


def simple(a, b=2, *args, c, d=4, **kw):
    "doc"
    return a + b * c - d / len(args) // 3 % 2 ** 1


def posonly(x, y, /, z):
    return x, y, z


def annotated(a: int, b: "str" = "x") -> list:
    return [a, b]


def calls(o):
    o.method(1, 2)
    o.attr.method(k=3)
    f = print
    f(*o, **o)
    print("a", sep="", end="\n")
    return o[1:2], o[::3], o[1:2:3]


lam = lambda x, y=1: x + y
x = 1
x += 2
x -= 3; x *= 4; x /= 5; x //= 6; x %= 7; x **= 2; x <<= 1; x >>= 1; x &= 3; x |= 4; x ^= 5
del x
print(-p, +p, ~p, not p)
a, *b, c = range(10)
(d, e), f = (1, 2), 3
global_var = None
