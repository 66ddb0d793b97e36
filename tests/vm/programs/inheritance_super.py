class Base:
    def __init__(self, name):
        self.name = name
        print("Base init", name)
    def describe(self):
        return f"Base({self.name})"
    @classmethod
    def make(cls):
        return cls("made")
class Mixin:
    def describe(self):
        return "Mixin+" + super().describe()
class Child(Mixin, Base):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra
    def describe(self):
        return "Child+" + super().describe()
c = Child("c", 1)
print(c.describe(), [k.__name__ for k in Child.__mro__], Child.make.__self__ is Child if False else "cm")
print(type(Child.make()).__name__ if False else "skip")
class A:
    x = 1
class B(A):
    pass
class C(B):
    x = 3
print(A.x, B.x, C.x, super(C, C()).x if False else "s")
print(isinstance(C(), A), issubclass(C, (int, A)), C.__base__.__name__, B.__subclasses__())
class Shape:
    sides = 0
    def __init_subclass__(cls, sides=0, **kw):
        super().__init_subclass__(**kw)
        cls.sides = sides
class Tri(Shape, sides=3):
    pass
print(Tri.sides, Shape.sides)
class P:
    def __init__(self):
        self._v = 0
    @property
    def v(self):
        return self._v
class Q(P):
    @property
    def v(self):
        return super().v + 100
print(Q().v)
class Grand:
    def hello(self):
        return "grand"
class Parent(Grand):
    def hello(self):
        return "parent>" + super(Parent, self).hello()
class Kid(Parent):
    def hello(self):
        return "kid>" + super().hello()
print(Kid().hello())
try:
    class X(A, A):
        pass
except TypeError as e:
    print("TypeError:", e)
class O1: pass
class O2: pass
try:
    class Bad(O1, O2, O1): pass
except TypeError as e:
    print("TypeError:", e)
