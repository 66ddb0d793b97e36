g = 0
def a():
    global g
    g += 1
    class Inner:
        global g2
        g2 = g
        def m(self):
            return super().m() + __class__.x
        x = [self for self in range(2)]
    return Inner
def b(p, *, q=lambda: g):
    def c():
        nonlocal p
        p = p + 1
        def d():
            return p, q
        return d
    return c
def e(x):
    del x
    y = (z := 1) + z
    return [w := v for v in range(3)], w
class Outer:
    def __private(self):
        return self.__secret
    class Nested:
        def n(self):
            return __name__
    attr = __private
