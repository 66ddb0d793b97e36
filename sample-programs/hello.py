def greet(name):
    message = "Hello, " + name + "!"
    return message


for who in ["world", "pyvm"]:
    print(greet(who))
