// The stop decisions of the engine, on hand-made event sequences shaped like CPython's trace of
// `def f(): x = 1; return x` called from a module's line 5 (call, line..., return per frame).
import { describe, expect, it } from 'vitest';
import type { CodeObject } from '../../src/bytecode/code';
import { StopPolicy, type TraceEvent, type TraceFrame } from '../../src/debugger/stepping';

function frame(filename: string, back: TraceFrame | null, lineno: number): TraceFrame {
  return { f_back: back, f_code: { co_filename: filename } as CodeObject, f_lasti: 0, f_lineno: lineno };
}

type Ev = [TraceFrame, TraceEvent, number];

/** Feeds events (setting f_lineno) until the policy stops; returns the index of the stopping event. */
function runUntilStop(policy: StopPolicy, events: Ev[], from = 0, pauseAt = -1): { index: number; reason?: string } {
  for (let i = from; i < events.length; i++) {
    const [f, event, line] = events[i];
    f.f_lineno = line;
    const stop = policy.onEvent(f, event, i === pauseAt);
    if (stop) return { index: i, reason: stop.reason };
  }
  return { index: -1 };
}

const main = frame('/w/main.py', null, 0);
const f = frame('/w/main.py', main, 0);
// module: line 4, line 5 (calls f: call, lines 2 and 3 with opcodes, return), opcode after the call, line 6.
const trace: Ev[] = [
  [main, 'line', 4], [main, 'opcode', 4],
  [main, 'line', 5], [main, 'opcode', 5], [main, 'opcode', 5],
  [f, 'call', 1], [f, 'opcode', 1],
  [f, 'line', 2], [f, 'opcode', 2], [f, 'opcode', 2],
  [f, 'line', 3], [f, 'opcode', 3], [f, 'return', 3],
  [main, 'opcode', 5],
  [main, 'line', 6], [main, 'opcode', 6],
];
const at = (i: number): string => `${trace[i][0] === main ? 'main' : 'f'}:${trace[i][1]}:${trace[i][2]}`;

describe('StopPolicy', () => {
  it('stops on entry, then at breakpoints only', () => {
    const p = new StopPolicy();
    p.stopOnEntry();
    p.setBreakpoints('/w/main.py', [3]);
    let r = runUntilStop(p, trace);
    expect([at(r.index), r.reason]).toEqual(['main:line:4', 'entry']);
    p.resume({ kind: 'continue' }, main);
    r = runUntilStop(p, trace, r.index + 1);
    expect([at(r.index), r.reason]).toEqual(['f:line:3', 'breakpoint']);
    p.resume({ kind: 'continue' }, f);
    expect(runUntilStop(p, trace, r.index + 1).index).toBe(-1);
  });

  it('steps over a call by line, and back out of a returning frame onto the calling line', () => {
    const p = new StopPolicy();
    p.resume({ kind: 'stepOver', granularity: 'line' }, main);
    let r = runUntilStop(p, trace, 2);
    expect(at(r.index)).toBe('main:line:5');
    p.resume({ kind: 'stepOver', granularity: 'line' }, main);
    r = runUntilStop(p, trace, r.index + 1);
    expect([at(r.index), r.reason]).toEqual(['main:line:6', 'step']);
    // From f's last line, stepping over lands on the caller's next instruction, still on line 5.
    p.resume({ kind: 'stepOver', granularity: 'line' }, f);
    r = runUntilStop(p, trace, 11);
    expect(at(r.index)).toBe('main:opcode:5');
    expect(p.wantsOpcodeEvents()).toBe(false);
  });

  it('steps in by line into the callee, and out to the caller', () => {
    const p = new StopPolicy();
    p.resume({ kind: 'stepIn', granularity: 'line' }, main);
    let r = runUntilStop(p, trace, 3);
    expect(at(r.index)).toBe('f:line:2');
    p.resume({ kind: 'stepOut', granularity: 'line' }, f);
    expect(p.wantsOpcodeEvents()).toBe(false);
    r = runUntilStop(p, trace, r.index + 1);
    expect(at(r.index)).toBe('main:opcode:5');
  });

  it('steps one instruction, into or over calls', () => {
    const p = new StopPolicy();
    p.resume({ kind: 'stepIn', granularity: 'instruction' }, main);
    expect(p.wantsOpcodeEvents()).toBe(true);
    let r = runUntilStop(p, trace, 4);
    expect(at(r.index)).toBe('main:opcode:5');
    p.resume({ kind: 'stepIn', granularity: 'instruction' }, main);
    r = runUntilStop(p, trace, r.index + 1);
    expect(at(r.index)).toBe('f:opcode:1');
    p.resume({ kind: 'stepOver', granularity: 'instruction' }, main);
    r = runUntilStop(p, trace, 4);
    expect(at(r.index)).toBe('main:opcode:5');
    p.resume({ kind: 'stepOver', granularity: 'instruction' }, main);
    r = runUntilStop(p, trace, r.index + 1);
    expect(at(r.index)).toBe('main:opcode:5');
    expect(r.index).toBe(13);
  });

  it('pauses at the next line or instruction, and skips library frames under justMyCode', () => {
    const p = new StopPolicy();
    const lib = frame('<frozen importlib>', main, 1);
    expect(p.onEvent(lib, 'line', true)).toBeNull();
    expect(p.onEvent(main, 'line', true)).toEqual({ reason: 'pause' });
    p.justMyCode = false;
    expect(p.onEvent(lib, 'line', true)).toEqual({ reason: 'pause' });
  });

  it('asks for line events only when something could stop on one', () => {
    const p = new StopPolicy();
    expect(p.wantsLineEvents()).toBe(false);
    p.setBreakpoints('/w/main.py', [1]);
    expect(p.wantsLineEvents()).toBe(true);
    p.setBreakpoints('/w/main.py', []);
    expect(p.wantsLineEvents()).toBe(false);
  });
});
