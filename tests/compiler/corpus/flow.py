def f(items):
    total = 0
    for i, item in enumerate(items):
        if item is None:
            continue
        elif item < 0:
            break
        while item:
            item -= 1
            if item == 3:
                return item
        else:
            total += 1
    else:
        total = -1
    try:
        total /= len(items)
    except ZeroDivisionError:
        pass
    except (TypeError, ValueError) as exc:
        raise RuntimeError('bad') from exc
    else:
        total += 1
    finally:
        items = None
    with a() as (x, y), b():
        total += x
    return total if total > 0 else -total
def g(a, b):
    return a and b or not a, a if b else (b or a), (a < b) == (b > a)
