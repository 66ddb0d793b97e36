data = [1, 5, 2, 8, 3]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 5])
while (item := data.pop()) != 2:
    print("popped", item)
a, *b = "hello"
print(a, b)
*init, last = [1, 2, 3]
print(init, last)
(x, y), [z, *w] = (1, 2), [3, 4, 5]
print(x, y, z, w)
first, second = {"k1": 1, "k2": 2}
print(first, second)
head, *_ = range(5)
print(head)
d = {"a": 1, **{"b": 2}, "c": 3}
print(d, [*range(3), *"ab"], (*[1], 2), {*[1, 2], 3} == {1, 2, 3})
def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], *(3,), **{"x": 1}, y=2))
for i, (k, v) in enumerate({"p": 1, "q": 2}.items()):
    print(i, k, v)
swap1, swap2 = 1, 2
swap1, swap2 = swap2, swap1
print(swap1, swap2)
