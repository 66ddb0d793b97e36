def many():
    return (v0, v1, v2, v3) + tuple(range(300))
if (n := len(a)) > 10:
    print(f"{n=} {n!s:{w}.{p}} {'nested' + f'{x}'}")
print(*a, *b, sep=' ', **k)
x = [1, 2, *c, 3]
y = {**a, **b}
z = 1 if a else 2
del a[0], b.c
s = a[1:2], a[::], a[x:y:z]
t = 'a' * 3 + 'b'
u = (1, 2) + (3,)
v = ~5, -(-3), not 0, 2 ** 10, 10 // 3, 10 % 3, 7 / 2, 1 << 4
async def ag():
    async for x in y:
        yield x
    await z
    return
def gen2():
    yield
    return (yield from g())
lam = lambda: (yield)
class D(Base, *mixins, **kw):
    pass
