# Setting frame.f_lineno from a trace function (our own programs for the jump scenarios of
# CPython's test_sys_settrace). Each case runs a function that appends markers to `output`; the trace
# function jumps once, from line FROM to line TO (both counted from the function's `def` line), on
# the given event, and records the error if the jump is refused.
import sys


def case(name):
    print('== CASE ' + name)


def jump_case(name, func, jump_from, jump_to, event='line', value=None):
    case(name)
    output = []
    code = func.__code__
    first = code.co_firstlineno
    done = []

    def local(frame, ev, arg):
        if not done and ev == event and frame.f_lineno == first + jump_from:
            done.append(1)
            try:
                frame.f_lineno = first + jump_to if value is None else value
            except Exception as e:
                output.append('%s: %s' % (type(e).__name__, str(e).replace(str(first + jump_to), 'TO')))
            else:
                output.append('now at %d' % (frame.f_lineno - first))
        return local

    def glob(frame, ev, arg):
        if frame.f_code is code:
            if event == 'call':
                local(frame, ev, arg)
            return local
        return None

    sys.settrace(glob)
    try:
        result = func(output)
        if hasattr(result, '__next__'):
            result = list(result)
        output.append(('result', result))
    except Exception as e:
        output.append(('raised', type(e).__name__, str(e)))
    finally:
        sys.settrace(None)
    print(output)


def forward(output):
    output.append(1)
    output.append(2)
    output.append(3)
    return 4


def backward(output):
    output.append(1)
    output.append(2)
    if len(output) < 6:
        output.append(3)
    return 5


def same_line(output):
    output.append(1)
    output.append(2)


def out_of_for(output):
    for i in range(3):
        output.append(i)
        output.append('body')
    output.append('after')


def out_of_nested_for(output):
    for i in range(2):
        for j in range(2):
            output.append((i, j))
            output.append('inner')
    output.append('after')


def to_for_header(output):
    for i in range(2):
        output.append(i)
        output.append('x')
    return 'done'


def into_for_body(output):
    output.append('start')
    for i in range(2):
        output.append(i)
    output.append('end')


def while_backward(output):
    n = 0
    while n < 3:
        n += 1
        output.append(n)
    output.append('end')


def into_except(output):
    output.append('start')
    try:
        output.append('try')
    except ValueError:
        output.append('except')
    output.append('end')


def out_of_except(output):
    try:
        raise ValueError('x')
    except ValueError:
        output.append('in except')
        output.append('more')
    output.append('after')


def out_of_try(output):
    try:
        output.append(1)
        output.append(2)
    except KeyError:
        pass
    output.append('after')


def out_of_finally(output):
    try:
        output.append('try')
    finally:
        output.append('finally')
        output.append('finally 2')
    output.append('after')


def into_finally(output):
    output.append('start')
    try:
        output.append('try')
    finally:
        output.append('finally')
    output.append('end')


def out_of_with(output):
    with Ctx(output):
        output.append('in with')
        output.append('in with 2')
    output.append('after')


def into_with(output):
    output.append('start')
    with Ctx(output):
        output.append('in with')
    output.append('end')


class Ctx:
    def __init__(self, output):
        self.output = output

    def __enter__(self):
        self.output.append('enter')

    def __exit__(self, *exc):
        self.output.append('exit')


def before_block(output):
    output.append(1)
    output.append(2)


def after_block(output):
    output.append(1)
    output.append(2)


def skip_return(output):
    output.append(1)
    return 'early'
    output.append('skipped return')


def to_blank_line(output):
    output.append(1)

    # a comment line
    output.append(2)
    output.append(3)


def in_generator(output):
    output.append(1)
    yield 'a'
    output.append(2)
    yield 'b'
    output.append(3)


def skip_raise(output):
    output.append(1)
    raise ValueError('skipped?')
    output.append(2)


def jump_over_assignment(output):
    x = 1
    x = 2
    output.append(x)


def jump_to_unbound(output):
    output.append('a')
    y = 'bound'
    output.append(y)


def back_into_for(output):
    for i in range(2):
        output.append(i)
    output.append('after')


def out_of_while(output):
    n = 0
    while n < 100:
        n += 1
        output.append(n)
    output.append('after')


def inside_loop_try(output):
    for i in range(3):
        try:
            output.append(i)
        finally:
            output.append('f')
    output.append('after')


def back_out_of_with(output):
    output.append('start')
    with Ctx(output):
        output.append('in with')
        output.append('in with 2')
    output.append('end')


def across_except(output):
    try:
        output.append('try')
        raise KeyError('k')
    except KeyError:
        output.append('handler')
        output.append('handler 2')
    output.append('end')


def except_back_to_try(output):
    n = 0
    try:
        n += 1
        output.append(n)
        raise ValueError(n)
    except ValueError:
        output.append('caught')
        output.append('caught 2')
    output.append('end')


def over_listcomp(output):
    output.append(1)
    xs = [i for i in range(3)]
    output.append(len(output))


def for_else_into_body(output):
    for i in range(2):
        output.append(i)
    else:
        output.append('else')
        output.append('else 2')


def into_while_body(output):
    n = 5
    output.append('before')
    while n < 7:
        n += 1
        output.append(n)
    output.append('end')


def generator_loop(output):
    for i in range(3):
        output.append(i)
        yield i
        output.append('after yield')
    output.append('end')


def out_of_finally_unwinding(output):
    try:
        try:
            raise KeyError('pending')
        finally:
            output.append('finally')
            output.append('finally 2')
        output.append('not reached')
    except KeyError:
        output.append('caught')
    output.append('end')


def into_nested_block(output):
    output.append(0)
    if output:
        output.append('in if')
    output.append('end')


jump_case('forward', forward, 1, 3)
jump_case('backward', backward, 3, 1)
jump_case('same_line', same_line, 2, 2)
jump_case('out_of_for', out_of_for, 3, 4)
jump_case('out_of_nested_for', out_of_nested_for, 4, 5)
jump_case('to_for_header', to_for_header, 3, 1)
jump_case('into_for_body', into_for_body, 1, 3)
jump_case('while_backward', while_backward, 4, 1)
jump_case('into_except', into_except, 3, 5)
jump_case('out_of_except', out_of_except, 4, 6)
jump_case('out_of_try', out_of_try, 3, 6)
jump_case('out_of_finally', out_of_finally, 4, 6)
jump_case('finally_dead_end', out_of_finally, 5, 7)
jump_case('into_finally', into_finally, 1, 5)
jump_case('out_of_with', out_of_with, 2, 4)
jump_case('into_with', into_with, 1, 3)
jump_case('before_block', before_block, 1, -5)
jump_case('after_block', after_block, 1, 40)
jump_case('from_call_event', forward, 0, 2, event='call')
jump_case('from_return_event', forward, 4, 1, event='return')
jump_case('from_exception_event', skip_raise, 2, 3, event='exception')
jump_case('skip_return', skip_return, 2, 3)
jump_case('to_blank_line', to_blank_line, 1, 2)
jump_case('to_comment_line', to_blank_line, 1, 3)
jump_case('in_generator', in_generator, 3, 5)
jump_case('skip_raise', skip_raise, 2, 3)
jump_case('jump_over_assignment', jump_over_assignment, 2, 3)
jump_case('jump_to_unbound', jump_to_unbound, 1, 3)
jump_case('into_nested_block', into_nested_block, 1, 3)
jump_case('back_into_for', back_into_for, 3, 2)
jump_case('out_of_while', out_of_while, 4, 5)
jump_case('out_of_loop_try', inside_loop_try, 3, 6)
jump_case('back_out_of_with', back_out_of_with, 4, 1)
jump_case('across_except', across_except, 2, 5)
jump_case('except_back_to_try', except_back_to_try, 7, 3)
jump_case('over_listcomp', over_listcomp, 1, 3)
jump_case('for_else_into_body', for_else_into_body, 4, 2)
jump_case('into_while_body', into_while_body, 2, 5)
jump_case('generator_after_resume', generator_loop, 4, 5)
jump_case('out_of_finally_unwinding', out_of_finally_unwinding, 5, 10)
jump_case('out_of_finally_unwinding_to_try', out_of_finally_unwinding, 6, 3)
jump_case('not_an_int', forward, 1, 0, value='3')
jump_case('negative_line', forward, 1, 0, value=-1)

case('outside_trace_function')
frame = sys._getframe()
try:
    frame.f_lineno = frame.f_lineno + 1
except Exception as e:
    print(type(e).__name__, e)
