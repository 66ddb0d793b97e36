async def f():
    await g()
    async with a as b:
        pass
    async for x in y:
        print(x)
    return [z async for z in w]

async def agen():
    yield 1
