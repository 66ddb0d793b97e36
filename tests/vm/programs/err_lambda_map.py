values = [3, 2, 1, 0]
print(list(map(lambda v: 12 // v, values)))
