def f(cmd):
    match cmd:
        case 1:
            return 'one'
        case 'a' | 'b':
            return 'ab'
        case None:
            return 'none'
        case [x, y]:
            return x + y
        case [first, *rest]:
            return rest
        case [_, *_, last]:
            return last
        case {'k': v, **kw}:
            return v
        case {'k': v}:
            return v
        case Point(x=0, y=yy) if yy > 0:
            return yy
        case Point(1, 2):
            return 3
        case (1 | 2) as n:
            return n
        case [1, (2 | 3) as z] | [z, 4]:
            return z
        case -1:
            return -1
        case str() as s:
            return s
        case _:
            return None

def g(x):
    match x:
        case {}:
            pass
        case []:
            pass
        case q:
            print(q)
