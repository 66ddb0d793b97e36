def outer(a, b):
    c = 1
    def mid(d):
        def inner():
            return a + c + d
        return inner
    class K:
        a = b
        def m(self):
            return a, __class__
        def n(self):
            return super().n()
    return mid, K, lambda: b

x = 1
class C:
    x = 2
    y = [x for _ in range(3)]
    z = lambda: x
