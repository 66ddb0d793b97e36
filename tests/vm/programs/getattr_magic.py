class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "log", [])
    def __getattr__(self, name):
        self.log.append(("get", name))
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        self.log.append(("set", name))
        setattr(self._target, name, value)
class T:
    a = 1
t = T()
p = Proxy(t)
p.b = 2
print(p.a, p.b, t.b, p.log)
class Strict:
    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise AttributeError(f"no access to {name}")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"fallback:{name}"
s = Strict()
s.x = 5
print(s.x, s.secret_key, getattr(s, "secret2", "dflt"))
class Lazy:
    def __getattr__(self, name):
        if name == "computed":
            self.computed = 42
            return self.computed
        raise AttributeError(name)
l = Lazy()
print(l.computed, l.__dict__, hasattr(l, "other"))
class NoDel:
    def __delattr__(self, name):
        print("refusing to delete", name)
n = NoDel()
n.x = 1
del n.x
print(n.x)
class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"expected {self.kind.__name__}")
        setattr(obj, self.name, value)
class Rec:
    age = Typed(int)
r = Rec()
r.age = 5
print(r.age, type(Rec.age).__name__)
try:
    r.age = "x"
except TypeError as e:
    print(e)
