import itertools as it
from itertools import islice, count, chain, product, permutations, combinations, groupby, accumulate, zip_longest
print(list(islice(count(5, 2), 4)), list(chain([1, 2], "ab")), list(chain.from_iterable([[1], [2, 3]])))
print(list(product("ab", [1, 2])), list(product([0, 1], repeat=2)))
print(list(permutations([1, 2, 3], 2)), len(list(permutations(range(5)))))
print(list(combinations("abcd", 2)), list(it.combinations_with_replacement("ab", 2)))
print([(k, list(g)) for k, g in groupby("aaabbcaa")], [(k, len(list(g))) for k, g in groupby(sorted([3, 1, 3, 2, 1]))])
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b)), list(accumulate([1, 2], initial=100)))
print(list(zip_longest("abc", [1], fillvalue="-")), list(it.takewhile(lambda v: v < 3, [1, 2, 5, 1])), list(it.dropwhile(lambda v: v < 3, [1, 2, 5, 1])))
print(list(islice(it.cycle("xy"), 5)), list(it.repeat(7, 3)), list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.compress("abcd", [1, 0, 1, 0])))
print(list(it.filterfalse(lambda v: v % 2, range(6))), list(it.pairwise([1, 2, 3, 4])), [list(t) for t in it.tee([1, 2], 2)])
print(list(islice(range(10), 2, 8, 3)), list(islice("abcdef", 3)))
