# Frozenset constants print in hash-table order (PYTHONHASHSEED=0), including hash collisions.
x in {"link", "attlist", "element", "linktype"}
x in {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"}
x in {(1, "a"), 2.5, -3, b"x", 1j, 2 ** 70, True}
for y in {"b", "a", "é", "\u3042", "\U0001f600"}:
    pass
s = {"one", "two", "three", 4}
