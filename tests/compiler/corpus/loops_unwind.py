def f(xs):
    for x in xs:
        try:
            if x:
                break
            continue
        finally:
            cleanup()
    while xs:
        with lock:
            if g():
                break
            return 5
    for y in xs:
        try:
            return y
        except E as e:
            return e
    return None
