match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case ["go", direction] | ["move", direction]:
        pass
    case ["drop", *objects]:
        pass
    case [*_]:
        pass
match x:
    case 0 | 1 | 2:
        pass
    case -1:
        pass
    case 1.5:
        pass
    case 1 + 2j:
        pass
    case -1 - 2j:
        pass
    case "str" "ing":
        pass
    case b"bytes":
        pass
    case None:
        pass
    case True:
        pass
    case False:
        pass
    case Color.RED:
        pass
    case a.b.c:
        pass
    case Point(x=0, y=0):
        pass
    case Point(1, 2, z=3):
        pass
    case Point():
        pass
    case a.B(c):
        pass
    case {"x": x, "y": y, **rest}:
        pass
    case {1: _, Color.RED: _}:
        pass
    case {}:
        pass
    case []:
        pass
    case ():
        pass
    case (a, b):
        pass
    case (a,):
        pass
    case (a):
        pass
    case [a, (b, c)] as whole:
        pass
    case x if x > 0:
        pass
    case _:
        pass
match x, y:
    case a, b:
        pass
    case *a, b:
        pass
match (x):
    case 1: pass
match = 1
match.x = 2
match(1)
match[0]
case = 3
_ = 4
match -x:
    case _: pass
match *a, b:
    case _: pass
