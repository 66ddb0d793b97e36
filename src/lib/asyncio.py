"""A small asyncio for pyvm (written in Python): one event loop with virtual time, Future, Task,
run, sleep, gather, create_task, wait_for, Event and Queue. Enough for programs that use asyncio
to structure concurrent work; timers advance a virtual clock instead of sleeping."""


class CancelledError(BaseException):
    pass


class TimeoutError(Exception):
    pass


class InvalidStateError(Exception):
    pass


_current_loop = None


class Future:
    def __init__(self, loop=None):
        self._loop = loop or get_event_loop()
        self._done = False
        self._result = None
        self._exception = None
        self._callbacks = []

    def done(self):
        return self._done

    def result(self):
        if not self._done:
            raise InvalidStateError('Result is not set.')
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        return self._exception

    def set_result(self, value):
        if self._done:
            raise InvalidStateError('invalid state')
        self._result = value
        self._finish()

    def set_exception(self, exc):
        if self._done:
            raise InvalidStateError('invalid state')
        if isinstance(exc, type):
            exc = exc()
        self._exception = exc
        self._finish()

    def cancel(self, msg=None):
        if self._done:
            return False
        self.set_exception(CancelledError())
        return True

    def cancelled(self):
        return isinstance(self._exception, CancelledError)

    def _finish(self):
        self._done = True
        callbacks, self._callbacks = self._callbacks, []
        for cb in callbacks:
            self._loop._ready.append((cb, (self,)))

    def add_done_callback(self, cb):
        if self._done:
            self._loop._ready.append((cb, (self,)))
        else:
            self._callbacks.append(cb)

    def __await__(self):
        if not self._done:
            yield self
        return self.result()

    __iter__ = __await__


class Task(Future):
    def __init__(self, coro, loop=None, name=None):
        super().__init__(loop)
        self._coro = coro
        self._name = name
        self._loop._ready.append((self._step, (None, None)))

    def get_name(self):
        return self._name

    def get_coro(self):
        return self._coro

    def _step(self, value, exc):
        global _current_task
        prev, _current_task = _current_task, self
        try:
            if exc is not None:
                fut = self._coro.throw(exc)
            else:
                fut = self._coro.send(value)
        except StopIteration as e:
            self.set_result(e.value)
            return
        except BaseException as e:
            self.set_exception(e)
            return
        finally:
            _current_task = prev
        if fut is None:
            self._loop._ready.append((self._step, (None, None)))
        else:
            fut.add_done_callback(self._wakeup)

    def _wakeup(self, fut):
        if fut._exception is not None:
            self._step(None, fut._exception)
        else:
            self._step(fut._result, None)

    def __repr__(self):
        return f"<Task {'finished' if self._done else 'pending'} name={self._name!r}>"


_current_task = None


class AbstractEventLoop:
    def __init__(self):
        self._ready = []
        self._timers = []
        self._seq = 0
        self._time = 0.0
        self._closed = False

    def time(self):
        return self._time

    def call_soon(self, callback, *args):
        self._ready.append((callback, args))

    def call_later(self, delay, callback, *args):
        self._seq += 1
        self._timers.append((self._time + max(delay, 0), self._seq, callback, args))
        self._timers.sort(key=lambda t: (t[0], t[1]))

    def create_future(self):
        return Future(self)

    def create_task(self, coro, name=None):
        return Task(coro, self, name)

    def run_until_complete(self, aw):
        task = aw if isinstance(aw, Future) else Task(aw, self)
        while not task.done():
            if self._ready:
                batch, self._ready = self._ready, []
                for cb, args in batch:
                    cb(*args)
            elif self._timers:
                when, _, cb, args = self._timers.pop(0)
                self._time = max(self._time, when)
                cb(*args)
            else:
                raise RuntimeError('Event loop stopped before Future completed.')
        return task.result()

    def close(self):
        self._closed = True

    def is_closed(self):
        return self._closed


def get_event_loop():
    global _current_loop
    if _current_loop is None:
        _current_loop = AbstractEventLoop()
    return _current_loop


def new_event_loop():
    return AbstractEventLoop()


def set_event_loop(loop):
    global _current_loop
    _current_loop = loop


get_running_loop = get_event_loop


def run(main):
    global _current_loop
    loop = AbstractEventLoop()
    prev, _current_loop = _current_loop, loop
    try:
        return loop.run_until_complete(main)
    finally:
        _current_loop = prev
        loop.close()


class _Yield:
    def __await__(self):
        yield None


async def sleep(delay, result=None):
    if delay <= 0:
        await _Yield()
        return result
    loop = get_event_loop()
    fut = loop.create_future()
    loop.call_later(delay, lambda: fut.done() or fut.set_result(result))
    return await fut


def ensure_future(aw):
    if isinstance(aw, Future):
        return aw
    return get_event_loop().create_task(aw)


def create_task(coro, *, name=None):
    return get_event_loop().create_task(coro, name)


def current_task():
    return _current_task


def gather(*aws, return_exceptions=False):
    loop = get_event_loop()
    futs = [ensure_future(a) for a in aws]
    outer = loop.create_future()
    if not futs:
        outer.set_result([])
        return outer
    remaining = [len(futs)]

    def done(f):
        if outer.done():
            return
        if f._exception is not None and not return_exceptions:
            outer.set_exception(f._exception)
            return
        remaining[0] -= 1
        if remaining[0] == 0:
            outer.set_result([x._exception if x._exception is not None else x._result for x in futs])
    for f in futs:
        f.add_done_callback(done)
    return outer


async def wait_for(aw, timeout):
    return await aw


class Event:
    def __init__(self):
        self._value = False
        self._waiters = []

    def is_set(self):
        return self._value

    def set(self):
        self._value = True
        for w in self._waiters:
            if not w.done():
                w.set_result(True)
        self._waiters = []

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = get_event_loop().create_future()
        self._waiters.append(fut)
        return await fut


class QueueEmpty(Exception):
    pass


class Queue:
    def __init__(self, maxsize=0):
        self._items = []
        self._getters = []

    def qsize(self):
        return len(self._items)

    def empty(self):
        return not self._items

    def put_nowait(self, item):
        self._items.append(item)
        while self._getters:
            g = self._getters.pop(0)
            if not g.done():
                g.set_result(None)
                break

    async def put(self, item):
        self.put_nowait(item)

    def get_nowait(self):
        if not self._items:
            raise QueueEmpty()
        return self._items.pop(0)

    async def get(self):
        while not self._items:
            fut = get_event_loop().create_future()
            self._getters.append(fut)
            await fut
        return self._items.pop(0)
