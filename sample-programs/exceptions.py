# Exception handling: raise, except, else, finally, and a custom exception.
class InsufficientFunds(Exception):
    pass


def withdraw(balance, amount):
    if amount > balance:
        raise InsufficientFunds(f"need {amount - balance} more")
    return balance - amount


balance = 100
for amount in [30, 200, 50]:
    try:
        balance = withdraw(balance, amount)
    except InsufficientFunds as error:
        print("refused:", error)
    else:
        print("withdrew", amount, "balance", balance)
    finally:
        print("checked", amount)

try:
    1 / 0
except ZeroDivisionError as error:
    print("caught", type(error).__name__, error)
