# Dict and string work: word counts, joins, splits, formatting (%, str.format, f-strings).
WORDS = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron "
         "pi rho sigma tau upsilon phi chi psi omega").split()


def make_text(n):
    out = []
    seed = 12345
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        out.append(WORDS[(seed >> 16) % len(WORDS)])
    return " ".join(out)


def word_counts(text):
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    return counts


def bigrams(text):
    words = text.split()
    pairs = {}
    for i in range(len(words) - 1):
        key = (words[i], words[i + 1])
        if key in pairs:
            pairs[key] += 1
        else:
            pairs[key] = 1
    return pairs


def formatting(n):
    total = 0
    parts = []
    for i in range(n):
        a = "%d:%s" % (i, WORDS[i % 24])
        b = "{}-{:>6}".format(i % 97, WORDS[(i * 7) % 24])
        c = f"{i:05d}|{i * 0.5:.2f}"
        total += len(a) + len(b) + len(c)
        if i % 5000 == 0:
            parts.append(c)
    return total, ",".join(parts)


def string_ops(text):
    upper = text.upper()
    replaced = text.replace("a", "4").replace("e", "3")
    n = upper.count("ALPHA") + replaced.count("4") + text.find("omega")
    chunks = [text[i:i + 40].strip().title() for i in range(0, 20_000, 40)]
    return n, len("".join(chunks)), chunks[3]


text = make_text(150_000)
counts = word_counts(text)
print("words", sorted(counts.items())[:5], len(counts))
pairs = bigrams(text)
top = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print("bigrams", len(pairs), top)
print("format", formatting(60_000))
print("strings", string_ops(text))
d = {str(i): i for i in range(50_000)}
print("dict", sum(d[k] for k in d if k.endswith("7")), len(d), "123" in d, d.pop("42"))
