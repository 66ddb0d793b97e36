# Integer loops: a 3M summing loop, a sieve, Collatz lengths, gcds and bit tricks.
def sum_loop(n):
    s = 0
    for i in range(n):
        s += i
    return s


def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            for j in range(i * i, limit + 1, i):
                flags[j] = False
        i += 1
    count = 0
    last = 0
    for k in range(limit + 1):
        if flags[k]:
            count += 1
            last = k
    return count, last


def collatz_longest(limit):
    best = 0
    best_start = 0
    for start in range(1, limit):
        n = start
        steps = 0
        while n != 1:
            if n % 2 == 0:
                n //= 2
            else:
                n = 3 * n + 1
            steps += 1
        if steps > best:
            best = steps
            best_start = start
    return best_start, best


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def gcd_sum(n):
    total = 0
    for a in range(1, n):
        total += gcd(a * 7919, n * 104729)
    return total


def bits(n):
    acc = 0
    for i in range(n):
        x = i ^ (i >> 3)
        acc = (acc + (x & 0xFF) * (x | 1) - (x << 1)) % 1000003
    return acc


print("sum", sum_loop(3_000_000))
print("sieve", sieve(200_000))
print("collatz", collatz_longest(20_000))
print("gcd", gcd_sum(40_000))
print("bits", bits(200_000))
