def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count(5)), sum(count(101)))
def echo():
    received = yield "ready"
    while True:
        received = yield f"got {received}"
g = echo()
print(next(g), g.send(1), g.send("x"))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
def sub():
    yield 1
    return "sub-result"
def delegator():
    r = yield from sub()
    yield r
print(list(delegator()))
gen = (x * x for x in range(5))
print(next(gen), list(gen), list(gen))
def closing():
    try:
        yield 1
        yield 2
    finally:
        print("closed")
c = closing()
print(next(c))
c.close()
def thrower():
    while True:
        try:
            yield
        except ValueError as e:
            print("handled", e)
            yield "recovered"
t = thrower()
next(t)
print(t.throw(ValueError("boom")))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(10)])
print(type(count(1)).__name__, count.__name__)
def early():
    yield 1
    return 5
e = early()
next(e)
try:
    next(e)
except StopIteration as s:
    print("stop value", s.value)
print(list(zip(count(3), "abc")), dict(enumerate("xy", 1)))
print(list(map(lambda v: v * 2, count(3))), list(filter(None, [0, 1, "", "a"])), any(x > 3 for x in count(10)), all([]))
def inf():
    n = 0
    while True:
        n += 1
        yield n
for v in inf():
    if v > 3:
        break
print(v)
