1 + 2 - 3 * 4 / 5 // 6 % 7 @ 8 ** 9
-x + +y - ~z
not a
a and b and c
a or b or c
a and b or c and d
not a or not b
a < b <= c > d >= e == f != g
a in b, a not in b, a is b, a is not b
a | b ^ c & d << e >> f
x if y else z
x if y else z if w else v
a ** -b
-a ** b
(a)
((a))
(a, )
()
(a, b, *c)
[]
[1, 2, *a, 3]
{}
{1: 2, **d, 3: 4}
{1, 2, *s}
[x for x in y]
[x for x in y if x if z for a in x]
{x for x in y}
{k: v for k, v in items}
(x for x in y)
f(x for x in y)
f(a, *b, c=1, **d)
f(*a, *b, c=1, *d, **e, **f)
f(a)(b)(c)
a.b.c.d
a[1]
a[1, 2]
a[1:2]
a[1:2:3]
a[:]
a[::]
a[::2]
a[:, 1]
a[1:2, ::3, ...]
a[*b]
a[*b, c]
a[b:=1]
(x := 10)
f(x := 1)
[y := 1, y ** 2]
...
None, True, False
x = yield_ = 1
a.b[c](d).e
print(*args, sep='', end='\n')
await_ = 1
match_ = case_ = 1
x = (
    1 +
    2
)
x = 1 + \
    2
x = [
    1,
    2,
]
if (a and
        b):
    pass
