# Comprehensions: each runs in its own code object (a nested frame in 3.11).
numbers = [3, 1, 4, 1, 5, 9, 2, 6]
evens = [n for n in numbers if n % 2 == 0]
squares = {n: n * n for n in numbers}
unique = {n for n in numbers}
pairs = [(a, b) for a in range(3) for b in range(a)]
print(evens)
print(squares)
print(sorted(unique))
print(pairs)
