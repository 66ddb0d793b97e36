# Generators: pipelines of generator functions, yield from, generator expressions, send().
def naturals(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def squares(it):
    for x in it:
        yield x * x


def chain(*its):
    for it in its:
        yield from it


def tree(depth):
    if depth == 0:
        yield 1
        return
    yield from tree(depth - 1)
    yield depth
    yield from tree(depth - 1)


def accumulator():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


def pipeline(n):
    return sum(squares(evens(naturals(n))))


def genexpr(n):
    return sum(x * 3 for x in range(n) if x % 3 != 1)


def send_loop(n):
    acc = accumulator()
    next(acc)
    last = 0
    for i in range(n):
        last = acc.send(i % 11)
    acc.close()
    return last


print("pipeline", pipeline(600_000))
print("genexpr", genexpr(600_000))
print("chain", sum(chain(range(1000), naturals(200_000), [5, 6, 7])))
print("tree", sum(tree(15)))
print("send", send_loop(300_000))
print("list", list(squares(naturals(10))))
