from __future__ import annotations

def f(a: int, b: list[str] = [], *args: tuple[int, ...], k: dict[str, int | None] = None, **kw: 'X') -> A.B[C]:
    pass

x: lambda a, b=1, *c, d, **e: a + b if c else -d
y: (1 + 2) * 3 ** -4 ** 5
z: not a and (b or c) < d is not e in f
w: f"{a!r:>{width}} {b}" + f'{ {1: 2}}'
v: [i for i in range(3) if i] + {k: v for k, v in d} + (g for g in h)
u: x[1:2, ::3] + x[()] + x[a,] + (1).real + 1.5e300 * 1e400j
t: await_ if yield_ else {*()} | {1, 2} ^ ~x >> 2
s: (a) and "str" and b'bytes' and ... and None and True
class C:
    attr: Dict[str, int]
    other: 'Forward' = 1
