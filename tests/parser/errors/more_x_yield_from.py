x = (yield from)
