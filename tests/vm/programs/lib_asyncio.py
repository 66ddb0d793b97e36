import asyncio
async def worker(name, delay, log):
    log.append(f"{name} start")
    await asyncio.sleep(delay)
    log.append(f"{name} done")
    return name.upper()
async def main():
    log = []
    results = await asyncio.gather(worker("a", 0.2, log), worker("b", 0.1, log), worker("c", 0.3, log))
    print(results)
    print(log)
    t = asyncio.create_task(worker("d", 0.05, log))
    print(await t, t.done())
    q = asyncio.Queue()
    async def producer():
        for i in range(3):
            await q.put(i)
            await asyncio.sleep(0)
    async def consumer():
        got = []
        for _ in range(3):
            got.append(await q.get())
        return got
    _, got = await asyncio.gather(producer(), consumer())
    print(got)
    try:
        await asyncio.gather(worker("e", 0, log), fails())
    except ValueError as e:
        print("ValueError:", e)
    return "finished"
async def fails():
    await asyncio.sleep(0)
    raise ValueError("task failed")
print(asyncio.run(main()))
