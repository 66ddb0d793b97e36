template = "{name} is {age} years old"
print(template.format(name="Ann", age=30))
print(template.format(name="Bob"))
