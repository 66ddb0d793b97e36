def gen(n):
    for i in range(n):
        x = yield i
        if x:
            yield from gen(x)
    return n


async def coro(a):
    await a
    return await a.b()


async def agen():
    yield 1
    yield 2


def comps(xs):
    l = [x * 2 for x in xs if x]
    s = {x for x in xs}
    d = {x: y for x, y in xs}
    g = (x for x in xs)
    nested = [[y for y in x] for x in xs]
    return l, s, d, g, nested


while True:
    break
while x := 0:
    pass
i = 0
while i < 10:
    i += 1
else:
    pass
