a = [x for x in range(10)]
b = {x for x in y if x}
c = {k: v for k, v in d.items()}
g = (x * 2 for x in y)
n = [x + y for x in a for y in b if x if y]
z = [x for x in [1, 2, 3]]
w = [y for x in a for y in [x]]

def f():
    return [i for i in range(3)]
