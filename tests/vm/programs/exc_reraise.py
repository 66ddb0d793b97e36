def risky():
    raise ValueError("original")
def handler():
    try:
        risky()
    except ValueError:
        print("logging and re-raising")
        raise
try:
    handler()
except ValueError as e:
    print("outer caught", e)
def transform():
    try:
        risky()
    except ValueError as e:
        raise TypeError("transformed") from None
try:
    transform()
except TypeError as e:
    print(e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
handler()
