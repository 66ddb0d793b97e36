for i in range(10):
    if i == 2:
        continue
    if i == 6:
        break
    print(i, end=" ")
else:
    print("no break")
print()
for i in range(3):
    pass
else:
    print("else ran")
n = 0
while True:
    n += 1
    if n > 5:
        break
print(n)
while n > 0:
    n -= 2
else:
    print("while else", n)
x = 5
print("big" if x > 3 else "small", x > 3 and x < 10, x < 3 or x == 5, not x)
print(1 < x < 10, 1 < x > 10, 0 or None or "last", 1 and 2 and 3, [] or {}, 0 and 1)
match x:
    case 1:
        print("one")
    case 5 | 6:
        print("five or six")
    case _:
        print("other")
for v in [[1, 2], (3, 4, 5), {"k": 1}, 7, "s", None, [1, [2, 3]]]:
    match v:
        case [a, b]:
            print("pair", a, b)
        case (a, *rest):
            print("seq", a, rest)
        case {"k": val}:
            print("map", val)
        case int(n) if n > 5:
            print("int>5", n)
        case str() as s:
            print("str", s)
        case None:
            print("none")
class P:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
match P(1, 2):
    case P(0, _):
        print("no")
    case P(1, y=yy):
        print("P", yy)
i = 0
while i < 3:
    j = 0
    while j < 3:
        if j == i:
            break
        j += 1
    i += 1
print(i, j)
