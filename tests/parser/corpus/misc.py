"""Module docstring."""
from __future__ import annotations
import typing
T = typing.TypeVar('T')
def generic(x: list[T], *, key: typing.Callable[[T], int] | None = None) -> dict[str, T]:
    result: dict[str, T] = {}
    for i, item in enumerate(x):
        if key is not None and key(item) > 0:
            result[str(i)] = item
        elif not key:
            continue
    return result
class Stack(typing.Generic[T]):
    def __init__(self) -> None:
        self.items: list[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
    @property
    def empty(self) -> bool:
        return not self.items
    @staticmethod
    def make(*args, **kwargs): return Stack()
    @classmethod
    def new(cls): return cls()
try:
    import json
except ImportError:
    json = None
if __name__ == '__main__':
    s = Stack()
    s.push(1)
    print(s.pop(), s.empty, sep=', ')
    data = {'a': [1, 2, {'b': (3, 4)}], 'c': None}
    squares = {n: n * n for n in range(10) if n % 2}
    matrix = [[i * j for j in range(3)] for i in range(3)]
    gen = (x for row in matrix for x in row)
    total = sum(x for x in gen)
    first, *rest = [1, 2, 3]
    a = b if (c := len(rest)) > 1 else -c
    print(f"{total=} {first!r:>5} {rest}")
