import os
import os.path as osp, sys
from . import a
from .. import b as c
from ...pkg.mod import (x, y as z,)
from m import *
x = 1
x = y = z = 2
a, b = b, a
[a, *b] = c
(a, b), c = d
x.y = 1
x[0] = 1
x[1:2] = []
x += 1; x -= 1; x *= 2; x @= m; x /= 2; x //= 2; x %= 3; x **= 2; x >>= 1; x <<= 1; x &= 1; x |= 1; x ^= 1
x: int
x: int = 5
(y): str = 'a'
a.b: list[int] = []
a[0]: int
del x
del a, b[0], c.d
del (a, b), [c]
pass
assert x
assert x, "message"
global g1, g2
def f():
    nonlocal q
    return
def g():
    return 1, 2
def h():
    yield
    yield 1
    yield from range(3)
    x = yield 2
    return (yield)
raise
raise E
raise E from None
if a: pass
if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass
while x:
    break
else:
    continue
for i in range(10):
    pass
else:
    pass
for a, b in pairs: pass
for (a, b) in pairs: pass
for [a, *b] in pairs: pass
for x.y in z: pass
for x[0] in z: pass
with a: pass
with a as b, c as d: pass
with (a as b, c as d): pass
with (a, b): pass
with (yield): pass
with a as (b, c): pass
try:
    pass
except:
    pass
try:
    pass
except E:
    pass
except (A, B) as e:
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
try:
    pass
except* ValueError:
    pass
except* (TypeError, KeyError) as eg:
    pass
x = 1 ;
