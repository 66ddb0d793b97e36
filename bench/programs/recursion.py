# Recursive calls: fib, Takeuchi's function and Ackermann, all deep in Python frames.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def tak(x, y, z):
    if y >= x:
        return z
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def count_calls(depth, fanout):
    # A call tree with keyword and default arguments.
    if depth == 0:
        return 1
    total = 1
    for _ in range(fanout):
        total += count_calls(depth=depth - 1, fanout=fanout)
    return total


print("fib(28) =", fib(28))
print("tak(18, 12, 6) =", tak(18, 12, 6))
print("ack(2, 300) =", ack(2, 300))
print("call tree =", count_calls(10, 4))
