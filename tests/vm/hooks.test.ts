// The hook points a TypeScript debugger uses: the host trace hook (synchronous, with live frames),
// the eval breaker, and the guarantee that internal JS failures surface as Python SystemError.
import { afterEach, describe, expect, test } from 'vitest';
import { parse } from '../../src/parser';
import { compileAst } from '../../src/compiler';
import { ts } from '../../src/vm/eval';
import { setHostHook, type Frame } from '../../src/vm/frame';
import { builtinsDict } from '../../src/modules/builtins';
import { PyBuiltin, ops } from '../../src/runtime';
import { runCode } from './harness';

function compile(src: string) {
  return compileAst(parse(src, 'hooks.py', 'exec'), 'hooks.py', 'exec', { source: src });
}

afterEach(() => {
  setHostHook(ts, null);
  ts.evalBreaker = false;
  ts.onEvalBreaker = null;
});

describe('host hook', () => {
  test('receives call/line/return events with live frames', () => {
    const events: string[] = [];
    let seenStack: any[] | null = null;
    let seenLocals: string[] = [];
    setHostHook(ts, (frame: Frame, event, arg) => {
      if (frame.f_code.co_name !== 'add') return;
      events.push(`${event}:${frame.f_lineno}`);
      if (event === 'line' && frame.f_lineno === 3) {
        seenStack = frame.valueStack();
        seenLocals = ops.toArray(frame.f_locals).sort();
      }
      if (event === 'return') events.push(`value=${ops.repr(arg)}`);
    });
    const r = runCode(compile('def add(a, b):\n    c = a + b\n    return c\nprint(add(2, 3))\n'));
    expect(r.stdout).toBe('5\n');
    expect(events).toEqual(['call:1', 'line:2', 'line:3', 'return:3', 'value=5']);
    expect(seenStack).toEqual([]);
    expect(seenLocals).toEqual(['a', 'b', 'c']);
  });

  test('exception events fire in each frame the exception passes through', () => {
    const events: string[] = [];
    setHostHook(ts, (frame, event) => {
      if (event === 'exception') events.push(frame.f_code.co_name);
    });
    runCode(compile('def bad():\n    1/0\ndef mid():\n    bad()\ntry:\n    mid()\nexcept ZeroDivisionError:\n    pass\n'));
    expect(events).toEqual(['bad', 'mid', '<module>']);
  });
});

describe('eval breaker', () => {
  test('is polled at backward jumps and calls, with the value stack readable', () => {
    let polls = 0;
    let sawForIter = false;
    ts.onEvalBreaker = (frame) => {
      polls++;
      // Inside a for loop the iterator is on the value stack.
      if (frame.valueStack().some((v) => v?.cls?.name === 'range_iterator')) sawForIter = true;
      if (polls >= 5) ts.evalBreaker = false;
    };
    ts.evalBreaker = true;
    const r = runCode(compile('t = 0\nfor i in range(100):\n    t += i\nprint(t)\n'));
    expect(r.stdout).toBe('4950\n');
    expect(polls).toBe(5);
    expect(sawForIter).toBe(true);
  });
});

describe('internal errors', () => {
  test('a JS error inside a built-in becomes a catchable SystemError', () => {
    builtinsDict.setStr('_buggy', new PyBuiltin('_buggy', () => {
      const o: any = undefined;
      return o.field;
    }));
    const r = runCode(compile('try:\n    _buggy()\nexcept SystemError as e:\n    print(type(e).__name__, "caught")\n_buggy()\n'));
    builtinsDict.delete('_buggy');
    expect(r.stdout).toBe('SystemError caught\n');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Traceback \(most recent call last\):\n  File "hooks.py", line 5, in <module>\n/);
    expect(r.stderr).toMatch(/\nSystemError: internal error in pyvm: TypeError: /);
    expect(r.stderr).not.toMatch(/    at /); // no JS stack trace
  });

  test('host stack exhaustion in nested built-in calls becomes RecursionError', () => {
    const src = 'import sys\nsys.setrecursionlimit(100000)\nclass R:\n    def __repr__(self):\n        return repr(self)\ntry:\n    repr(R())\nexcept RecursionError as e:\n    print("RecursionError")\n';
    const r = runCode(compile(src));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('RecursionError\n');
    expect(r.status).toBe(0);
  });
});
