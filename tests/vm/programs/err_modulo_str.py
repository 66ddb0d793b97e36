name = "x"
print("%s and %s" % (name,))
