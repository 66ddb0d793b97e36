def f(): pass
def f(a): pass
def f(a, b=1): pass
def f(a, /): pass
def f(a, /, b): pass
def f(a=1, /, b=2, *, c, d=4, **e): pass
def f(*args, **kwargs): pass
def f(*, a): pass
def f(a: int, b: "str" = "x", *c: int, d: float = 1.0, **e: dict) -> None: pass
def f(*args: *Ts): pass
def f(a,): pass
def f(
    a,
    b,
):
    """doc"""
    return a + b
@decorator
def f(): pass
@a.b.c
@d(1, 2)
@e[0]
@(lambda f: f)
@x := y
def f(): pass
async def f():
    await x
    async for a in b:
        pass
    async with a as b, c:
        pass
    return [x async for x in y]
@dec
async def g(): pass
class A: pass
class A(): pass
class A(B): pass
class A(B, C, metaclass=M, **kw):
    x = 1
    def m(self): return self
@dec
class A:
    """doc"""
lambda: 0
lambda x: x
lambda x, y=1, *a, z, **k: (x, y, a, z, k)
lambda *, k: k
lambda a, /, b: a
lambda *a: a
f = lambda: (yield)
