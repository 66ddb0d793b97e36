// Trace events (settrace semantics) delivered to the host hook (the TypeScript debugger) and to a
// Python trace function. Only reached when ThreadState.tracing is true.
import { codePositions, type SourcePosition } from '../bytecode/linetable';
import { Op } from '../bytecode/opcodes';
import { None } from '../values';
import { ops, PyBaseException, PyTuple, typeOf } from '../runtime';
import type { Frame, ThreadState } from './frame';

const positionsCache = new WeakMap<object, SourcePosition[]>();
export function positionsOf(code: Frame['f_code']): SourcePosition[] {
  let p = positionsCache.get(code);
  if (!p) {
    p = codePositions(code);
    positionsCache.set(code, p);
  }
  return p;
}

type Event = 'call' | 'line' | 'opcode' | 'return' | 'exception';

function deliver(ts: ThreadState, frame: Frame, event: Event, arg: any): void {
  if (ts.inTrace) return;
  ts.inTrace = true;
  try {
    if (ts.hostHook) ts.hostHook(frame, event, arg);
    if (ts.traceFunc !== null) {
      if (event === 'call') {
        const r = ops.call(ts.traceFunc, [frame, event, None]);
        frame.f_trace = r === None ? null : r;
      } else if (frame.f_trace !== null) {
        if (event === 'line' && !frame.f_trace_lines) return;
        if (event === 'opcode' && !frame.f_trace_opcodes) return;
        const line = frame.f_lineno;
        frame.lineOverride = line;
        try {
          const r = ops.call(frame.f_trace, [frame, event, arg === undefined ? None : arg]);
          if (r !== None) frame.f_trace = r;
        } finally {
          frame.lineOverride = null;
        }
      }
    }
  } catch (e) {
    // A failing trace function switches tracing off, as in CPython.
    ts.traceFunc = null;
    ts.updateTracing();
    throw e;
  } finally {
    ts.inTrace = false;
  }
}

export function traceCall(ts: ThreadState, frame: Frame, resumeArg = 0): void {
  (frame as any)._traceStarted = true;
  // A new frame's first instruction always gets a 'line' event; a resumed generator continues on
  // the line of the yield it resumes from.
  frame.traceLine = resumeArg === 0 ? -1 : positionsOf(frame.f_code)[frame.lasti >> 1]?.lineno ?? -1;
  (frame as any)._lastInstr = -1;
  deliver(ts, frame, 'call', None);
}

export function traceLine(ts: ThreadState, frame: Frame, instr: number): void {
  const f = frame as any;
  if (!f._traceStarted) {
    // Resumed generator frames and frames entered before tracing began start here.
    if (frame.f_code.co_code[instr] === Op.RESUME || instr === 0) return;
    f._traceStarted = true;
    f._lastInstr = -1;
  }
  const pos = positionsOf(frame.f_code)[instr >> 1];
  const line = pos ? pos.lineno : null;
  const last = f._lastInstr as number;
  f._lastInstr = instr;
  if (line !== null && (line !== frame.traceLine || (last >= 0 && instr <= last && frame.f_code.co_code[instr] !== Op.SEND))) {
    frame.traceLine = line;
    deliver(ts, frame, 'line', None);
  }
  if (frame.f_trace_opcodes) deliver(ts, frame, 'opcode', None);
}

export function traceReturn(ts: ThreadState, frame: Frame, value: any): void {
  (frame as any)._traceStarted = false;
  deliver(ts, frame, 'return', value);
}

export function traceException(ts: ThreadState, frame: Frame, exc: PyBaseException): void {
  deliver(ts, frame, 'exception', new PyTuple([typeOf(exc), exc, exc.traceback ?? None]));
}
