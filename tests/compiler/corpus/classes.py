class A:
    x = 1
    def m(self):
        return self.x

class B(A, metaclass=M):
    "docstring"
    def __init__(self):
        super().__init__()
        self.__private = 1

    @property
    def p(self):
        return self.__private

    @staticmethod
    def s():
        return __class__

class C:
    y: int
    z: str = 'a'
