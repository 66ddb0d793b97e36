# with statements, generators (send/throw/close, yield from), comprehensions and class bodies.
class Ctx:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print('enter', self.name)
        return self

    def __exit__(self, t, v, tb):
        print('exit', self.name, t.__name__ if t else None)
        return self.swallow


def gen(n):
    total = 0
    for i in range(n):
        got = yield i
        if got:
            total += got
    return total


def delegate():
    result = yield from gen(3)
    yield result


with Ctx('a') as a, Ctx('b'):
    x = 1
with Ctx('c', swallow=True):
    raise KeyError('swallowed')
g = gen(3)
print(next(g), g.send(10), g.send(5))
try:
    g.send(1)
except StopIteration as e:
    print('returned', e.value)
print(list(delegate()))
g = gen(5)
next(g)
try:
    g.throw(ValueError('thrown'))
except ValueError as e:
    print('thrown out', e)
g = gen(5)
next(g)
g.close()
squares = [i * i for i in range(4) if i != 2]
pairs = {k: v for k, v in zip('ab', squares)}
print(squares, pairs, sorted({s % 3 for s in squares}), sum(s for s in squares))


class Point:
    dims = 2

    def __init__(self, x, y):
        self.x, self.y = x, y

    @property
    def norm(self):
        return abs(self.x) + abs(self.y)


print(Point(3, -4).norm, Point.dims)
