# A class hierarchy: inheritance, super(), overriding, properties.
class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        return 0

    def describe(self):
        return f"{self.name} with area {self.area()}"


class Rectangle(Shape):
    def __init__(self, width, height):
        super().__init__("rectangle")
        self.width = width
        self.height = height

    def area(self):
        return self.width * self.height


class Square(Rectangle):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"


shapes = [Shape("point"), Rectangle(2, 3), Square(4)]
for shape in shapes:
    print(shape.describe())
print(isinstance(shapes[2], Rectangle), Square.__mro__[1].__name__)
