hier = [ArithmeticError, LookupError, OSError, ValueError, RuntimeError, Warning, BaseException]
for exc in [ZeroDivisionError, OverflowError, KeyError, IndexError, FileNotFoundError, UnicodeEncodeError, RecursionError, NotImplementedError, UserWarning, KeyboardInterrupt, SystemExit, GeneratorExit, StopIteration, ModuleNotFoundError, TimeoutError]:
    print(exc.__name__, [h.__name__ for h in hier if issubclass(exc, h)], exc.__mro__[1].__name__)
print(IOError is OSError, EnvironmentError is OSError)
e = OSError(2, "No such file", "x.txt")
print(e, e.errno, e.strerror, e.filename, repr(e))
print(KeyError("a", "b"), repr(KeyError("a")), str(IndexError()), StopIteration(5).value, SystemExit(3).code)
try:
    raise FileNotFoundError(2, "missing", "f.txt")
except OSError as e:
    print(type(e).__name__, e)
class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise DbError("conn lost", 503)
except AppError as e:
    print(repr(e), e.code, e.args, isinstance(e, Exception))
print(ValueError.__doc__ is not None or True, BaseException().args, Exception(1, 2).args)
