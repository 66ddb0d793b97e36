# More shapes of code under a line tracer (our own programs for further scenarios of CPython's
# test_sys_settrace): match statements, except*, async for / async with driven by hand, nested
# blocks, class bodies with docstrings, repeated pass, loops inside try.
import sys

HERE = sys._getframe().f_code.co_filename


def case(name):
    print('== CASE ' + name)


def run(name, func, *args):
    case(name)
    events = []
    first = func.__code__.co_firstlineno

    def trace(frame, event, arg):
        if frame.f_code.co_filename != HERE or frame.f_code.co_name in ('run', 'trace'):
            return None
        entry = (event, frame.f_code.co_name, frame.f_lineno - first)
        if event == 'exception':
            entry += (arg[0].__name__,)
        events.append(entry)
        return trace

    sys.settrace(trace)
    try:
        result = func(*args)
    except BaseException as e:
        result = 'raised ' + type(e).__name__
    finally:
        sys.settrace(None)
    for e in events:
        print(*e)
    print('result', repr(result) if type(result) in (int, str, bool, type(None), tuple, list) else type(result).__name__)


def matching(values):
    out = []
    for v in values:
        match v:
            case 0:
                out.append('zero')
            case [x, y]:
                out.append(x + y)
            case {'k': k}:
                out.append(k)
            case str() as s if len(s) > 1:
                out.append(s)
            case _:
                out.append('other')
    return out


def except_star():
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])
    except* ValueError:
        a = 1
    except* TypeError:
        b = 2
    return 'done'


class AsyncCtx:
    async def __aenter__(self):
        return 'entered'

    async def __aexit__(self, *exc):
        return False


class AsyncIter:
    def __init__(self):
        self.n = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.n += 1
        if self.n > 2:
            raise StopAsyncIteration
        return self.n


async def async_body():
    total = 0
    async with AsyncCtx() as c:
        total += len(c)
    async for v in AsyncIter():
        total += v
    return total


def drive_async():
    co = async_body()
    try:
        co.send(None)
    except StopIteration as e:
        return e.value


def nested_ifs(a, b, c):
    if a:
        if b:
            if c:
                return 'abc'
            else:
                return 'ab'
        elif c:
            return 'ac'
    return 'none'


def try_in_try():
    try:
        try:
            raise KeyError('inner')
        except IndexError:
            pass
    except KeyError:
        x = 'outer caught'
    return x


def loop_in_try():
    try:
        for i in range(3):
            if i == 2:
                raise ValueError(i)
    except ValueError:
        return 'stopped'


def break_to_continue():
    n = 0
    for i in range(4):
        for j in range(2):
            if j:
                break
            n += 1
        else:
            continue
        n += 10
    return n


def class_docstrings():
    class WithDoc:
        """Doc."""
        x = 1

    class Empty:
        pass
    return WithDoc.x


def repeated_pass():
    pass
    pass
    pass


def return_through_finally():
    for i in range(2):
        try:
            return i
        finally:
            i = 'finally'


def exception_in_with():
    class Ctx:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return True
    with Ctx():
        raise RuntimeError('inside')
    return 'after'


def while_true_break():
    i = 0
    while True:
        i += 1
        if i > 2:
            break
    return i


def lambda_calls():
    f = lambda x: (x
                   + 1)
    g = lambda: [f(i) for i in
                 range(2)]
    return g()


def chained_comparisons(x):
    return (0 < x < 10 and
            x != 5 or
            x == 42)


run('match', matching, [0, [1, 2], {'k': 'v'}, 'ab', 3.0])
run('except_star', except_star)
run('async_for_with', drive_async)
run('nested_ifs', nested_ifs, 1, 0, 1)
run('try_in_try', try_in_try)
run('loop_in_try', loop_in_try)
run('break_to_continue', break_to_continue)
run('class_docstrings', class_docstrings)
run('repeated_pass', repeated_pass)
run('return_through_finally', return_through_finally)
run('exception_in_with', exception_in_with)
run('while_true_break', while_true_break)
run('lambda_calls', lambda_calls)
run('chained_comparisons', chained_comparisons, 42)
