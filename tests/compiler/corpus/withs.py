with open('f') as fh:
    data = fh.read()
with a as x, b as y:
    pass
with c:
    d()

def f():
    with lock:
        return 1
