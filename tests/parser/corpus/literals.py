0
1
123_456
0x_ff
0XFF
0o17
0O17
0b1010
0B1_0
9007199254740991
9007199254740992
123456789012345678901234567890123456789
0xffffffffffffffffffffffff
1.0
1.
.5
1e10
1E-5
1_0.5_0e+1_0
1.7976931348623157e308
1e400
0.1
3j
1.5J
1e3j
0j
00
0_0
'single'
"double"
'''triple'''
"""triple double"""
'it\'s'
"say \"hi\""
'\n\t\r\\\a\b\f\v\0\x41\101\u00e9\U0001F600'
'\N{LATIN SMALL LETTER E WITH ACUTE}\N{BULLET}\N{EM DASH}'
'\N{CJK UNIFIED IDEOGRAPH-4E00}\N{HANGUL SYLLABLE GA}'
'\d \w unknown escapes kept'
r'raw \n \d'
R"RAW"
u'unicode'
U"UNICODE"
b'bytes \x00\xff \n'
B"BYTES"
br'raw bytes \n'
rb'raw bytes'
Rb'x' bR'x' BR'x'
'implicit' " concatenation" '''of''' """strings"""
u'u first' 'then plain'
b'a' b'b'
'multi\
line'
"""multi
line
string"""
'é ü 中文 😀'
x = 'é' + 'ü'
'\
'
''
""
''''''
