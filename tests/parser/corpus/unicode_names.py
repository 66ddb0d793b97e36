café = 1
π = 3.14
変数 = "値"
ﬁ = 2
x = café + π
def naïve(ñ): return ñ
class Ünïcode: pass
s = "日本語テキスト"
t = 'emoji 😀 in string'
u = f'{café} {π:.2f}'
