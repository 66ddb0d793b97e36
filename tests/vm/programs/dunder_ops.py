class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return V(self.x * k, self.y * k)
        return NotImplemented
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return V(-self.x, -self.y)
    def __eq__(self, o):
        return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __repr__(self):
        return f"V({self.x}, {self.y})"
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __iter__(self):
        yield self.x
        yield self.y
    def __bool__(self):
        return bool(self.x or self.y)
    def __contains__(self, v):
        return v in (self.x, self.y)
    def __call__(self, z):
        return self.x + self.y + z
a, b = V(1, 2), V(3, 4)
print(a + b, a - b, a * 3, 2 * a, -a, a == V(1, 2), a != b, a < b, sorted([b, a]))
print(len(a), a[0], a[-1], list(a), bool(V(0, 0)), 2 in a, a(10), {a: 1}[V(1, 2)])
x, y = a
print(x, y, max([b, a]))
class Num:
    def __init__(self, v): self.v = v
    def __radd__(self, o): return Num(o + self.v)
    def __repr__(self): return f"Num({self.v})"
    def __index__(self): return self.v
    def __iadd__(self, o):
        self.v += o
        return self
print(5 + Num(1), sum([Num(1), Num(2)], 0) if False else "skip", [10, 20, 30][Num(1)], bin(Num(5)))
n = Num(1)
n += 4
print(n)
class Cmp:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
    def __le__(self, o): return self.v <= o.v
print(Cmp(1) > Cmp(0), Cmp(1) >= Cmp(1), Cmp(2) == Cmp(2), Cmp(1) != Cmp(2))
class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None, ev)
        return True
with Ctx() as c:
    print("body", type(c).__name__)
    raise ValueError("suppressed")
print("after")
class Str:
    def __str__(self): return "STR"
    def __repr__(self): return "REPR"
    def __format__(self, spec): return f"FMT[{spec}]"
print(Str(), str(Str()), repr(Str()), [Str()], f"{Str()} {Str():xyz} {Str()!r}")
