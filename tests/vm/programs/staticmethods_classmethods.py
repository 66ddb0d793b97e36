class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"
class MyDate(Date):
    pass
print(Date.from_string("2024-02-29"), MyDate.from_string("2000-1-1"), Date.is_leap(1900), Date.is_leap(2000))
d = Date(1, 2, 3)
print(d.is_leap(2024), d.from_string("5-6-7"), type(Date.__dict__["is_leap"]).__name__, type(Date.__dict__["from_string"]).__name__)
print(Date.from_string.__self__ is Date, Date.is_leap.__name__, callable(Date.is_leap))
sm = staticmethod(lambda: "static")
cm = classmethod(lambda cls: cls.__name__)
class Holder:
    s = sm
    c = cm
print(Holder.s(), Holder().c(), Holder.c())
