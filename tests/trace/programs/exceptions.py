# try/except/else/finally in nested frames, re-raising, returns through finally, exception groups.
def inner(x):
    if x < 0:
        raise ValueError(x)
    return x * 2


def middle(x):
    try:
        return inner(x)
    finally:
        print('middle finally', x)


def outer(x):
    try:
        v = middle(x)
    except ValueError as e:
        v = -1
    else:
        v += 1
    finally:
        print('outer finally')
    return v


def cleanup():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print('cleanup', i)
    try:
        try:
            {}['k']
        except KeyError:
            raise TypeError('converted')
    except TypeError as e:
        return str(e)


print(outer(2), outer(-1))
print(cleanup())
try:
    outer(None)
except TypeError as e:
    print('outer', type(e).__name__)
