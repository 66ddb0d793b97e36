def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=8))
print(f(*[1, 2, 3], **{"c": 9, "z": 0}))
def g(x, /, y, *, z):
    return x + y + z
print(g(1, 2, z=3), g(1, y=2, z=3))
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
print(c(), c(), c())
def outer():
    x = "outer"
    def inner():
        return x
    x = "changed"
    return inner
print(outer()())
adders = [lambda v, i=i: v + i for i in range(3)]
print([a(10) for a in adders])
def deco(fn):
    def wrapper(*a, **k):
        print("calling", fn.__name__)
        return fn(*a, **k)
    return wrapper
@deco
def hello(name):
    return "hi " + name
print(hello("bob"))
print(f.__name__, f.__defaults__, f.__kwdefaults__, hello.__qualname__, outer.__code__.co_name)
def rec(n):
    return 1 if n <= 1 else n * rec(n - 1)
print(rec(20), rec(30))
def gen_default(a, L=[]):
    L.append(a)
    return L
print(gen_default(1), gen_default(2))
print((lambda *a, **k: (a, k))(1, 2, x=3))
g2 = lambda: None
print(g2(), callable(g2), callable(3))
x = 10
def uses_global():
    global x
    x += 1
    return x
print(uses_global(), x)
def doc():
    "docstring here"
print(doc.__doc__, doc())
def annotated(a: int, b: "str" = "x") -> bool:
    return True
print(annotated.__annotations__)
