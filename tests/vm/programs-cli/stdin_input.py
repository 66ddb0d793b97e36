name = input("name? ")
print(f"hello {name}")
try:
    input()
except EOFError as e:
    print("EOFError:", e)
