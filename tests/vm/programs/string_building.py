lines = []
for i in range(1, 6):
    lines.append(f"{i:>2} | {'#' * i:<5} | {i ** 2:3d}")
print("\n".join(lines))
table = [("apple", 1.5, 3), ("banana", 0.25, 12), ("cherry", 10.0, 1)]
for name, price, qty in table:
    print(f"{name:<10}{price:>8.2f}{qty:>5}{price * qty:>10.3f}")
s = ""
for c in "abcdef":
    s += c.upper() if ord(c) % 2 else c
print(s, s[::-1], s.swapcase())
print("|".join(f"{n:03b}" for n in range(8)))
csv = "name,age\nann,30\nbob,25\n"
rows = [line.split(",") for line in csv.strip().split("\n")]
print(rows, {r[0]: int(r[1]) for r in rows[1:]})
print("%-6s|%6s|%06.2f|%+.1e" % ("ab", "cd", 3.14159, 12345.6789))
print("tab\tsep", repr("quote's"), "unicode: \u00e9\u4e2d\U0001F600", len("\u4e2d\U0001F600"))
print("a" < "b" < "c", "abc".find("c", 1, 2), "hello world".title(), "x".join(["1", "2", "3"]))
