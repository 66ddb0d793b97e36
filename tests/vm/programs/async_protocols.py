class Awaitable:
    def __await__(self):
        v = yield "suspended"
        return v * 2
async def inner(x):
    r = await Awaitable()
    return r + x
async def outer():
    a = await inner(1)
    return a
c = outer()
print(type(c).__name__)
print(c.send(None))
try:
    c.send(10)
except StopIteration as e:
    print("result", e.value)
class AIter:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 3: raise StopAsyncIteration
        return self.i
class ACtx:
    async def __aenter__(self):
        print("aenter"); return self
    async def __aexit__(self, *a):
        print("aexit"); return False
async def main():
    out = []
    async for v in AIter():
        out.append(v)
    async with ACtx() as c:
        out.append("ctx")
    return out
m = main()
try:
    m.send(None)
except StopIteration as e:
    print(e.value)
async def agen():
    yield 1
    yield 2
async def use_agen():
    return [v async for v in agen()]
u = use_agen()
try:
    u.send(None)
except StopIteration as e:
    print(e.value)
