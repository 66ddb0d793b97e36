class Animal:
    kind = "animal"
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
    @classmethod
    def create(cls, name):
        return cls(name)
    @staticmethod
    def helper(x):
        return x * 2
    @property
    def upper(self):
        return self.name.upper()
class Dog(Animal):
    kind = "dog"
    def speak(self):
        return super().speak() + " (woof)"
d = Dog("Rex")
a = Animal.create("Generic")
print(d, a, d.speak(), a.speak(), d.kind, a.kind, Animal.count)
print(Dog.helper(4), d.helper(5), d.upper, isinstance(d, Animal), issubclass(Dog, Animal), type(d) is Dog)
print(Dog.__mro__, Dog.__bases__, Dog.__name__, Dog.__qualname__, d.__class__.__name__)
d.age = 3
print(d.__dict__, hasattr(d, "age"), getattr(d, "missing", "dflt"))
delattr(d, "age")
print(hasattr(d, "age"))
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        self._c = v * 10
    @c.deleter
    def c(self):
        print("deleting")
t = Temp()
t.c = 5
print(t.c)
del t.c
class Slotted:
    __slots__ = ("x", "y")
    def __init__(self):
        self.x = 1
s = Slotted()
print(s.x, hasattr(s, "y"))
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError:", e)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcls, name, bases, ns)
class Tagged(metaclass=Meta):
    pass
print(Tagged.tag, type(Tagged).__name__)
class Base:
    subs = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        Base.subs.append(cls.__name__)
class S1(Base): pass
class S2(Base): pass
print(Base.subs)
class Desc:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, typ=None):
        return f"desc:{self.name}"
class UsesDesc:
    field = Desc()
print(UsesDesc().field, UsesDesc.field)
class Dyn:
    def __getattr__(self, name):
        return name * 2
print(Dyn().abc)
X = type("X", (object,), {"v": 1, "m": lambda self: self.v + 1})
print(X().m(), X.__name__)
