import sys
def inner():
    raise ValueError("deep")
def outer():
    inner()
try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(names)
    t, v, tb2 = sys.exc_info()
    print(t.__name__, v is e, tb2 is e.__traceback__)
print(sys.exc_info())
try:
    raise TypeError("x")
except TypeError:
    try:
        raise ValueError("y")
    except ValueError as inner_e:
        print(type(inner_e.__context__).__name__)
    print(sys.exc_info()[0].__name__)
e = RuntimeError("r")
print(e.__traceback__, e.__context__, e.__cause__, e.__suppress_context__)
e2 = e.with_traceback(None)
print(e2 is e)
