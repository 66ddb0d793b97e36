from __future__ import annotations


def f(a: int, *, b: list[str] = None) -> dict[str, int]:
    x: tuple[int, ...] = ()
    return {}


class K:
    field: "K"
    other: int = 3
