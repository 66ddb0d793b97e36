source = "a = 1\nb = (2 +\n"
print("compiling")
exec(source)
