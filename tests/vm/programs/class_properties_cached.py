class Circle:
    def __init__(self, r):
        self._r = r
        self._area = None
    @property
    def r(self):
        return self._r
    @r.setter
    def r(self, v):
        if v < 0:
            raise ValueError("negative radius")
        self._r = v
        self._area = None
    @property
    def area(self):
        if self._area is None:
            print("computing")
            self._area = 3 * self._r ** 2
        return self._area
c = Circle(2)
print(c.area, c.area)
c.r = 3
print(c.area)
try:
    c.r = -1
except ValueError as e:
    print("ValueError:", e)
try:
    c.area = 5
except AttributeError as e:
    print("AttributeError:", e)
print(type(Circle.r).__name__, Circle.r.fget.__name__, Circle.area.fset)
class Frozen:
    __slots__ = ("a",)
    def __init__(self, a):
        object.__setattr__(self, "a", a)
    def __setattr__(self, k, v):
        raise AttributeError(f"cannot set {k}")
f = Frozen(1)
print(f.a)
try:
    f.a = 2
except AttributeError as e:
    print(e)
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
v = Vec(1, 2)
print(v.x, v.y, hasattr(v, "__dict__"), Vec.x)
del v.x
print(hasattr(v, "x"))
