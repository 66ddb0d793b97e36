# Which events a trace function sees for each kind of code (our own programs for the scenarios of
# CPython's test_sys_settrace). Each case prints its events as "event function line [arg]".
import sys

HERE = sys._getframe().f_code.co_filename


def case(name):
    print('== CASE ' + name)


def show(value):
    if type(value) in (int, str, bool, float, type(None)):
        return repr(value)
    return '<' + type(value).__name__ + '>'


class Recorder:
    def __init__(self):
        self.events = []

    def trace(self, frame, event, arg):
        if frame.f_code.co_filename != HERE or frame.f_code.co_name == 'run':
            return None
        entry = [event, frame.f_code.co_name, frame.f_lineno]
        if event == 'return':
            entry.append(show(arg))
        elif event == 'exception':
            entry.append(arg[0].__name__)
            entry.append(str(arg[1]))
            entry.append(type(arg[2]).__name__)
        self.events.append(entry)
        return self.trace


def run(name, func, *args):
    case(name)
    rec = Recorder()
    sys.settrace(rec.trace)
    try:
        result = func(*args)
    except BaseException as e:
        result = 'raised ' + type(e).__name__
    finally:
        sys.settrace(None)
    for e in rec.events:
        print(*e)
    print('result', show(result) if not isinstance(result, str) or not result.startswith('raised') else result)


def basic():
    x = 1
    y = x + 1
    return y


def helper_a(n):
    return helper_b(n) + 1


def helper_b(n):
    return n * 2


def nested_calls():
    a = helper_a(3)
    b = helper_b(a)
    return b


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def for_loop():
    total = 0
    for i in range(3):
        total += i
    return total


def while_loop():
    n = 3
    while n > 0:
        n -= 1
    return n


def loop_control():
    out = []
    for i in range(6):
        if i == 1:
            continue
        if i == 4:
            break
        out.append(i)
    else:
        out.append('else')
    n = 0
    while n < 2:
        n += 1
    else:
        out.append('while-else')
    return len(out)


def one_line_loop():
    for i in range(2): pass
    while False: pass
    return i


def gen(n):
    for i in range(n):
        yield i
    return 'end'


def use_gen():
    g = gen(2)
    a = next(g)
    b = next(g)
    try:
        next(g)
    except StopIteration as e:
        return (a, b, e.value)


def echo():
    received = yield 'first'
    while True:
        try:
            received = yield received * 2
        except KeyError:
            received = 'handled'


def gen_send_throw_close():
    g = echo()
    out = [next(g), g.send(5), g.throw(KeyError), g.send(1)]
    g.close()
    return len(out)


def inner_gen():
    yield 1
    yield 2
    return 'inner-done'


def outer_gen():
    result = yield from inner_gen()
    yield result


def use_yield_from():
    return list(outer_gen())


def comprehensions():
    xs = [i * i for i in range(3)]
    ys = {i for i in xs if i}
    zs = {k: v for k, v in zip(xs, ys)}
    total = sum(x for x in xs)
    return total + len(zs)


def raiser():
    raise ValueError('bad')


def middle():
    raiser()


def exception_caught():
    try:
        middle()
    except ValueError as e:
        msg = str(e)
    return msg


def exception_uncaught():
    middle()
    return 'not reached'


def reraise():
    try:
        try:
            raiser()
        except ValueError:
            raise
    except ValueError:
        pass
    try:
        raiser()
    except ValueError as e:
        try:
            raise TypeError('converted') from e
        except TypeError:
            return 'chained'


def try_finally_return():
    try:
        return 'from-try'
    finally:
        x = 1


def finally_overrides():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            i += 10
    try:
        raise KeyError('k')
    finally:
        return 'finally-wins'


def try_else_finally():
    try:
        x = 1
    except Exception:
        x = 2
    else:
        x = 3
    finally:
        x += 1
    return x


class Manager:
    def __init__(self, swallow):
        self.swallow = swallow

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        return self.swallow


def with_statements():
    with Manager(False) as m:
        x = 1
    with Manager(True):
        raise RuntimeError('swallowed')
    try:
        with Manager(False):
            raise RuntimeError('escapes')
    except RuntimeError:
        x = 2
    return x


def class_and_lambda():
    class Local:
        attr = 1

        def method(self):
            return self.attr
    f = lambda v: v + 1
    return f(Local().method())


def deco(fn):
    def wrapper(*a):
        return fn(*a) + 1
    return wrapper


@deco
def decorated(x):
    return x


def multiline():
    value = (
        1 +
        2
    )
    result = helper_b(
        value,
    )
    if (value and
            result):
        value = [
            result,
            value,
        ]
    return len(value)


def if_elif(n):
    if n == 0:
        r = 'zero'
    elif n == 1:
        r = 'one'
    else:
        r = 'many'
    return r


def failing_assert():
    assert 1 + 1 == 3, 'math'


def gen_raises():
    yield 1
    raise ValueError('in gen')


def use_gen_raises():
    out = []
    try:
        for v in gen_raises():
            out.append(v)
    except ValueError:
        out.append('caught')
    return len(out)


class Awaitable:
    def __await__(self):
        value = yield 'suspended'
        return value


async def coro():
    got = await Awaitable()
    return got * 2


def drive_coroutine():
    c = coro()
    first = c.send(None)
    try:
        c.send(21)
    except StopIteration as e:
        return (first, e.value)


def iterate_class():
    class Count:
        def __init__(self):
            self.n = 0

        def __iter__(self):
            return self

        def __next__(self):
            self.n += 1
            if self.n > 2:
                raise StopIteration
            return self.n
    return [x for x in Count()]


def pass_and_docstring():
    """A docstring is not a line event."""
    pass
    return None


def deep_unwind(n):
    if n == 0:
        raise KeyError(n)
    try:
        deep_unwind(n - 1)
    finally:
        n = -1


run('basic', basic)
run('nested_calls', nested_calls)
run('recursion', fact, 3)
run('for_loop', for_loop)
run('while_loop', while_loop)
run('loop_control', loop_control)
run('one_line_loop', one_line_loop)
run('generator', use_gen)
run('generator_send_throw_close', gen_send_throw_close)
run('yield_from', use_yield_from)
run('comprehensions', comprehensions)
run('exception_caught', exception_caught)
run('exception_uncaught', exception_uncaught)
run('reraise', reraise)
run('try_finally_return', try_finally_return)
run('finally_overrides', finally_overrides)
run('try_else_finally', try_else_finally)
run('with_statements', with_statements)
run('class_and_lambda', class_and_lambda)
run('decorated', decorated, 1)
run('multiline', multiline)
run('if_elif', if_elif, 1)
run('failing_assert', failing_assert)
run('generator_raises', use_gen_raises)
run('coroutine', drive_coroutine)
run('iterator_class', iterate_class)
run('pass_and_docstring', pass_and_docstring)
run('deep_unwind', deep_unwind, 2)
