from enum import Enum, IntEnum, auto
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.GREEN), Color(3), Color["RED"], Color.RED.name, Color.RED.value, len(Color))
print(list(Color), Color.RED is Color(1), Color.RED == Color.RED, Color.RED != Color.BLUE, Color.RED in Color)
print({c.name: c.value for c in Color}, isinstance(Color.RED, Color), type(Color.RED).__name__)
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
class Status(IntEnum):
    OK = 200
    NOT_FOUND = 404
print(Status.OK == 200, Status.NOT_FOUND + 1, sorted([Status.NOT_FOUND, Status.OK]), f"{Status.OK}")
class Auto(Enum):
    A = auto()
    B = auto()
    C = auto()
print([m.value for m in Auto], Auto.B)
match Color.GREEN:
    case Color.RED:
        print("red")
    case Color.GREEN:
        print("green!")
