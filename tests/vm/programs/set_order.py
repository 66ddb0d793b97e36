print({3, 1, 2}, {10, 5, 8, 1}, {100, 7, 64, 3}, set([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]))
s = set()
for v in [33, 1, 17, 9, 65, 0, -1, -8, 2 ** 40]:
    s.add(v)
print(s)
s.discard(17)
s.add(49)
print(s, len(s))
a = {1, 2, 3, 40, 50}
b = {3, 4, 50, 60}
print(a | b, a & b, a - b, b - a, a ^ b, b ^ a, b | a)
print(a.union(b, [99, 98]), a.intersection(b), a.difference([1]), a.symmetric_difference(b))
c = set(range(20))
c -= {0, 5, 10}
print(c)
c &= {1, 2, 3, 19, 200}
print(c)
c |= {7, 100}
print(c)
c ^= {1, 1000}
print(c)
print(frozenset({5, 3, 1}), {1.5, 0.5, 2.0, 3}, {(1, 2), (0, 0)} == {(0, 0), (1, 2)}, {True, 2, 0})
big = {i * 7 % 31 for i in range(40)}
print(big)
two64 = 2 ** 64
print(sorted({"b", "a"}), {-5, -3, -1, 5}, {two64, 1, two64 + 1})
print([x for x in {4, 2, 99, 12}], list({8, 16, 24}), {*[5, 4], *{3, 2}})
p = {1, 2, 3}
print(p.pop(), p)
