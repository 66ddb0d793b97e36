def compute(values):
    total = 0
    for v in values:
        total += 100 / v
    return total
print(compute([1, 2, 4]))
print(compute([1, 0]))
