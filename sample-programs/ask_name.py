# Reads from the terminal: run it with "console": "integratedTerminal" so input() has a keyboard.
name = input("What is your name? ")
greeting = f"Hello, {name}!"
print(greeting)
