import sys
def who():
    f = sys._getframe()
    return f.f_code.co_name, f.f_back.f_code.co_name, f.f_lineno
def caller():
    return who()
print(caller())
def local_view(a, b=2):
    c = a + b
    return sorted(locals().items())
print(local_view(1))
def code_info(x, *args, y, **kw):
    z = 1
    return z
co = code_info.__code__
print(co.co_argcount, co.co_kwonlyargcount, co.co_varnames, co.co_name, co.co_firstlineno, co.co_filename.endswith(".py"))
print(type(co).__name__, type(sys._getframe()).__name__)
