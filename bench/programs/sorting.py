# List sorting with key functions: lambdas, tuple keys, reverse, stability, and min/max with keys.
class Record:
    def __init__(self, name, age, score):
        self.name = name
        self.age = age
        self.score = score


def make_data(n):
    seed = 42
    data = []
    for i in range(n):
        seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        data.append((seed >> 33) % 1_000_000)
    return data


def by_key(data):
    a = sorted(data, key=lambda x: (x % 1000, -x))
    b = sorted(data, key=lambda x: -x)
    c = sorted(data, reverse=True)
    return a[0], a[-1], b[10], c[10], b == c


def records(data):
    recs = [Record("n%d" % (x % 5000), x % 90, x % 1000 / 7) for x in data]
    recs.sort(key=lambda r: r.score)
    recs.sort(key=lambda r: r.age)  # stable: within an age, score order is kept
    first = recs[0]
    last = recs[-1]
    ok = all(recs[i].age < recs[i + 1].age or
             (recs[i].age == recs[i + 1].age and recs[i].score <= recs[i + 1].score)
             for i in range(len(recs) - 1))
    names = sorted({r.name for r in recs}, key=lambda s: (len(s), s))
    return first.name, round(first.score, 3), last.name, ok, names[:3], len(names)


def words(data):
    ws = ["w%x" % x for x in data[:60_000]]
    ws.sort(key=str.lower)
    return ws[0], ws[-1], max(ws, key=len), min(data, key=lambda x: abs(x - 500_000))


data = make_data(120_000)
print("keys", by_key(data))
print("records", records(data))
print("words", words(data))
