items = [1, 2, "three"]
total = 0
for item in items:
    total = total + item
