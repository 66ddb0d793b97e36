def div(a, b):
    try:
        r = a / b
    except ZeroDivisionError as e:
        print("caught", type(e).__name__, e)
        return None
    else:
        print("no error")
        return r
    finally:
        print("finally")
print(div(1, 2), div(1, 0))
try:
    [][1]
except (KeyError, IndexError) as e:
    print(repr(e), e.args)
try:
    {}["k"]
except LookupError as e:
    print("lookup", e, repr(e))
try:
    raise ValueError("bad", 42)
except Exception as e:
    print(e, e.args, str(e))
class MyErr(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyErr(7)
except MyErr as e:
    print(e, e.code, isinstance(e, Exception))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("wrapped")
except RuntimeError as e:
    print(e, type(e.__context__).__name__, e.__cause__)
try:
    try:
        int("x")
    except ValueError as e:
        raise KeyError("k") from e
except KeyError as e:
    print(repr(e), type(e.__cause__).__name__, e.__suppress_context__)
def gen_err():
    try:
        yield 1
        raise StopIteration
    finally:
        print("gen finally")
try:
    list(gen_err())
except RuntimeError as e:
    print("RuntimeError:", e)
for exc in [TypeError, ValueError, OSError, NotImplementedError, AssertionError]:
    try:
        raise exc("msg")
    except Exception as e:
        print(type(e).__name__, e, exc.__mro__[1].__name__)
try:
    assert 1 == 2, "assertion message"
except AssertionError as e:
    print("assert:", e)
e = Exception("a", "b")
print(str(e), repr(e), repr(Exception()), str(KeyError("x")), str(KeyError()))
try:
    raise
except RuntimeError as e:
    print(e)
def f():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(f())
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("fin", i)
g()
e = ValueError("note test")
e.add_note("extra info")
print(e.__notes__)
try:
    raise ExceptionGroup("grp", [ValueError(1), TypeError(2)])
except* ValueError as eg:
    print("value errors", eg.exceptions)
except* TypeError as eg:
    print("type errors", eg.exceptions)
print(sys_exc if (sys_exc := None) else "done")
