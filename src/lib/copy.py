"""copy for pyvm (written in Python): shallow and deep copies."""


class Error(Exception):
    pass


def copy(x):
    cls = type(x)
    if cls in (int, float, bool, complex, str, bytes, tuple, frozenset, type, range, type(None)) or callable(x) and not hasattr(x, '__dict__'):
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    if cls is bytearray:
        return bytearray(x)
    c = getattr(cls, '__copy__', None)
    if c is not None:
        return c(x)
    y = cls.__new__(cls)
    if hasattr(x, '__dict__'):
        y.__dict__.update(x.__dict__)
    for slot in getattr(cls, '__slots__', ()):
        if hasattr(x, slot):
            setattr(y, slot, getattr(x, slot))
    return y


def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    d = id(x)
    if d in memo:
        return memo[d]
    cls = type(x)
    if cls in (int, float, bool, complex, str, bytes, type, range, type(None)) or isinstance(x, type):
        return x
    if cls is list:
        y = []
        memo[d] = y
        for v in x:
            y.append(deepcopy(v, memo))
        return y
    if cls is tuple:
        y = tuple(deepcopy(v, memo) for v in x)
        memo[d] = y
        return y
    if cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
        return y
    if cls in (set, frozenset):
        y = cls(deepcopy(v, memo) for v in x)
        memo[d] = y
        return y
    dc = getattr(cls, '__deepcopy__', None)
    if dc is not None:
        y = dc(x, memo)
        memo[d] = y
        return y
    if callable(x) and not hasattr(x, '__dict__'):
        return x
    y = cls.__new__(cls)
    memo[d] = y
    if hasattr(x, '__dict__'):
        for k, v in x.__dict__.items():
            y.__dict__[k] = deepcopy(v, memo)
    for slot in getattr(cls, '__slots__', ()):
        if hasattr(x, slot):
            object.__setattr__(y, slot, deepcopy(getattr(x, slot), memo))
    return y
