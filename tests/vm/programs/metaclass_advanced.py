class Registry(type):
    classes = {}
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes[name] = cls
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.kw = kw
    def __call__(cls, *args, **kwargs):
        print("creating", cls.__name__)
        return super().__call__(*args, **kwargs)
    def describe(cls):
        return f"class {cls.__name__}"
class Base(metaclass=Registry):
    def __init__(self, v=0):
        self.v = v
class Child(Base, flag=True):
    pass
c = Child(5)
print(c.v, Child.kw, sorted(Registry.classes), Child.describe(), type(Child).__name__, isinstance(Child, Registry))
class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        print("prepare", name)
        return {"injected": 42}
class WithPrepare(metaclass=OrderedMeta):
    a = 1
print(WithPrepare.injected, WithPrepare.a)
class Singleton(type):
    _inst = {}
    def __call__(cls, *a, **k):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a, **k)
        return cls._inst[cls]
class Config(metaclass=Singleton):
    pass
print(Config() is Config())
class Gen:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"
print(Gen[int], list[int], dict[str, int])
class A:
    @classmethod
    def make(cls):
        return cls.__name__
class B(A):
    @classmethod
    def make(cls):
        return "B+" + super().make()
print(B.make(), B().make())
def add_method(cls):
    cls.extra = lambda self: "extra"
    return cls
@add_method
class Decorated:
    pass
print(Decorated().extra())
