# Closures: counters with nonlocal, function factories, decorators and lambdas capturing cells.
def make_counter(step):
    count = 0

    def inc():
        nonlocal count
        count += step
        return count
    return inc


def make_adders(n):
    return [lambda x, k=k: x + k for k in range(n)]


def compose(f, g):
    return lambda x: f(g(x))


def memo(fn):
    cache = {}

    def wrapper(n):
        if n in cache:
            return cache[n]
        r = fn(n)
        cache[n] = r
        return r
    return wrapper


def logged(fn):
    calls = [0]

    def wrapper(*args, **kwargs):
        calls[0] += 1
        return fn(*args, **kwargs)
    wrapper.calls = calls
    return wrapper


@memo
def partitions(n):
    # number of ways to write n as a sum with parts 1 and 2 and 3 (memoised through a closure)
    if n < 0:
        return 0
    if n == 0:
        return 1
    return partitions(n - 1) + partitions(n - 2) + partitions(n - 3)


@logged
def scale(x, factor=2):
    return x * factor


def run(n):
    c1 = make_counter(1)
    c3 = make_counter(3)
    for _ in range(n):
        c1()
        c3()
    adders = make_adders(10)
    acc = 0
    for i in range(n):
        acc += adders[i % 10](i)
    f = compose(make_counter(0) and (lambda x: x + 1), lambda x: x * 2)
    for i in range(n):
        acc += f(i)
    for i in range(n // 2):
        acc += scale(i, factor=3)
    return c1(), c3(), acc, scale.calls[0]


print("run", run(250_000))
print("partitions", partitions(300) % 1_000_000_007)
