b = b"Hello\x00\xff"
print(b, len(b), b[0], b[-1], b[1:3], list(b[:2]), b.hex(), bytes.fromhex("48 69"))
print(b"abc" + b"def", b"ab" * 3, b"b" in b"abc", 98 in b"abc", b"a,b".split(b","), b"  x ".strip())
print("héllo".encode(), "héllo".encode("utf-8").decode(), "abc".encode("ascii"), bytes(range(5)), bytes([255]))
ba = bytearray(b"xyz")
ba.append(33)
ba[0] = 88
print(ba, len(ba), bytes(ba), ba.decode())
print(b"abc" == b"abc", b"abc" < b"abd", repr(b"'"), repr(b'"'), repr(b"\n\t\\"), b"A".lower() if False else b"A")
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
print(int.from_bytes(b"\x00\x10", "big"), (1024).to_bytes(2, "little"), b"abc".upper(), b"x".join([b"1", b"2"]))
