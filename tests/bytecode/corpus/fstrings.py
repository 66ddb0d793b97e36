name = "x"
width = 10
a = f"hello {name}"
b = f"{name!r:>{width}} and {width:05d} {name=}"
c = f"{'nested' + f'{name}'}"
d = "%s and %r" % (name, width)
e = f"{width:{'>'}{width}}"
