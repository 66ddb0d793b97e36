# Attribute and method access on classes with and without __slots__, properties and inheritance.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)


class SlotPoint:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def moved(self, dx, dy):
        return SlotPoint(self.x + dx, self.y + dy)


class Counter:
    total = 0

    def __init__(self):
        self._value = 0

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, v):
        self._value = v

    def bump(self, k):
        self._value += k
        Counter.total += 1
        return self


class Base:
    scale = 3

    def weight(self, n):
        return n * self.scale


class Derived(Base):
    offset = 7

    def weight(self, n):
        return super().weight(n) + self.offset


def walk(cls, n):
    p = cls(0, 0)
    acc = 0
    for i in range(n):
        p = p.moved(i % 7 - 3, i % 5 - 2)
        acc += p.norm1()
        p.x = p.x % 1000
        p.y = p.y % 1000
    return acc, p.x, p.y


def counters(n):
    c = Counter()
    for i in range(n):
        c.bump(i % 3).bump(1)
        if c.value > 100_000:
            c.value = c.value - 100_000
    return c.value, Counter.total


def inherit(n):
    objs = [Base(), Derived()]
    acc = 0
    for i in range(n):
        acc += objs[i & 1].weight(i)
    return acc


print("plain", walk(Point, 200_000))
print("slots", walk(SlotPoint, 200_000))
print("property", counters(150_000))
print("inherit", inherit(200_000))
print("hasattr", hasattr(SlotPoint(1, 2), "__dict__"), hasattr(Point(1, 2), "__dict__"))
