if x == 1:
    pass
elif:
    pass
