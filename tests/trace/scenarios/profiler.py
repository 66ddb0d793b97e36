# The classic settrace profiler: a class whose trace_calls counts 'call' events by co_name (and a
# local trace function counting 'line' events by (co_name, line)), around a recursive fibonacci.
import sys


class Profiler:
    def __init__(self):
        self.calls = {}
        self.lines = {}
        self.returns = 0

    def trace_calls(self, frame, event, arg):
        if event != 'call':
            return None
        name = frame.f_code.co_name
        self.calls[name] = self.calls.get(name, 0) + 1
        return self.trace_lines

    def trace_lines(self, frame, event, arg):
        if event == 'line':
            key = (frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno)
            self.lines[key] = self.lines.get(key, 0) + 1
        elif event == 'return':
            self.returns += 1
        return self.trace_lines

    def run(self, func, *args):
        sys.settrace(self.trace_calls)
        try:
            return func(*args)
        finally:
            sys.settrace(None)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def both(n):
    return fib(n), fib_iter(n), [fib(i) for i in range(4)]


print('== CASE fib')
p = Profiler()
print(p.run(fib, 15))
for name, count in sorted(p.calls.items()):
    print('calls', name, count)
for key, count in sorted(p.lines.items()):
    print('lines', key[0], key[1], count)
print('returns', p.returns)

print('== CASE mixed')
p = Profiler()
print(p.run(both, 10))
for name, count in sorted(p.calls.items()):
    print('calls', name, count)
for key, count in sorted(p.lines.items()):
    print('lines', key[0], key[1], count)
print('returns', p.returns)
