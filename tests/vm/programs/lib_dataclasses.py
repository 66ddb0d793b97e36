from dataclasses import dataclass, field, asdict, replace, fields
@dataclass
class Point:
    x: int
    y: int = 0
@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    tags: list = field(default_factory=list)
p = Point(1, 2)
print(p, Point(3), p == Point(1, 2), p != Point(2, 2), asdict(p), replace(p, y=9))
print(sorted([Version(2, 1), Version(1, 5), Version(2, 0)]), Version(1) < Version(1, 1))
v = Version(1)
v.tags.append("beta")
print(v, Version(1).tags, [f.name for f in fields(Version)])
@dataclass(frozen=True)
class Frozen:
    name: str
fz = Frozen("x")
try:
    fz.name = "y"
except AttributeError as e:
    print(type(e).__name__, e)
print(hash(fz) == hash(Frozen("x")), {fz: 1}[Frozen("x")])
try:
    Point()
except TypeError as e:
    print("TypeError:", e)
@dataclass
class Inv:
    item: str
    qty: int
    def __post_init__(self):
        self.total = self.qty * 2
print(Inv("a", 3).total, Inv("b", 1))
match Point(0, 5):
    case Point(x=0, y=yy):
        print("on y axis at", yy)
