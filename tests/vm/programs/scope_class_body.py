x = "module"
class C:
    x = "class"
    y = x + "!"
    def m(self):
        return x
    z = [x for _ in range(1)]
print(C.y, C().m(), C.z)
def f():
    v = "function"
    class D:
        w = v
        def get(self):
            return v
    return D
D = f()
print(D.w, D().get())
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
objs = [Counter() for _ in range(3)]
print([o.id for o in objs], Counter.count)
class WithAnnotations:
    a: int
    b: str = "x"
print(WithAnnotations.__annotations__, WithAnnotations.b)
def g():
    class Local:
        pass
    return Local
print(g().__qualname__, g().__name__, C.m.__qualname__)
