# Recursion: each call pushes a frame; the call stack shows the f_back chain.
def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


result = factorial(5)
print("factorial(5) =", result)
print("fib(10) =", fib(10))
