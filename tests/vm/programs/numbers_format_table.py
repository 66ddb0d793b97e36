values = [0, 1, -1, 3.14159, -2.5, 1e10, 1.5e-5, 123456.789, 2 ** 40, -(10 ** 12)]
for v in values:
    print(f"{v!r:>16} | {v:>14,} | {v:>12.3e} | {v:^12.4g} | {str(v):<16}|")
for spec in ["", "10", "<10", "^10", "+", " ", "08.3f", ".0%", "x", "#o", ",d"]:
    try:
        print(repr(spec), format(255, spec), format(255.5, spec) if "x" not in spec and "o" not in spec and "d" not in spec else "-")
    except ValueError as e:
        print(repr(spec), "ValueError:", e)
