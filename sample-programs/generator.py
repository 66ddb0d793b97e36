# A generator keeps its frame between next() calls.
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"


def squares(limit):
    for i in range(limit):
        yield i * i


for value in countdown(3):
    print("countdown", value)

total = sum(squares(5))
print("sum of squares:", total)
