"""dataclasses for pyvm (written in Python): @dataclass with field(), defaults, order, frozen."""

MISSING = object()


class FrozenInstanceError(AttributeError):
    pass


class Field:
    def __init__(self, default=MISSING, default_factory=MISSING, init=True, repr=True, compare=True, hash=None, kw_only=False):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.compare = compare
        self.kw_only = kw_only

    def __repr__(self):
        return f"Field(name={self.name!r},type={self.type!r},default={self.default!r})"


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, compare=True, hash=None, kw_only=False):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, compare, hash, kw_only)


def fields(obj):
    return tuple(getattr(obj, "__dataclass_fields__").values())


def asdict(obj):
    if hasattr(type(obj), "__dataclass_fields__"):
        return {f.name: asdict(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, (list, tuple)):
        return type(obj)(asdict(v) for v in obj)
    if isinstance(obj, dict):
        return {asdict(k): asdict(v) for k, v in obj.items()}
    return obj


def astuple(obj):
    return tuple(getattr(obj, f.name) for f in fields(obj))


def replace(obj, **changes):
    values = {f.name: getattr(obj, f.name) for f in fields(obj) if f.init}
    values.update(changes)
    return type(obj)(**values)


def is_dataclass(obj):
    return hasattr(obj if isinstance(obj, type) else type(obj), "__dataclass_fields__")


def _process(cls, init, repr_, eq, order, frozen):
    all_fields = {}
    for base in reversed(cls.__mro__[1:]):
        for f in getattr(base, "__dataclass_fields__", {}).values():
            all_fields[f.name] = f
    for name, typ in cls.__dict__.get("__annotations__", {}).items():
        default = cls.__dict__.get(name, MISSING)
        f = default if isinstance(default, Field) else Field(default)
        f.name = name
        f.type = typ
        all_fields[name] = f
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
    cls.__dataclass_fields__ = all_fields
    flist = list(all_fields.values())

    if init:
        seen_default = False
        for f in flist:
            if f.init and not f.kw_only:
                if f.default is not MISSING or f.default_factory is not MISSING:
                    seen_default = True
                elif seen_default:
                    raise TypeError(f"non-default argument '{f.name}' follows default argument")

        def __init__(self, *args, **kwargs):
            init_fields = [f for f in flist if f.init]
            positional = [f for f in init_fields if not f.kw_only]
            if len(args) > len(positional):
                raise TypeError(f"{cls.__name__}.__init__() takes {len(positional) + 1} positional arguments but {len(args) + 1} were given")
            values = {}
            for f, v in zip(positional, args):
                values[f.name] = v
            for k, v in kwargs.items():
                if k not in {f.name for f in init_fields}:
                    raise TypeError(f"{cls.__name__}.__init__() got an unexpected keyword argument '{k}'")
                if k in values:
                    raise TypeError(f"{cls.__name__}.__init__() got multiple values for argument '{k}'")
                values[k] = v
            missing = [f.name for f in init_fields if f.name not in values and f.default is MISSING and f.default_factory is MISSING]
            if missing:
                names = " and ".join(repr(m) for m in missing) if len(missing) <= 2 else ", ".join(repr(m) for m in missing[:-1]) + ", and " + repr(missing[-1])
                raise TypeError(f"{cls.__name__}.__init__() missing {len(missing)} required positional argument{'s' if len(missing) > 1 else ''}: {names}")
            for f in flist:
                if f.name in values:
                    v = values[f.name]
                elif f.default_factory is not MISSING:
                    v = f.default_factory()
                elif f.default is not MISSING:
                    v = f.default
                else:
                    continue
                object.__setattr__(self, f.name, v)
            post = getattr(self, "__post_init__", None)
            if post is not None:
                post()
        __init__.__qualname__ = f"{cls.__qualname__}.__init__"
        cls.__init__ = __init__

    if repr_:
        def __repr__(self):
            parts = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in flist if f.repr)
            return f"{type(self).__qualname__}({parts})"
        cls.__repr__ = __repr__

    def _key(self):
        return tuple(getattr(self, f.name) for f in flist if f.compare)

    if eq:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return _key(self) == _key(other)
            return NotImplemented
        cls.__eq__ = __eq__
        if not frozen:
            cls.__hash__ = None

    if order:
        def make(op):
            def cmp(self, other):
                if other.__class__ is self.__class__:
                    return op(_key(self), _key(other))
                return NotImplemented
            return cmp
        cls.__lt__ = make(lambda a, b: a < b)
        cls.__le__ = make(lambda a, b: a <= b)
        cls.__gt__ = make(lambda a, b: a > b)
        cls.__ge__ = make(lambda a, b: a >= b)

    if frozen:
        def __setattr__(self, name, value):
            raise FrozenInstanceError(f"cannot assign to field '{name}'")
        cls.__setattr__ = __setattr__
        cls.__hash__ = lambda self: hash(_key(self))
    cls.__match_args__ = tuple(f.name for f in flist if f.init)
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False):
    def wrap(c):
        return _process(c, init, repr, eq, order, frozen)
    if cls is None:
        return wrap
    return wrap(cls)
