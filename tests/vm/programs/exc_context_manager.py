class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("close", self.name, et.__name__ if et else None)
        return False
with Resource("a") as a, Resource("b") as b:
    print("using", a.name, b.name)
try:
    with Resource("c"):
        raise KeyError("inside")
except KeyError as e:
    print("propagated", e)
def early():
    with Resource("d"):
        return "returned"
print(early())
for i in range(2):
    with Resource(f"loop{i}"):
        if i == 0:
            continue
        break
class Suppress:
    def __enter__(self): return self
    def __exit__(self, *a): return True
with Suppress():
    1 / 0
print("suppressed")
try:
    with 5:
        pass
except TypeError as e:
    print(e)
