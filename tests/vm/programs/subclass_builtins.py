class MyInt(int):
    def double(self):
        return self * 2
x = MyInt(21)
print(x, x.double(), type(x.double()).__name__, x + 1, type(x + 1).__name__, isinstance(x, int), repr(x), x == 21, hash(x) == hash(21))
class Upper(str):
    def shout(self):
        return self.upper() + "!"
u = Upper("hi")
print(u, u.shout(), len(u), u + "x", type(u + "x").__name__, u[0], u == "hi", {u: 1}["hi"], f"{u:>5}")
class Stack(list):
    def push(self, v):
        self.append(v)
    def peek(self):
        return self[-1]
s = Stack([1])
s.push(2)
print(s, s.peek(), len(s), type(s).__name__, s + [3], isinstance(s, list), sorted(Stack([3, 1, 2])))
class LoggingDict(dict):
    def __setitem__(self, k, v):
        print("set", k)
        super().__setitem__(k, v)
d = LoggingDict()
d["a"] = 1
d.update(b=2)
print(d, d["a"], len(d))
class Temp(float):
    def __repr__(self):
        return f"Temp({float(self)})"
t = Temp(36.6)
print(t, t + 1, round(t), [t], float(t) * 2, str(t))
class Pt(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
p = Pt(1, 2)
print(p, p.x, len(p), p + (3,), isinstance(p, tuple), type(p).__name__)
class Bag(set):
    pass
b = Bag([3, 1, 2])
print(sorted(b), len(b), 2 in b, type(b).__name__)
class E(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.total = a + b
try:
    raise E(1, 2)
except E as e:
    print(e, e.args, e.total, repr(e))
