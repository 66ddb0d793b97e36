import contextlib


def w(path):
    with open(path) as f, open(path) as g:
        return f.read() + g.read()


def w2():
    with contextlib.suppress(Exception):
        1 / 0
    with contextlib.nullcontext() as (a, b):
        pass


async def aw(cm):
    async with cm as x:
        await x
    async for i in cm:
        print(i)
    return [j async for j in cm]
