"module docstring"
import sys
x: int = 1
def f():
    global y
    y = 1
    del y
print(__debug__)
for x in [1, 2]:
    pass
for x in {1, 2}:
    pass
if x in [a, b]:
    pass
i = 0
while i < 3:
    i = i + 1
