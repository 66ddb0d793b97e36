class A(metaclass=M, x):
 pass
