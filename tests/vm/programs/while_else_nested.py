def find_pair(nums, target):
    i = 0
    while i < len(nums):
        j = i + 1
        while j < len(nums):
            if nums[i] + nums[j] == target:
                return i, j
            j += 1
        i += 1
    else:
        return None
print(find_pair([1, 4, 6, 9], 10), find_pair([1, 2], 10))
primes = []
for n in range(2, 30):
    for p in primes:
        if n % p == 0:
            break
    else:
        primes.append(n)
print(primes)
count = 0
for a in range(3):
    for b in range(3):
        for c in range(3):
            if a + b + c == 3:
                count += 1
print(count)
x = 0
while x < 10:
    x += 1
    if x % 2:
        continue
    if x > 6:
        break
print(x)
