class Node:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Node({self.v}, {self.missing})"
print([Node(1)])
