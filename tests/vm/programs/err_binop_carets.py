def ratio(a, b):
    return (a + 1) * 2 // (b - b)
x = ratio(3, 4)
