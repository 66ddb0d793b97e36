// Frames and the thread state. A Frame is a real object the debugger can read between
// instructions: f_code, f_globals, f_builtins, f_back, f_lasti, f_lineno, the fast-locals array
// (localsplus: locals, cells, frees) and an explicit value stack with its stack pointer.
import { CodeObject, ConstFrozenset, ConstTuple, CO_FAST_LOCAL, CO_FAST_CELL, CO_FAST_FREE } from '../bytecode/code';
import { decodeExceptionTable, type ExceptionTableEntry } from '../bytecode/exception-table';
import { addr2line, codePositions } from '../bytecode/linetable';
import { PyObject, T, PyTuple, PySet, PyDict, PyCell, PyBaseException, type PyFunction, type PyGenerator } from '../runtime';

/** Per-code-object data the eval loop derives once: runtime constants and the decoded exception table. */
export interface CodeInfo {
  consts: any[];
  exc: ExceptionTableEntry[];
  nlocalsplus: number;
}

export function constToValue(c: any): any {
  if (c instanceof ConstTuple) return new PyTuple(c.items.map(constToValue));
  if (c instanceof ConstFrozenset) {
    const s = new PySet(T.frozenset);
    for (const x of c.items) s.add(constToValue(x));
    return s;
  }
  return c;
}

export function codeInfo(code: CodeObject): CodeInfo {
  let info = (code as any)._vm as CodeInfo | undefined;
  if (info === undefined) {
    info = {
      consts: code.co_consts.map(constToValue),
      exc: decodeExceptionTable(code.co_exceptiontable),
      nlocalsplus: code.co_localsplusnames.length,
    };
    (code as any)._vm = info;
  }
  return info;
}

/** The line of the instruction at byte offset `lasti` (positions decoded once per code object). */
function lineAt(code: CodeObject, lasti: number): number | null {
  let lines = (code as any)._lines as (number | null)[] | undefined;
  if (lines === undefined) {
    lines = codePositions(code).map((p) => p.lineno);
    (code as any)._lines = lines;
  }
  return lines[lasti >> 1] ?? null;
}

export const FRAME_CREATED = 0;
export const FRAME_SUSPENDED = 1;
export const FRAME_EXECUTING = 2;
export const FRAME_COMPLETED = 3;

export class Frame extends PyObject {
  // Declared fields, assigned in the constructor (see PyObject for why).
  declare f_back: Frame | null;
  /** Fast locals: co_localsplusnames order (locals, cells, frees). undefined = unbound. */
  declare localsplus: any[];
  /** The value stack; `sp` is the number of live entries. */
  declare stack: any[];
  declare sp: number;
  /** Byte offset of the current (or last executed) instruction; -1 before the first. */
  declare lasti: number;
  /** Byte offset where execution resumes. */
  declare pc: number;
  declare state: number;
  declare func: PyFunction | null;
  declare gen: PyGenerator | null;
  /** f_trace and its switches. */
  declare f_trace: any;
  declare f_trace_lines: boolean;
  declare f_trace_opcodes: boolean;
  /** Line of the last 'line' event (tracing). */
  declare traceLine: number;
  /** True when this frame was entered by a nested run of the eval loop (returns from that run). */
  declare isEntry: boolean;
  /** The line number reported while a trace function runs for this frame. */
  declare lineOverride: number | null;
  /** For an __init__ frame entered inline by a class call: the new instance the call returns. */
  declare initSelf: any;
  declare f_code: CodeObject;
  declare f_globals: PyDict;
  declare f_builtins: PyDict;
  /** The f_locals mapping for module and class bodies; null for optimized (function) frames. */
  declare locals: any;
  constructor(f_code: CodeObject, f_globals: PyDict, f_builtins: PyDict, locals: any) {
    super(T.frame);
    this.f_code = f_code;
    this.f_globals = f_globals;
    this.f_builtins = f_builtins;
    this.locals = locals;
    this.f_back = null;
    const n = f_code.co_localsplusnames.length;
    const lp = new Array(n);
    for (let i = 0; i < n; i++) lp[i] = undefined;
    this.localsplus = lp;
    this.stack = new Array(f_code.co_stacksize + 1);
    this.sp = 0;
    this.lasti = -1;
    this.pc = 0;
    this.state = FRAME_CREATED;
    this.func = null;
    this.gen = null;
    this.f_trace = null;
    this.f_trace_lines = true;
    this.f_trace_opcodes = false;
    this.traceLine = -1;
    this.isEntry = false;
    this.lineOverride = null;
    this.initSelf = undefined;
  }

  get f_lasti(): number {
    return this.lasti < 0 ? -1 : this.lasti;
  }

  get f_lineno(): number | null {
    if (this.lineOverride !== null) return this.lineOverride;
    if (this.lasti < 0) return this.f_code.co_firstlineno;
    return lineAt(this.f_code, this.lasti);
  }

  /** f_locals with 3.11 semantics: a dict snapshot of fast locals (and cells) for function frames. */
  get f_locals(): any {
    if (this.locals !== null) return this.locals;
    const d = new PyDict();
    const names = this.f_code.co_localsplusnames;
    const kinds = this.f_code.co_localspluskinds;
    for (let i = 0; i < names.length; i++) {
      let v = this.localsplus[i];
      if (kinds[i] & (CO_FAST_CELL | CO_FAST_FREE)) {
        if (v instanceof PyCell) v = v.contents;
        else if (kinds[i] & CO_FAST_FREE) v = undefined;
      }
      if (v !== undefined) d.setStr(names[i], v);
      void CO_FAST_LOCAL;
    }
    return d;
  }

  /** The live value stack (bottom first). */
  valueStack(): any[] {
    return this.stack.slice(0, this.sp);
  }
}

/** A host hook: called synchronously for trace events; the debugger may block inside it. */
export type HostHook = (frame: Frame, event: 'call' | 'line' | 'opcode' | 'return' | 'exception', arg: any) => void;

export class ThreadState {
  /** The innermost executing frame. */
  frame: Frame | null = null;
  /** The exception being handled (sys.exc_info()), or null. */
  excInfo: PyBaseException | null = null;
  depth = 0;
  recursionLimit = 1000;
  /** Nested eval-loop runs on the JS stack (calls from built-ins into Python). */
  nestedRuns = 0;
  /** sys.settrace function (Python callable) or null. */
  traceFunc: any = null;
  /** The TypeScript debugger's hook, or null. */
  hostHook: HostHook | null = null;
  /** True when either tracing mechanism is installed: the one field the loop checks per instruction. */
  tracing = false;
  /**
   * The eval breaker: while element 0 is non-zero the loop calls onEvalBreaker at backward jumps,
   * calls and RESUME. A host may replace the array with a view on shared memory (a debugger's
   * request slot, the Ctrl-C flag) so another thread can set it; the loop reads it with a plain load,
   * which costs nothing measurable, where an accessor on the thread state did.
   */
  breaker: Int32Array = new Int32Array(1);
  get evalBreaker(): boolean {
    return this.breaker[0] !== 0;
  }
  set evalBreaker(on: boolean) {
    this.breaker[0] = on ? 1 : 0;
  }
  onEvalBreaker: ((frame: Frame) => void) | null = null;
  /** Set by RERAISE so the unwinder does not add a traceback entry. */
  reraising = false;
  /** Tracing is suspended while a trace function runs. */
  inTrace = false;

  updateTracing(): void {
    this.tracing = this.traceFunc !== null || this.hostHook !== null;
  }
}

export function setHostHook(ts: ThreadState, hook: HostHook | null): void {
  ts.hostHook = hook;
  ts.updateTracing();
}

// ---- Python-visible attributes of code and frame objects ----
import { getset, method, PyTuple as Tup, ops as rops } from '../runtime';
import { None as NoneV, PyBytes as Bytes } from '../values';
import { coLines, coLnotab } from '../bytecode/linetable';
(CodeObject.prototype as any).cls = T.code;
for (const f of ['co_argcount', 'co_posonlyargcount', 'co_kwonlyargcount', 'co_stacksize', 'co_flags', 'co_filename',
  'co_name', 'co_qualname', 'co_firstlineno', 'co_nlocals'] as const) {
  getset(T.code, f, (c: CodeObject) => (c as any)[f]);
}
for (const f of ['co_names', 'co_varnames', 'co_cellvars', 'co_freevars'] as const) {
  getset(T.code, f, (c: CodeObject) => new Tup([...(c as any)[f]]));
}
getset(T.code, 'co_consts', (c: CodeObject) => new Tup(codeInfo(c).consts.slice()));
getset(T.code, 'co_code', (c: CodeObject) => new Bytes(c.co_code));
getset(T.code, 'co_linetable', (c: CodeObject) => new Bytes(c.co_linetable));
getset(T.code, 'co_exceptiontable', (c: CodeObject) => new Bytes(c.co_exceptiontable));
getset(T.code, 'co_lnotab', (c: CodeObject) => new Bytes(coLnotab(c)));
method(T.code, 'co_lines', (a) => rops.getIter(new Tup(coLines(a[0]).map(([s, e, l]) => new Tup([s, e, l ?? NoneV])))));
method(T.code, '__repr__', (a) => {
  const c: CodeObject = a[0];
  return `<code object ${c.co_name} at ${rops.hexId(c)}, file "${c.co_filename}", line ${c.co_firstlineno}>`;
});
getset(T.frame, 'f_back', (f: Frame) => f.f_back ?? NoneV);
getset(T.frame, 'f_code', (f: Frame) => f.f_code);
getset(T.frame, 'f_globals', (f: Frame) => f.f_globals);
getset(T.frame, 'f_builtins', (f: Frame) => f.f_builtins);
getset(T.frame, 'f_locals', (f: Frame) => f.f_locals);
getset(T.frame, 'f_lasti', (f: Frame) => f.f_lasti);
getset(T.frame, 'f_lineno', (f: Frame) => f.f_lineno ?? NoneV);
getset(T.frame, 'f_trace', (f: Frame) => f.f_trace ?? NoneV, (f: Frame, v) => {
  f.f_trace = v === NoneV ? null : v;
});
getset(T.frame, 'f_trace_lines', (f: Frame) => f.f_trace_lines, (f: Frame, v) => {
  f.f_trace_lines = rops.truthy(v);
});
getset(T.frame, 'f_trace_opcodes', (f: Frame) => f.f_trace_opcodes, (f: Frame, v) => {
  f.f_trace_opcodes = rops.truthy(v);
});
method(T.frame, '__repr__', (a) => {
  const f: Frame = a[0];
  return `<frame at ${rops.hexId(f)}, file '${f.f_code.co_filename}', line ${f.f_lineno}, code ${f.f_code.co_name}>`;
});
