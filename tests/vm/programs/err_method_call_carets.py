class Account:
    def withdraw(self, amount):
        if amount > 100:
            raise ValueError(f"insufficient funds for {amount}")
        return amount
acct = Account()
acct.withdraw(50)
print(acct.withdraw(500))
