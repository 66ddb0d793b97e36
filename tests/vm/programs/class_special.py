class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __str__(self):
        return f"${self.cents / 100:.2f}"
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __hash__(self):
        return hash(self.cents)
    def __lt__(self, other):
        return self.cents < other.cents
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return NotImplemented
    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented
    def __bool__(self):
        return self.cents != 0
    def __format__(self, spec):
        return format(self.cents / 100, spec)
ms = [Money(250), Money(100), Money(75)]
print(sorted(ms), sum(ms), str(sum(ms)), max(ms), min(ms), Money(1) == Money(1), Money(1) in ms)
print(len({Money(5), Money(5), Money(6)}), bool(Money(0)), f"{Money(1234):.1f}", f"{Money(5)}", [str(m) for m in ms])
try:
    Money(1) + 5
except TypeError as e:
    print(e)
try:
    Money(1) < 5
except AttributeError as e:
    print("AttributeError", e)
class Container:
    def __init__(self):
        self.d = {}
    def __setitem__(self, k, v):
        self.d[k] = v
    def __getitem__(self, k):
        return self.d[k]
    def __delitem__(self, k):
        del self.d[k]
    def __len__(self):
        return len(self.d)
    def __contains__(self, k):
        return k in self.d
c = Container()
c["a"] = 1
c["b"] = 2
del c["a"]
print(len(c), "b" in c, "a" in c, c["b"])
class Callable:
    def __call__(self, *args, **kwargs):
        return args, kwargs
print(Callable()(1, k=2), callable(Callable()))
class WithClassAttr:
    items = []
    def add(self, x):
        self.items.append(x)
w1, w2 = WithClassAttr(), WithClassAttr()
w1.add(1)
w2.add(2)
print(WithClassAttr.items, w1.items is w2.items)
class Ordered:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    __hash__ = None
try:
    hash(Ordered(1))
except TypeError as e:
    print(e)
print(Ordered(1) == Ordered(1), Ordered(1) != Ordered(2))
