try:
    a()
except ValueError:
    b()
except (TypeError, KeyError) as e:
    c(e)
except:
    d()
else:
    f()
finally:
    g()

try:
    x = 1
finally:
    y = 2

def h():
    try:
        return 1
    finally:
        print('f')

raise ValueError('x')
