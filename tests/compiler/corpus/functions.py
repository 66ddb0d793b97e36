def f(a, b=1, *args, c, d=2, **kw):
    "doc"
    return a + b

def g(x, /, y):
    return x

def h():
    pass

@decorator
@other(1)
def decorated():
    return 1

def closure(n):
    def inner(m):
        return n + m
    return inner

def nonloc():
    x = 0
    def inc():
        nonlocal x
        x += 1
        return x
    return inc

def glob():
    global G
    G = 1

def gen():
    yield 1
    x = yield
    yield from range(3)

def annotated(a: int, b: str = 'x') -> bool:
    return True

def defaults(a=[1, 2], *, k=3):
    return a, k
