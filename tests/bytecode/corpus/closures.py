def outer(a):
    b = 1
    def inner(c):
        nonlocal b
        b += c
        return a + b
    def other():
        return inner
    return inner


def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc


def cell_arg(x):
    def g():
        return x
    x = 2
    return g


class C:
    def method(self):
        return __class__

    def uses_super(self):
        return super().method()
