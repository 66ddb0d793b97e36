print([x for x in range(10) if x % 3 == 0])
print([x * y for x in range(1, 4) for y in range(1, 4) if x != y])
print({x: x ** 2 for x in range(5) if x})
print(sorted({c for c in "mississippi"}))
print(list(x for x in "abc"), tuple(i for i in range(3)), sum(x for x in range(5)))
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print(matrix, [row[i] for i, row in enumerate(matrix)], [[row[i] for row in matrix] for i in range(3)])
print([(a, b) for a in range(3) for b in range(a)], [y for x in [[1, 2], [3]] for y in x])
names = ["ann", "bob", "cy"]
print({n: len(n) for n in names}, {len(n) for n in names} == {2, 3}, dict(zip(names, range(3))))
x = 10
print([x for x in range(3)], x)
print([[j for j in range(i)] for i in range(4)], [i if i % 2 else -i for i in range(5)])
print(any(n > 2 for n in [1, 2, 3]), all(n > 0 for n in []), min(len(n) for n in names))
print([f(3) for f in [lambda v: v + 1, lambda v: v * 2]], [(lambda i: i * 10)(i) for i in range(3)])
