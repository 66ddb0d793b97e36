import sys
class Node:
    def __init__(self, n):
        self.child = Node(n - 1) if n else None
def depth(node):
    d = 0
    while node:
        d += 1
        node = node.child
    return d
print(depth(Node(900)))
def walk(n):
    if n:
        yield from walk(n - 1)
    yield n
print(sum(walk(900)))
sys.setrecursionlimit(20000)
print(depth(Node(15000)))
class R:
    def __repr__(self): return repr(self)
try:
    repr(R())
except RecursionError as e:
    print("RecursionError", e)
print("ok")
sys.exit(3)
