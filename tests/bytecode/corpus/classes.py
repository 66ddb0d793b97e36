import abc


class Base(metaclass=abc.ABCMeta):
    """Docstring."""
    attr: int = 3
    other = [1, 2]

    def __init__(self, v):
        self.v = v

    @property
    def value(self):
        return self.v

    @staticmethod
    def s():
        return 1

    @classmethod
    def c(cls):
        return cls()


class Derived(Base, object):
    def __init__(self):
        super().__init__(1)
        self.x: int = 2

    def __repr__(self):
        return f"Derived({self.v!r}, {self.x:>10}, {self.v!s:{self.x}}, {self.x!a})"


def deco(f):
    return f


@deco
class Decorated:
    pass
