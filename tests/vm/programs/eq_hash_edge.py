class AlwaysEq:
    def __eq__(self, other):
        return True
    __hash__ = object.__hash__
a = AlwaysEq()
print(a == 1, 1 == a, a != 1, a in [1, 2], [1, 2].index(a) if False else "", a == a)
class NeverEq:
    def __eq__(self, other):
        return NotImplemented
n = NeverEq()
print(n == n, n == 1, n != 1, n is n)
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
class Reflect:
    def __lt__(self, other):
        return "lt called"
    def __gt__(self, other):
        return "gt called"
print(Reflect() < 1, 1 < Reflect(), 1 > Reflect())
print(float("nan") in [float("nan")], (lambda n: n in [n])(float("nan")), [1, 2] == [1, 2.0], (1, "a") < (1, "b"))
print({1, 2} == frozenset({1, 2}), {} == dict(), [] == (), 0 == -0.0, hash(0) == hash(-0.0), 1.5 == 3 / 2)
