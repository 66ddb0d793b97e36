try:
    compile("x = (1,", "<src>", "exec")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno)
try:
    eval("1 +")
except SyntaxError as e:
    print("eval SyntaxError", e.msg)
print(eval("2 * 21"), eval("x + 1", {"x": 1}))
ns = {}
exec("def sq(v):\n    return v * v\nresult = sq(7)", ns)
print(ns["result"], ns["sq"](3))
code = compile("print('compiled')", "<c>", "exec")
exec(code)
exec("raise ValueError('from exec')")
