# Reference micro-benchmark: a 3-million-iteration summing loop inside a function.
def total(n):
    s = 0
    for i in range(n):
        s += i
    return s


print(total(3_000_000))
