def task(i):
    if i % 2:
        raise ValueError(f"bad {i}")
    return i
errors = []
for i in range(4):
    try:
        task(i)
    except ValueError as e:
        errors.append(e)
try:
    raise ExceptionGroup("several failures", errors)
except* ValueError as eg:
    print("caught", len(eg.exceptions), [str(e) for e in eg.exceptions])
try:
    raise ExceptionGroup("mixed", [KeyError("k"), TypeError("t")])
except* KeyError as eg:
    print("keys", eg.exceptions)
except* TypeError as eg:
    print("types", eg.exceptions)
eg = ExceptionGroup("top", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
match, rest = eg.split(ValueError)
print(match, match.exceptions, rest, rest.exceptions)
print(eg.subgroup(TypeError).exceptions, repr(eg.exceptions[0]), str(eg))
