def total(xs):
    s = 0
    for x in xs:
        s += x
    return s
print(total([1, 2]))
print(total(42))
