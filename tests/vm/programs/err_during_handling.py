try:
    raise ValueError("first")
except ValueError:
    print("handling")
    {}["second"]
