s = "naïve café 😀 日本語"
print(len(s), s[0], s[2], s[-1], s[-3:], s[6:10], s[::-1], s.upper(), s.encode("utf-8")[:8])
print(s.find("😀"), s.index("日"), s.split(" "), s.count("é"), "😀" in s, [c for c in "a😀b"])
print(repr("😀"), ascii("😀é"), "\N{GREEK SMALL LETTER ALPHA}", "\u00e9" == "é", len("e\u0301"))
print("ß".upper(), "İ".lower(), "ﬁ".upper(), "Σ".lower(), "ǈ".title(), "hello world".title())
print(sorted("bΩaé"), max("abc😀"), min("zé"), ord(max("abc😀")))
print(f"{'😀':*^5}", "{:>4}".format("日本"), "日本".center(6, "-"), "%5s|" % "é")
print("x".join("😀😀"), "a😀b".replace("😀", "!"), "😀".encode(), b"\xf0\x9f\x98\x80".decode())
print(str(b"abc", "ascii"), "abc".encode("latin-1"), "é".encode("latin-1"), [ord(c) for c in "aé😀"])
