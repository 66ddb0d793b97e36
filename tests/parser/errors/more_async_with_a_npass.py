async with a:
pass
