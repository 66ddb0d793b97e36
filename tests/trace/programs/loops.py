# Loops of every shape: backward jumps, break/continue, else clauses, nested loops, one-liners.
def count(n):
    total = 0
    i = 0
    while i < n:
        i += 1
        if i % 2:
            continue
        total += i
    else:
        total += 100
    return total


def search(grid, target):
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v == target:
                break
        else:
            continue
        return r, c
    return None


for k in range(3): print(k, end=' ')
print()
print(count(5))
print(search([[1, 2], [3, 4]], 3), search([[1]], 9))
n = 3
while n: n -= 1
print(n)
