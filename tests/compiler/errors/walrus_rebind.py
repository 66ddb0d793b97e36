[(y := 1) for y in x]
