five, flt, none = 5, 1.5, None
tests = [
    lambda: 1 + "a", lambda: "a" + 1, lambda: [] + (), lambda: {} + {}, lambda: None + None, lambda: -"x",
    lambda: ~1.5, lambda: "a" * "b", lambda: [1] * 1.5, lambda: 1 < "a", lambda: [] > {}, lambda: len(5),
    lambda: hash([]), lambda: {[]: 1}, lambda: iter(5), lambda: next([]), lambda: five(), lambda: (1).foo,
    lambda: int(None), lambda: float([]), lambda: "abc"[flt], lambda: [1][none], lambda: sorted([1, "a"]),
    lambda: ",".join([1]), lambda: "x" in 5, lambda: 1 in "x", lambda: abs("x"), lambda: round("x"),
    lambda: chr("x"), lambda: ord(""), lambda: ord("ab"), lambda: range("1"), lambda: divmod(1, "a"),
    lambda: pow("a", 2), lambda: isinstance(1, 2), lambda: getattr(1, 2), lambda: object().x,
    lambda: type.x, lambda: [].pop(), lambda: [].index(0), lambda: {}.popitem(),
    lambda: set().pop(), lambda: "".index("x"), lambda: [1, 2].remove(5), lambda: tuple(3), lambda: list(None),
    lambda: dict([1]), lambda: dict([(1, 2, 3)]), lambda: max([]), lambda: min(), lambda: int("1.5"),
    lambda: int("12", 1), lambda: bytes("x"), lambda: b"a" + "b", lambda: "%d" % "x", lambda: "%s %s" % (1,),
    lambda: "%s" % (1, 2), lambda: "{}{}".format(1), lambda: "{0}{}".format(1, 2), lambda: "{x}".format(),
    lambda: format(1, "s"), lambda: format("a", "d"), lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0,
    lambda: 2 ** -1 // 0, lambda: 0 ** -1, lambda: 1 << -1, lambda: [].sort(1), lambda: sum(["a"], ""),
    lambda: print(sep=5), lambda: slice(1, 2, 0).indices(5), lambda: [0][::0], lambda: frozenset([[]]),
]
for t in tests:
    try:
        r = t()
        print("no error", r)
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
