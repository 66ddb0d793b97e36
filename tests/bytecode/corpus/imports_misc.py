from os import *
from . import sibling
from ..pkg import mod as m2
import a.b.c
import a.b.c as d
__all__ = ["x"]
x: int
y: "list[int]" = []
lst = [1, 2, *lst]
st = {*lst, 3}
dc = {**dc, "k": 1}
t = (*lst,)
print(*lst, sep="")
print(**dc)
if x is None and y is not None or x == y != 1 < 2:
    pass
if not x:
    pass
elif x in y:
    pass
elif x not in y:
    pass
a = x if y else y
a[1] = 2
a.b = 3
del a[1], a.b
global g
