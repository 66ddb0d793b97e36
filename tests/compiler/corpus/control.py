if x:
    a = 1
elif y:
    a = 2
else:
    a = 3
while i < 10:
    i += 1
    if i == 5:
        continue
    if i == 7:
        break
else:
    pass
for i in range(3):
    print(i)
else:
    print('done')
for k, v in d.items():
    if k:
        break
while True:
    x()
if a and b:
    c()
if a or not b:
    d()
if 0:
    dead()
assert x > 0
assert x, "message"
