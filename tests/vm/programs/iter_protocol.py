class Countdown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(5)), sum(Countdown(4)), max(Countdown(3)))
for v in Countdown(2):
    print("v", v)
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq(), [x for x in Seq()])
class Reversible:
    def __init__(self, data):
        self.data = data
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        return self.data[i]
    def __reversed__(self):
        return iter(self.data[::-1])
print(list(reversed(Reversible([1, 2, 3]))), list(reversed("abc")), list(reversed((1, 2))))
it = iter(range(5))
print(next(it), next(it), list(it), next(it, "done"))
calls = [0]
def counter():
    calls[0] += 1
    return calls[0]
print(list(iter(counter, 4)))
a, b, c = Countdown(3)
print(a, b, c)
print(*Countdown(3), sep=",")
print(dict(zip(Countdown(3), "xyz")), list(enumerate(Countdown(2), start=10)))
e = enumerate(["a", "b"])
print(next(e), list(e))
z = zip([1, 2, 3], [4, 5])
print(list(z), list(zip()), list(zip("ab", strict=True)))
m = map(lambda a, b: a + b, [1, 2], [10, 20, 30])
print(list(m), list(filter(str.isdigit, "a1b2")))
