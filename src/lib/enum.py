"""enum for pyvm (written in Python): Enum, IntEnum, Flag basics and auto()."""


class auto:
    _counter = 0

    def __init__(self):
        auto._counter += 1
        self._order = auto._counter
        self.value = None


class EnumMeta(type):
    def __new__(mcls, name, bases, ns, **kw):
        members = []
        for key, value in list(ns.items()):
            if key.startswith("_") or callable(value) or isinstance(value, (classmethod, staticmethod, property)):
                continue
            members.append((key, value))
            del ns[key]
        cls = super().__new__(mcls, name, bases, ns, **kw)
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        cls._member_names_ = []
        last = 0
        base_value_type = None
        for b in cls.__mro__[1:]:
            if b not in (object,) and not isinstance(b, EnumMeta) and b is not Enum:
                base_value_type = b
                break
        for key, value in members:
            if isinstance(value, auto):
                value = cls._generate_next_value_(key, 1, len(cls._member_names_), [m._value_ for m in cls._member_map_.values()])
            if value in cls._value2member_map_:
                member = cls._value2member_map_[value]
                cls._member_map_[key] = member
                continue
            if base_value_type is not None:
                member = base_value_type.__new__(cls, value)
            else:
                member = object.__new__(cls)
            member._name_ = key
            member._value_ = value
            cls._member_map_[key] = member
            cls._value2member_map_[value] = member
            cls._member_names_.append(key)
            type.__setattr__(cls, key, member)
        return cls

    def __call__(cls, value, *args, **kwargs):
        if args or kwargs or not hasattr(cls, "_value2member_map_"):
            return super().__call__(value, *args, **kwargs)
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            raise ValueError(f"{value!r} is not a valid {cls.__qualname__}") from None

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[n] for n in cls._member_names_)

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __repr__(cls):
        return f"<enum {cls.__name__!r}>"

    @property
    def __members__(cls):
        return dict(cls._member_map_)


class Enum(metaclass=EnumMeta):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        return f"{type(self).__name__}.{self._name_}"

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return (type(self), (self._value_,))


class IntEnum(int, Enum):
    __repr__ = Enum.__repr__

    def __str__(self):
        return int.__repr__(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)


class StrEnum(str, Enum):
    __repr__ = Enum.__repr__

    def __str__(self):
        return self._value_

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class Flag(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return 1 << count

    def __or__(self, other):
        return type(self)._missing_or(self._value_ | other._value_)

    def __and__(self, other):
        return type(self)._missing_or(self._value_ & other._value_)

    def __contains__(self, other):
        return other._value_ & self._value_ == other._value_

    @classmethod
    def _missing_or(cls, value):
        if value in cls._value2member_map_:
            return cls._value2member_map_[value]
        member = object.__new__(cls)
        names = [m._name_ for m in cls if m._value_ & value == m._value_ and m._value_]
        member._name_ = "|".join(names) if names else None
        member._value_ = value
        cls._value2member_map_[value] = member
        return member


class IntFlag(int, Flag):
    pass


def unique(enumeration):
    return enumeration
