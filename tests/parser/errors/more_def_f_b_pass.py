def f(*, *b): pass
