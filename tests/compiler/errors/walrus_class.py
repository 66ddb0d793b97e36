class C:
    [(z := 1) for y in x]
