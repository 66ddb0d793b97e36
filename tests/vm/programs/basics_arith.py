print(1 + 2, 7 - 10, 6 * 7, 7 / 2, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 2 ** 10, 2 ** -1)
print(2 ** 100, -(2 ** 64), 10 ** 20 // 3, (2 ** 70) % 1000)
print(1.5 + 2, 0.1 + 0.2, 1e20, 1e-5, 3.0, -0.0, 1 / 3, 2.5 * 4)
print(True + True, True * 3, 5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 40, 2 ** 64 >> 3, -17 >> 2)
print(divmod(17, 5), divmod(-17, 5), divmod(7.5, 2))
print(abs(-3), abs(-3.5), round(2.5), round(3.5), round(2.675, 2), round(1234, -2))
print(int('42'), int('-0x1f', 16), int('0b101', 0), float('1.5'), float('inf'), int(3.9), int(-3.9))
print(max(3, 1, 2), min([4, 5, 1]), sum(range(101)), sum([0.1] * 10))
print(1 == 1.0, 1 < 2.5, 2 ** 53 + 1 == float(2 ** 53 + 1), 3 != 3.0)
print(hash(-1), hash(1), hash(1.0) == hash(1), hash(True))
x = 10
x += 5
x *= 2
x -= 1
x //= 3
print(x)
print(0.1 * 3, 1e16, 123456789012345678.0, 1.0e-7, float(10 ** 16))
print(complex(1, 2) * 2, (1 + 2j) * (3 - 1j), abs(3 + 4j))
