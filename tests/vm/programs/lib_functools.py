from functools import reduce, partial, wraps, lru_cache, cmp_to_key, total_ordering
import functools
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 10))
add3 = partial(lambda a, b, c: a + b + c, 1, c=3)
print(add3(2), add3.args, add3.keywords)
def logged(fn):
    @wraps(fn)
    def inner(*a):
        return fn(*a)
    return inner
@logged
def greet(name):
    "Say hi."
    return "hi " + name
print(greet("x"), greet.__name__, greet.__doc__, greet.__wrapped__.__name__)
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError:", e)
@functools.cache
def sq(x):
    print("computing", x)
    return x * x
print(sq(4), sq(4))
