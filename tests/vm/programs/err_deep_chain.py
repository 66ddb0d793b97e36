def a():
    try:
        b()
    except ZeroDivisionError as e:
        raise ValueError("from a") from e
def b():
    try:
        1 / 0
    except ZeroDivisionError:
        raise
a()
