import string, operator, copy, heapq, bisect
from operator import itemgetter, attrgetter
print(string.ascii_lowercase, string.digits, string.capwords("hello big world"), len(string.punctuation))
rows = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(0)), list(map(operator.mul, [1, 2], [3, 4])))
class P:
    def __init__(self, n): self.name = n
print([p.name for p in sorted([P("z"), P("m")], key=attrgetter("name"))], operator.add(2, 3), operator.neg(5))
a = [[1, 2], {"k": [3]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[0].append(99)
a[1]["k"].append(4)
print(b, c, b[0] is a[0], c[0] is a[0])
h = []
for v in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, v)
print(h, [heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 3]
heapq.heapify(data)
print(data, heapq.nlargest(2, [5, 1, 9]), heapq.nsmallest(2, [5, 1, 9]))
s = [1, 3, 5, 7]
print(bisect.bisect(s, 4), bisect.bisect_left(s, 5), bisect.bisect_right(s, 5))
bisect.insort(s, 4)
print(s)
