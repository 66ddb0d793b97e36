# Closures: inner functions capture cells of their enclosing frame.
def make_counter():
    count = 0

    def increment(step=1):
        nonlocal count
        count += step
        return count

    return increment


def make_multiplier(factor):
    return lambda x: x * factor


counter = make_counter()
counter()
counter(5)
print("counter:", counter())
double = make_multiplier(2)
print("double(21) =", double(21))
