"""A minimal typing module for pyvm: the names programs import, usable in annotations."""


class _Special:
    def __init__(self, name, args=()):
        self._name = name
        self.__args__ = args

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _Special(self._name, params)

    def __call__(self, *args, **kwargs):
        raise TypeError(f"Cannot instantiate typing.{self._name}")

    def __or__(self, other):
        return _Special("Union", (self, other))

    def __ror__(self, other):
        return _Special("Union", (other, self))

    def __repr__(self):
        def name(a):
            if isinstance(a, type):
                return a.__qualname__ if a.__module__ == "builtins" else f"{a.__module__}.{a.__qualname__}"
            if a is None or a is type(None):
                return "None"
            return repr(a)
        if self.__args__:
            return f"typing.{self._name}[{', '.join(name(a) for a in self.__args__)}]"
        return f"typing.{self._name}"


for _n in ("Any", "Union", "Optional", "List", "Dict", "Set", "FrozenSet", "Tuple", "Callable", "Iterable",
           "Iterator", "Generator", "Sequence", "Mapping", "MutableMapping", "MutableSequence", "Type", "ClassVar",
           "Final", "Literal", "NoReturn", "Deque", "DefaultDict", "Counter", "Awaitable", "Coroutine",
           "AsyncIterator", "Annotated", "Hashable", "Sized", "Collection", "Container", "Reversible", "Self",
           "TypeAlias", "Never", "LiteralString", "Required", "NotRequired"):
    globals()[_n] = _Special(_n)
del _n

TYPE_CHECKING = False


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound

    def __repr__(self):
        return "~" + self.__name__


class Generic:
    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    pass


def NamedTuple(typename, fields=None, **kwargs):
    from collections import namedtuple
    return namedtuple(typename, [f for f, _ in (fields or kwargs.items())])


def TypedDict(typename, fields=None, **kwargs):
    return dict


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(f):
    return f


def get_type_hints(obj):
    return dict(getattr(obj, "__annotations__", {}))


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    return new_type


def runtime_checkable(cls):
    return cls
