class Missing(dict):
    def __missing__(self, key):
        return f"<{key}>"
m = Missing(a=1)
print(m["a"], m["zzz"], len(m), isinstance(m, dict))
class Counter(dict):
    def add(self, k):
        self[k] = self.get(k, 0) + 1
c = Counter()
for ch in "abracadabra":
    c.add(ch)
print(sorted(c.items()), c)
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
nested = {"a": {"b": {"c": 1}}}
print(nested["a"]["b"]["c"], nested.get("x", {}).get("y"))
keys = list(range(20))
dd = dict.fromkeys(keys)
for k in keys[::2]:
    del dd[k]
dd[100] = 1
print(list(dd)[:5], len(dd))
print({k: v for k, v in sorted({"b": 2, "a": 1}.items())}, dict(sorted({"z": 0, "y": 1}.items())))
a = {"x": 1}
b = a
b["y"] = 2
print(a, a is b, a == {"y": 2, "x": 1}, list(reversed(a)))
print({(1, 2): "tuple key", frozenset({3}): "fs"}[(1, 2)], {None: 0}[None])
