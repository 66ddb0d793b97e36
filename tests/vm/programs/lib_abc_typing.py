from abc import ABC, abstractmethod
from typing import List, Dict, Optional, Any, Tuple, Union, Callable
class Shape(ABC):
    @abstractmethod
    def area(self) -> float: ...
    def describe(self) -> str:
        return f"{type(self).__name__} with area {self.area():.2f}"
class Square(Shape):
    def __init__(self, s: float):
        self.s = s
    def area(self) -> float:
        return self.s ** 2
print(Square(3).describe(), isinstance(Square(1), Shape), issubclass(Square, Shape))
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
class Partial(Shape):
    pass
try:
    Partial()
except TypeError as e:
    print("TypeError:", e)
def total(xs: List[int], scale: Optional[float] = None) -> Dict[str, Any]:
    return {"sum": sum(xs) * (scale or 1)}
print(total([1, 2, 3]), total([1], 2.5), total.__annotations__["xs"])
Pair = Tuple[int, str]
f: Callable[[int], int] = lambda v: v + 1
print(f(1), Pair, Union[int, str])
