def f(a, b, *, c):
    pass
for call in [lambda: f(1), lambda: f(1, 2, 3), lambda: f(1, 2), lambda: f(1, 2, c=3, d=4), lambda: f(1, a=1, c=2)]:
    try:
        call()
    except TypeError as e:
        print(e)
def g(x, y=1): pass
for call in [lambda: g(), lambda: g(1, 2, 3), lambda: g(y=2)]:
    try:
        call()
    except TypeError as e:
        print(e)
class K:
    def m(self, a): pass
try:
    K().m()
except TypeError as e:
    print(e)
try:
    K().m(1, 2)
except TypeError as e:
    print(e)
def h(a, b, c): pass
try:
    h(1)
except TypeError as e:
    print(e)
def po(a, /, b): pass
try:
    po(a=1, b=2)
except TypeError as e:
    print(e)
try:
    object(1)
except TypeError as e:
    print(e)
try:
    K(1)
except TypeError as e:
    print(e)
f(1, 2, c=3)
f(1, 2, 3)
