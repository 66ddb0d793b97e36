s = {3, 1, 2}
s.add(4)
s.discard(10)
s.remove(1)
print(sorted(s), len(s), 2 in s, {1, 2} | {3}, {1, 2} & {2, 3}, {1, 2} - {2}, {1, 2} ^ {2, 3})
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} >= {1}, set(), frozenset(), frozenset([1, 2]) == {1, 2})
print(sorted(set("hello")), {x % 3 for x in range(10)}, set([1, 1, 1]))
a = {1, 2, 3}
a |= {4}
a &= {1, 2, 4}
a -= {1}
print(sorted(a), a.issubset({2, 4, 5}), a.isdisjoint({7}), sorted(a.union([9], (8,))), a.intersection({2}))
print(s.pop() in (2, 3, 4), {frozenset([1]): 1})
t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], t + (4,), t * 2, len(t), t.index(2), t.count(3), (1,), ())
print((1, 2) < (1, 3), (1, 2) == (1, 2), tuple([5, 6]), tuple("ab"), hash((1, 2)) == hash((1, 2)))
x, y, *rest = (1, 2, 3, 4)
print(x, y, rest)
first, *mid, last = range(6)
print(first, mid, last)
(a, b), c = (1, 2), 3
print(a, b, c)
print(hash((1, 2, 3)), hash(()), hash((1,)), hash(("a", 1)) == hash(("a", 1)))
print(hash(1), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 62)), hash(1.5), hash(-2.25), hash(1e100))
