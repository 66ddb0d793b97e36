# Exceptions raised and caught in a loop: builtin and user exceptions, finally, else, re-raise, chaining.
class AppError(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code


class NotFound(AppError):
    pass


def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise NotFound(k) from None


def parse(s):
    try:
        return int(s)
    except ValueError:
        return -1


def guarded(i):
    try:
        if i % 3 == 0:
            raise AppError(i)
        if i % 3 == 1:
            raise NotFound(i)
        r = i
    except NotFound as e:
        r = -e.code
    except AppError as e:
        r = e.code * 2
    else:
        r += 1
    finally:
        r += 5
    return r


def run(n):
    d = {i: i * i for i in range(0, 1000, 2)}
    total = 0
    misses = 0
    for i in range(n):
        try:
            total += lookup(d, i % 1000)
        except NotFound as e:
            misses += 1
            total -= e.code
        total += guarded(i)
        total += parse("12" if i % 4 else "x12")
        try:
            try:
                1 // (i % 5)
            except ZeroDivisionError as e:
                raise RuntimeError("wrapped") from e
        except RuntimeError as e:
            total += isinstance(e.__cause__, ZeroDivisionError)
    return total, misses


print("run", run(120_000))
try:
    lookup({}, 7)
except AppError as e:
    print("caught", type(e).__name__, e, e.args, e.__suppress_context__)
