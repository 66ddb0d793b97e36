def defaults(a, b=1, *, c=2, d):
    pass


def kwdefaults_only(*, c=2):
    return lambda x=c: x


def annotated_closure(a: int):
    def inner(b: str = "x") -> int:
        return a
    return inner


async def acomp(xs):
    r = [await x async for x in xs if await x]
    g = (y async for y in xs)
    s = {await x for x in xs}
    return r, g, s


def walrus(xs):
    if (n := len(xs)) > 10:
        return n
    return [y for x in xs if (y := x * 2)]


def loops(xs):
    for x in xs:
        if x:
            continue
        with open(x) as f:
            if f:
                break
            continue
    else:
        return 1
    while xs:
        try:
            xs.pop()
        except IndexError:
            break
        finally:
            print("f")


def chained(a, b, c):
    return a < b < c, a == b is not c, not (a in b)


def raising():
    raise ValueError from None


def star_args(*a, **k):
    return f(*a, 1, *a, k=1, **k, **{"z": 2})


def slices(a):
    a[1:2] = a[::2]
    del a[:1]
    return a[-1], a[1:], a[:-1:2]


def genexp_call(xs):
    return sum(x for x in xs)


def nested_fstring(x, w):
    return f"{x!r:^{w}}" f"{x:{w}.{w}}" "plain"


x = 1 if True else 2
y = not not x
z = -x ** 2
del x, y
assert z, "z"
