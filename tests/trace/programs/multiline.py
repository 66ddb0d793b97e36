# Statements spread over several lines, conditional expressions, boolean short-circuits, lambdas,
# decorators and keyword calls: where 'line' events land.
def deco(tag):
    def wrap(fn):
        def inner(*args, **kwargs):
            return (tag,
                    fn(*args, **kwargs))
        return inner
    return wrap


@deco('t')
def combine(a,
            b=2,
            *rest,
            key=None):
    value = (a
             + b
             * len(rest))
    return value if key is None else (
        key(value))


print(combine(1))
print(combine(1, 3, 4, 5,
              key=lambda v:
              v * 10))
flag = (combine(0)[1] == 2 and
        not None or
        False)
print(flag)
data = {
    'a': [1,
          2],
    'b': (3,
          4),
}
print(data['a'][1]
      + data['b'][0])
assert (1 <
        2), 'never'
