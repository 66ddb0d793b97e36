d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("b"), d, d.setdefault("x", 9), d.setdefault("a", 100), d)
d.update({"y": 1}, z=2)
d.update([("w", 0)])
print(d)
del d["a"]
print(d, d.popitem(), d)
print({1: "int", 1.0: "float", True: "bool"}, {(1, 2): "t"}[(1, 2)])
sq = {k: k * k for k in range(5)}
print(sq, sq.keys() & {1, 2, 9}, dict(zip("abc", [1, 2, 3])), dict(a=1, b=2))
print(dict.fromkeys(["x", "y"], 0), {**sq, "new": 1}, sq | {0: "zero"})
for k, v in sorted({"b": 2, "a": 1}.items()):
    print(k, v)
e = {}
e[None] = 1
e[frozenset([1])] = 2
e[3.5] = 3
e[-0.0] = 4
print(e, e[0], e[frozenset({1})])
print({1: 2} == {1: 2}, {1: 2} != {1: 3}, dict(sq).copy() == sq)
print(repr(d.keys()), repr({}.values()), repr({1: 2}.items()))
r = {}
r["self"] = r
print(r)
big = {i: str(i) for i in range(1000)}
for i in range(0, 1000, 3):
    del big[i]
print(len(big), list(big)[:5], big[998])
