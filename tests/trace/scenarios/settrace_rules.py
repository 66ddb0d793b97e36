# The rules of trace functions themselves (our own programs for the scenarios of CPython's
# test_sys_settrace): what the global and local trace functions return, trace functions that raise,
# f_trace_lines / f_trace_opcodes, f_trace set by hand, settrace from inside traced code.
import sys

HERE = sys._getframe().f_code.co_filename


def case(name):
    print('== CASE ' + name)


def mine(frame):
    return frame.f_code.co_filename == HERE and frame.f_code.co_name not in ('<module>', 'case')


def target():
    a = 1
    b = a + 1
    return b


def two_levels():
    x = target()
    return x + 1


# -- the global function returning None: no local events for that frame
case('global_returns_none')
log = []


def global_none(frame, event, arg):
    if mine(frame):
        log.append((event, frame.f_code.co_name, frame.f_lineno))
    return None


sys.settrace(global_none)
two_levels()
sys.settrace(None)
print(log)

# -- a local function returning None keeps the current local function
case('local_returns_none')
log = []


def local_none(frame, event, arg):
    log.append(('local', event, frame.f_lineno))
    return None


def global_to_local(frame, event, arg):
    if mine(frame):
        log.append(('global', event, frame.f_code.co_name))
        return local_none
    return None


sys.settrace(global_to_local)
target()
sys.settrace(None)
print(log)

# -- a local function returning another function switches to it
case('local_switches_function')
log = []


def second(frame, event, arg):
    log.append(('second', event, frame.f_lineno))
    return second


def first(frame, event, arg):
    log.append(('first', event, frame.f_lineno))
    return second


def global_first(frame, event, arg):
    if mine(frame):
        return first
    return None


sys.settrace(global_first)
target()
sys.settrace(None)
print(log)

# -- the global function is called for 'call' only; every new frame asks it again
case('global_called_per_frame')
log = []


def counting(frame, event, arg):
    if mine(frame):
        log.append((event, frame.f_code.co_name))
    return None


sys.settrace(counting)
for _ in range(2):
    two_levels()
sys.settrace(None)
print(log)

# -- a trace function raising on 'call': tracing is switched off and the exception propagates
case('raise_on_call')
log = []


def raise_on_call(frame, event, arg):
    if mine(frame):
        log.append(event)
        raise RuntimeError('from tracer on ' + event)
    return None


sys.settrace(raise_on_call)
try:
    target()
except RuntimeError as e:
    print('caught', e)
print('gettrace is None:', sys.gettrace() is None)
print(log)

# -- raising on a 'line' event
case('raise_on_line')
log = []


def raise_on_line(frame, event, arg):
    if not mine(frame):
        return None
    log.append((event, frame.f_lineno))
    if event == 'line' and frame.f_lineno == target.__code__.co_firstlineno + 2:
        raise ValueError('line tracer failed')
    return raise_on_line


sys.settrace(raise_on_line)
try:
    two_levels()
except ValueError as e:
    print('caught', e)
print('gettrace is None:', sys.gettrace() is None)
print(log)

# -- raising on a 'return' event
case('raise_on_return')
log = []


def raise_on_return(frame, event, arg):
    if not mine(frame):
        return None
    log.append((event, frame.f_code.co_name))
    if event == 'return':
        raise LookupError('return tracer failed')
    return raise_on_return


sys.settrace(raise_on_return)
try:
    two_levels()
except LookupError as e:
    print('caught', e)
print('gettrace is None:', sys.gettrace() is None)
print(log)

# -- f_trace_lines = False suppresses line events (call/return still come)
case('f_trace_lines_false')
log = []


def no_lines(frame, event, arg):
    if not mine(frame):
        return None
    log.append((event, frame.f_code.co_name, frame.f_lineno))
    if event == 'call':
        frame.f_trace_lines = False
    return no_lines


sys.settrace(no_lines)
two_levels()
sys.settrace(None)
print(log)

# -- opcode events, with and without line events
case('opcode_events')
log = []


def opcodes(frame, event, arg):
    if not mine(frame):
        return None
    log.append((event, frame.f_lineno, frame.f_lasti))
    if event == 'call':
        frame.f_trace_opcodes = True
        frame.f_trace_lines = frame.f_code.co_name == 'target'
    return opcodes


sys.settrace(opcodes)
two_levels()
sys.settrace(None)
for entry in log:
    print(*entry)

# -- f_trace on an already running frame (the pdb.set_trace pattern)
case('f_trace_set_by_hand')
log = []


def by_hand_local(frame, event, arg):
    log.append((event, frame.f_code.co_name, frame.f_lineno))
    return by_hand_local


def by_hand_global(frame, event, arg):
    if mine(frame):
        return by_hand_local
    return None


def start_tracing_caller():
    sys._getframe(1).f_trace = by_hand_local
    sys.settrace(by_hand_global)


def traced_from_here():
    start_tracing_caller()
    x = 1
    y = target()
    sys.settrace(None)
    z = 3
    return x + y + z


traced_from_here()
print(log)
print('after settrace(None)')

# -- settrace inside a traced function affects new frames only
case('settrace_inside')
log = []


def inside_tracer(frame, event, arg):
    if mine(frame):
        log.append((event, frame.f_code.co_name, frame.f_lineno))
        return inside_tracer
    return None


def starts_tracing():
    a = 1
    sys.settrace(inside_tracer)
    b = target()
    return a + b


starts_tracing()
sys.settrace(None)
print(log)

# -- settrace(None) from a local trace function stops new frames; f_trace = None stops the frame
case('stop_from_tracer')
log = []


def stopping(frame, event, arg):
    if not mine(frame):
        return None
    log.append((event, frame.f_code.co_name, frame.f_lineno))
    if event == 'line' and frame.f_code.co_name == 'two_levels':
        sys.settrace(None)
    if event == 'line' and frame.f_code.co_name == 'target':
        frame.f_trace = None
    return stopping


sys.settrace(stopping)
two_levels()
sys.settrace(None)
print(log)
log = []
sys.settrace(lambda f, e, a: (log.append((e, f.f_code.co_name)), None)[1] if mine(f) else None)
target()
sys.settrace(None)
print(log)

# -- gettrace returns the installed function
case('gettrace')


def some_tracer(frame, event, arg):
    return None


print(sys.gettrace() is None)
sys.settrace(some_tracer)
same = sys.gettrace() is some_tracer
sys.settrace(None)
print(same, sys.gettrace())

# -- what a trace function sees of the frame
case('frame_view')
log = []


def viewer(frame, event, arg):
    if not mine(frame):
        return None
    if frame.f_code.co_name == 'target':
        back = frame.f_back
        log.append((event, frame.f_lineno, sorted(frame.f_locals), back.f_code.co_name, back.f_lineno,
                    frame.f_trace is viewer, frame.f_trace_lines, frame.f_trace_opcodes))
    return viewer


sys.settrace(viewer)
two_levels()
sys.settrace(None)
for entry in log:
    print(*entry)

# -- exception events: the (type, value, traceback) argument
case('exception_arg')
log = []


def exc_viewer(frame, event, arg):
    if not mine(frame):
        return None
    if event == 'exception':
        t, v, tb = arg
        log.append((frame.f_code.co_name, t.__name__, str(v), tb.tb_lineno, tb.tb_frame is frame,
                    tb.tb_next is None, isinstance(v, t)))
    return exc_viewer


def fails():
    return {}['missing']


def calls_fails():
    try:
        fails()
    except KeyError:
        return 'handled'


sys.settrace(exc_viewer)
calls_fails()
sys.settrace(None)
for entry in log:
    print(*entry)

# -- generators: each resume is a 'call', each yield a 'return' with the yielded value
case('generator_resumes')
log = []


def gen_tracer(frame, event, arg):
    if not mine(frame):
        return None
    log.append((event, frame.f_code.co_name, frame.f_lineno, arg if event == 'return' else None))
    return gen_tracer


def numbers():
    yield 1
    x = 2
    yield x
    return 3


sys.settrace(gen_tracer)
g = numbers()
print(next(g), next(g), list(g))
sys.settrace(None)
for entry in log:
    print(*entry)

# -- tracing a generator that was created before tracing started
case('generator_started_untraced')
log = []
g = numbers()
first = next(g)
sys.settrace(gen_tracer)
rest = list(g)
sys.settrace(None)
print(first, rest)
for entry in log:
    print(*entry)

# -- a trace function that itself calls traced code does not recurse into tracing
case('no_reentry')
log = []


def reentrant(frame, event, arg):
    if not mine(frame):
        return None
    if frame.f_code.co_name == 'target':
        log.append((event, frame.f_lineno, helper_value()))
    return reentrant


def helper_value():
    return 7


sys.settrace(reentrant)
target()
sys.settrace(None)
print(log)
