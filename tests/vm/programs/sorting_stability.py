people = [("ann", 30), ("bob", 25), ("cy", 30), ("di", 25), ("ed", 40)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
data = [5, 2, 9, 1, 5, 6, 2, 8, 0, 3, 7, 4, 1, 9, 6, 3, 8, 2, 7, 5]
print(sorted(data), sorted(data, reverse=True))
words = ["Banana", "apple", "cherry", "Apple", "banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
class Item:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f"Item({self.v})"
print(sorted([Item(3), Item(1), Item(2)]), max([Item(3), Item(7)]) if False else "max skip")
lst = list(range(30, 0, -1))
lst.sort(key=lambda v: v % 5)
print(lst)
print(sorted("the quick brown fox".split(), key=lambda w: w[-1]))
