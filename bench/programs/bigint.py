# Big-int arithmetic: factorials, Fibonacci by doubling, digits of pi and e by integer spigots, modpow.
def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def fib_pair(n):
    # (F(n), F(n+1)) by fast doubling
    if n == 0:
        return 0, 1
    a, b = fib_pair(n >> 1)
    c = a * (2 * b - a)
    d = a * a + b * b
    if n & 1:
        return d, c + d
    return c, d


def arctan_inv(x, unity):
    # arctan(1/x) * unity, summed with integers only
    total = term = unity // x
    x2 = x * x
    k = 1
    sign = -1
    while term:
        term //= x2
        total += sign * (term // (2 * k + 1))
        sign = -sign
        k += 1
    return total


def pi_digits(n):
    unity = 10 ** (n + 10)
    pi = 4 * (4 * arctan_inv(5, unity) - arctan_inv(239, unity))
    return pi // 10 ** 10


def e_digits(n):
    unity = 10 ** (n + 10)
    total = 0
    term = unity
    k = 0
    while term:
        total += term
        k += 1
        term //= k
    return total // 10 ** 10


def digit_sum(x):
    return sum(int(c) for c in str(x))


def mixed(n):
    acc = 0
    m = (1 << 127) - 1
    x = 3 ** 200
    for i in range(1, n):
        x = (x * x + i) % m
        acc ^= x >> (i % 64)
        acc += pow(i, 65537, m)
    return acc % (10 ** 30), x.bit_length()


f = factorial(1400)
print("factorial", len(str(f)), digit_sum(f), f % 1_000_000_007)
fa, fb = fib_pair(100_000)
print("fib", fa.bit_length(), fa % 10 ** 20, (fb - fa) % 997)
p = pi_digits(3000)
print("pi", str(p)[:30], str(p)[-20:], digit_sum(p))
e = e_digits(3000)
print("e", str(e)[:30], str(e)[-20:])
print("mixed", mixed(8000))
print("ops", (-7) ** 41 // 3 ** 20, divmod(-(10 ** 40) - 3, 7 ** 15), (1 << 200) | (1 << 3), hex(2 ** 130 - 1))
