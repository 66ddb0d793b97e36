counter = 0
def increment(by=1):
    global counter
    counter += by
    return counter
increment()
increment(5)
print(counter)
def make_bank():
    balance = 100
    def deposit(v):
        nonlocal balance
        balance += v
        return balance
    def withdraw(v):
        nonlocal balance
        if v > balance:
            raise ValueError("insufficient")
        balance -= v
        return balance
    return deposit, withdraw
dep, wd = make_bank()
print(dep(50), wd(30))
try:
    wd(1000)
except ValueError as e:
    print("ValueError", e)
def outer():
    x = 1
    def middle():
        def inner():
            nonlocal x
            x += 10
        inner()
        return x
    return middle()
print(outer())
g = 5
def read_only():
    return g * 2
print(read_only())
del counter
try:
    print(counter)
except NameError as e:
    print("NameError", e)
