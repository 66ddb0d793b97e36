x = "global"
def a():
    x = "enclosing"
    def b():
        def c():
            return x
        return c()
    return b()
print(a())
def make():
    fns = []
    for i in range(3):
        def f():
            return i
        fns.append(f)
    return [fn() for fn in fns]
print(make())
def acc():
    total = 0
    def add(v):
        nonlocal total
        total += v
        return total
    return add
add = acc()
add(1)
add(2)
print(add(3), add.__closure__[0].cell_contents)
class C:
    y = 5
    vals = [y * 2 for _ in range(1)] if False else None
    def m(self):
        return C.y
print(C().m())
def shadow():
    try:
        print(undefined_local)
        undefined_local = 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
shadow()
def gl():
    global newglobal
    newglobal = 42
gl()
print(newglobal)
def classcell():
    class Inner:
        def m(self):
            return __class__.__name__
    return Inner().m()
print(classcell())
def comp_scope():
    n = 10
    return [n + i for i in range(3)], {i: n for i in range(2)}, {n for _ in range(1)}, list(n * j for j in range(2))
print(comp_scope())
