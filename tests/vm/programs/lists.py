a = [3, 1, 4, 1, 5, 9, 2, 6]
a.append(5)
a.extend([3, 5])
a.insert(0, 0)
print(a, len(a), a.count(5), a.index(4))
print(a.pop(), a.pop(0), a)
a.remove(1)
print(a, sorted(a), sorted(a, reverse=True), a[::-1])
a.sort()
print(a)
a.sort(key=lambda v: -v)
print(a)
a.reverse()
print(a, min(a), max(a), sum(a))
b = a[:]
b[1:3] = ["x", "y", "z"]
print(b, a[2:5], a[-2:], a[:100])
del b[0]
del b[::2]
print(b)
print([1, 2] + [3], [0] * 3, [[0] * 2] * 2, [] == [], [1, 2] < [1, 3], [1, 2] == [1, 2.0])
words = ["pear", "Fig", "apple", "banana"]
print(sorted(words, key=str.lower), sorted(words, key=len), list(reversed(words)))
nested = [[3, 2], [1, 5], [3, 1]]
nested.sort()
print(nested)
l = list(range(10))
print(l[2:8:2], l[::-3], l[-1:-5:-1])
l[::2] = ["e"] * 5
print(l)
c = [1, 2, 3]
c *= 2
c += (4,)
print(c, c.copy() is c, 3 in c, 7 not in c)
c.clear()
print(c, list("abc"), list(range(3)), list((1, 2)))
x = [1, 2, 3]
x[1] = x
print(x)
print([i * i for i in range(6) if i % 2], [(i, j) for i in range(2) for j in "ab"])
