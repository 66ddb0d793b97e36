def accumulate():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
g = accumulate()
next(g)
for v in [1, 2, 3]:
    print(g.send(v))
try:
    g.send(None)
except StopIteration as e:
    print("final", e.value)
def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "done"
def outer():
    result = yield from inner()
    print("result", result)
    yield 3
o = outer()
print(next(o), o.send("a"), o.send("b"))
def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(list(tree(3)))
def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
gwf = gen_with_finally()
for x in gwf:
    print(x)
    break
gwf.close()
import sys
def pipeline():
    nums = (i for i in range(10))
    evens = (n for n in nums if n % 2 == 0)
    squares = (n * n for n in evens)
    return list(squares)
print(pipeline())
def catcher():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
c = catcher()
next(c)
c.close()
def g2():
    yield 1
gi = g2()
print(gi.gi_running, list(gi), gi.gi_frame)
def thrower():
    try:
        yield 1
    except KeyError as e:
        yield f"caught {e}"
t = thrower()
next(t)
print(t.throw(KeyError("k")))
try:
    t.throw(ValueError("v"))
except ValueError as e:
    print("propagated", e)
