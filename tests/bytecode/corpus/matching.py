def m(cmd):
    match cmd:
        case 0 | 1:
            return "small"
        case [x, y, *rest]:
            return x
        case {"k": v, **others}:
            return v
        case Point(x=0, y=yy) if yy > 2:
            return yy
        case str() as s:
            return s
        case (1, 2):
            return 3
        case None:
            return None
        case _:
            return "other"


class Point:
    __match_args__ = ("x", "y")
