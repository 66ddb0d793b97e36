// The eval loop: one switch over Op.* per instruction, inline CACHE skipping, Python→Python calls
// without JS recursion (a call pushes a Frame and the loop continues in it), and exceptions unwound
// through co_exceptiontable from a single try/catch around the dispatch loop.
import { Op } from '../bytecode/opcodes';
import { CodeObject, CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR, CO_ITERABLE_COROUTINE } from '../bytecode/code';
import { findHandler } from '../bytecode/exception-table';
import { addr2line } from '../bytecode/linetable';
import { None, Ellipsis, PyFloat, PyBytes } from '../values';
import {
  T, typeOf, PyType, PyObject, PyTuple, PyList, PyDict, PySet, PyCell, PyFunction, PyMethod, PyMethodDescr, PyBuiltin,
  PyBaseException, PyTraceback, PyGenerator, PySlice, PyIter, newExc, typeError, nameError, hooks,
  NotImplemented, ops, format, asciiRepr, egSplit, PyExceptionGroup, createClass, dictUpdate, PyModule, AsyncGenWrapped,
  newInstance, PyProperty,
} from '../runtime';
import { Frame, ThreadState, codeInfo, FRAME_COMPLETED, FRAME_EXECUTING, FRAME_SUSPENDED } from './frame';
import { bindArgs, flattenKw, kwargsToMap } from './call';
import { traceCall, traceLine, traceReturn, traceException, positionsOf } from './trace';

const {
  binaryOp, richCompare, truthy, getattr, setattr, delattr, getitem, setitem, delitem, getIter, next: iterNext,
  contains, call, callMethod, repr, str, unaryOp, toArray, isDataDescr,
} = ops;

export const ts = new ThreadState();
const objectNew = T.object.ns.get('__new__');
const objectGetattribute = T.object.ns.get('__getattribute__');

/** Converts anything thrown inside the loop into a Python exception. */
export function toPyException(e: unknown): PyBaseException {
  if (e instanceof PyBaseException) return e;
  // Host stack exhaustion (possibly surfacing as another error thrown while the stack was full):
  // no regular expressions or allocations-heavy checks here, the stack is nearly exhausted.
  if ((e instanceof RangeError || e instanceof SyntaxError) && typeof e.message === 'string' &&
      (e.message.indexOf('call stack') >= 0 || e.message.indexOf('Stack overflow') >= 0)) {
    return newExc(T.RecursionError, 'maximum recursion depth exceeded while calling a Python object');
  }
  if (e instanceof RangeError && typeof e.message === 'string' &&
      (e.message.indexOf('Invalid array length') >= 0 || e.message.indexOf('Invalid string length') >= 0 ||
       e.message.indexOf('Maximum BigInt size') >= 0 || e.message.indexOf('Array buffer allocation') >= 0)) {
    return newExc(T.MemoryError);
  }
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const x = newExc(T.SystemError, `internal error in pyvm: ${msg}`);
  (x as any).hostError = e;
  return x;
}

function recursionError(): PyBaseException {
  return newExc(T.RecursionError, 'maximum recursion depth exceeded');
}

/** Creates the frame for a call of a Python function and binds its arguments. */
export function makeFrame(func: PyFunction, src: any[], base: number, n: number, kwnames: string[] | null): Frame {
  const code = func.code;
  const f = new Frame(code, func.globals, func.builtins, null);
  f.func = func;
  bindArgs(func, f.localsplus, src, base, n, kwnames);
  return f;
}

/** Calls a Python function from native code: a nested run of the loop. */
export function callFunction(func: PyFunction, args: any[], kw: Map<string, any> | null): any {
  const [all, names] = flattenKw(args, kw);
  const f = makeFrame(func, all, 0, all.length, names);
  return runFrame(f);
}
hooks.callFunction = callFunction;

/** Runs `frame` (as a nested invocation of the loop) until it returns or yields. */
export function runFrame(frame: Frame, throwIn: PyBaseException | null = null, boundaryCost = 1): any {
  if (ts.nestedRuns > 200 + ts.recursionLimit) throw recursionError();
  frame.isEntry = true;
  // Entering Python from native code costs one extra recursion unit, as CPython's C-level
  // recursion check does (so Node.__init__ recursion fails at the same depth as in python3).
  ts.depth += boundaryCost;
  ts.nestedRuns++;
  try {
    return evalFrame(frame, throwIn);
  } finally {
    ts.nestedRuns--;
    ts.depth -= boundaryCost;
  }
}

function funcStr(f: any): string {
  if (f instanceof PyFunction) return `${f.qualname}()`;
  if (f instanceof PyBuiltin) return `${f.name}()`;
  if (f instanceof PyMethod) return funcStr(f.func);
  if (f instanceof PyType) return `${f.name}()`;
  return `${typeOf(f).name} object`;
}

function excMatches(exc: any, t: any): boolean {
  if (t instanceof PyTuple) {
    for (const x of t.items) if (excMatches(exc, x)) return true;
    return false;
  }
  return typeOf(exc).isSubtypeOf(t);
}

function checkExcType(t: any, star = false): void {
  const bad = (x: any) => !(x instanceof PyType) || !x.isException;
  if (t instanceof PyTuple ? t.items.some(bad) : bad(t)) {
    throw typeError('catching classes that do not inherit from BaseException is not allowed');
  }
  if (star) {
    const eg = (x: any) => x instanceof PyType && x.isSubtypeOf(T.BaseExceptionGroup);
    if (t instanceof PyTuple ? t.items.some(eg) : eg(t))
      throw typeError('catching ExceptionGroup with except* is not allowed. Use except instead.');
  }
}

/** Builds the exception instance for `raise X` (X a class or an instance). */
export function makeRaisable(x: any): PyBaseException {
  if (x instanceof PyType && x.isException) {
    const e = call(x, []);
    if (!(e instanceof PyBaseException)) {
      throw typeError(`calling ${repr(x)} should have returned an instance of BaseException, not ${typeOf(e).name}`);
    }
    return e;
  }
  if (x instanceof PyBaseException) return x;
  throw typeError('exceptions must derive from BaseException');
}

function unpackError(got: number, expected: number): PyBaseException {
  if (got < expected) return newExc(T.ValueError, `not enough values to unpack (expected ${expected}, got ${got})`);
  return newExc(T.ValueError, `too many values to unpack (expected ${expected})`);
}

function unpackIterable(v: any, n: number): any[] {
  if ((v instanceof PyTuple || v instanceof PyList) && !v.cls.heap) {
    if (v.items.length !== n) throw unpackError(v.items.length, n);
    return v.items;
  }
  const t = typeOf(v);
  if (typeof v !== 'string' && t.lookup('__iter__') === undefined && t.lookup('__getitem__') === undefined) {
    throw typeError(`cannot unpack non-iterable ${t.name} object`);
  }
  const it = getIter(v);
  const out: any[] = [];
  for (;;) {
    const x = iterNext(it);
    if (x === undefined) break;
    if (out.length === n) throw unpackError(n + 1, n);
    out.push(x);
  }
  if (out.length < n) throw unpackError(out.length, n);
  return out;
}

/** A method lookup that avoids the bound-method allocation (LOAD_METHOD). Returns [meth, self] or [null, attr]. */
function loadMethod(obj: any, name: string, out: any[]): void {
  const t = typeOf(obj);
  if ((!t.heap && t !== T.super) || t.getattributeSlot() === objectGetattribute) {
    const d = t.lookup(name);
    if ((d instanceof PyFunction || d instanceof PyMethodDescr) && !(obj instanceof PyType)) {
      const dict = typeof obj === 'object' ? obj.dict : null;
      if (!dict || dict.getStr(name) === undefined) {
        out[0] = d;
        out[1] = obj;
        return;
      }
    }
  }
  out[0] = null;
  out[1] = getattr(obj, name);
}
const methodOut: any[] = [null, null];

/** gen.send / next: resumes a generator frame. Returns {done, value}. */
export function resumeGenerator(gen: PyGenerator, mode: number, value: any): { done: boolean; value: any } {
  const frame = gen.frame as Frame;
  if (gen.running) throw newExc(T.ValueError, `${gen.cls === T.coroutine ? 'coroutine' : 'generator'} already executing`);
  if (gen.finished) {
    if (mode === 1) throw value;
    if (gen.cls === T.coroutine) throw newExc(T.RuntimeError, 'cannot reuse already awaited coroutine');
    return { done: true, value: None };
  }
  if (!gen.started && mode === 0 && value !== None) {
    throw typeError(`can't send non-None value to a just-started ${gen.cls === T.coroutine ? 'coroutine' : 'generator'}`);
  }
  gen.started = true;
  gen.running = true;
  frame.f_back = ts.frame;
  let r: any;
  try {
    if (mode === 0) {
      frame.stack[frame.sp++] = value;
      r = runFrame(frame, null, 0);
    } else {
      r = runFrame(frame, value, 0);
    }
  } catch (e) {
    gen.finished = true;
    if (e instanceof PyBaseException && e.cls.isSubtypeOf(T.StopIteration)) {
      const kind = gen.cls === T.coroutine ? 'coroutine' : gen.cls === T.async_generator ? 'async generator' : 'generator';
      const re = newExc(T.RuntimeError, `${kind} raised StopIteration`);
      re.cause = e;
      re.context = e;
      re.suppressContext = true;
      throw re;
    }
    throw e;
  } finally {
    gen.running = false;
    frame.f_back = null;
  }
  if (frame.state === FRAME_COMPLETED) {
    gen.finished = true;
    return { done: true, value: r };
  }
  return { done: false, value: r };
}
hooks.resumeGenerator = resumeGenerator;

/** The sub-iterator a suspended generator is delegating to (yield from / await), or null. */
export function genYieldFrom(gen: PyGenerator): any {
  const frame = gen.frame as Frame;
  if (frame.state !== FRAME_SUSPENDED) return null;
  const code = frame.f_code.co_code;
  const pc = frame.pc;
  if (code[pc] === Op.RESUME && code[pc + 1] >= 2) return frame.stack[frame.sp - 1];
  return null;
}

/** The value of a StopIteration (its `value` attribute). */
function stopValue(e: PyBaseException): any {
  return e.slots?.value ?? (e.args.items.length ? e.args.items[0] : None);
}

/** PyIter_Send: [isReturn, value]. */
function iterSend(receiver: any, v: any): [boolean, any] {
  if (receiver instanceof PyGenerator) {
    const r = resumeGenerator(receiver, 0, v);
    return [r.done, r.value];
  }
  try {
    if (v === None) {
      if (receiver instanceof PyIter) {
        const x = receiver.next();
        return x === undefined ? [true, None] : [false, x];
      }
      const f = typeOf(receiver).lookup('__next__');
      if (f === undefined) throw typeError(`'${typeOf(receiver).name}' object is not an iterator`);
      return [false, callMethod(f, receiver, [])];
    }
    return [false, callMethod(getattr(receiver, 'send'), receiver, [v])];
  } catch (e) {
    if (e instanceof PyBaseException && e.cls.isSubtypeOf(T.StopIteration)) return [true, stopValue(e)];
    throw e;
  }
}

function getAwaitable(x: any): any {
  if (x instanceof PyGenerator && (x.cls === T.coroutine || (x.frame.f_code.co_flags & CO_ITERABLE_COROUTINE))) {
    if (x.frame && genYieldFrom(x) !== null) throw newExc(T.RuntimeError, 'coroutine is being awaited already');
    return x;
  }
  const f = typeOf(x).lookup('__await__');
  if (f === undefined) throw typeError(`object ${typeOf(x).name} can't be used in 'await' expression`);
  const it = callMethod(f, x, []);
  if (it instanceof PyGenerator && it.cls === T.coroutine) throw typeError('__await__() returned a coroutine');
  if (typeOf(it).lookup('__next__') === undefined && !(it instanceof PyIter)) throw typeError(`__await__() returned non-iterator of type '${typeOf(it).name}'`);
  return it;
}

/** The class body runner used by __build_class__: runs `func`'s code with `ns` as f_locals. */
export function runClassBody(func: PyFunction, ns: any): any {
  const f = new Frame(func.code, func.globals, func.builtins, ns);
  f.func = func;
  if (func.closure) {
    const n = f.localsplus.length;
    const c = func.closure;
    for (let i = 0; i < c.length; i++) f.localsplus[n - c.length + i] = c[i];
  }
  return runFrame(f);
}

/** Runs a module-level code object with the given globals (also locals). */
export function runModuleCode(code: CodeObject, globals: PyDict, builtins: PyDict, locals: any = globals): any {
  const f = new Frame(code, globals, builtins, locals);
  return runFrame(f, null, 0);
}

function specialLookup(obj: any, name: string): any {
  const d = typeOf(obj).lookup(name);
  if (d === undefined) return undefined;
  return d;
}

/** LOAD_NAME / LOAD_CLASSDEREF read of a non-dict mapping namespace. */
function mappingGet(m: any, name: string): any {
  if (m instanceof PyDict) return m.getStr(name);
  try {
    return getitem(m, name);
  } catch (e) {
    if (e instanceof PyBaseException && e.cls.isSubtypeOf(T.KeyError)) return undefined;
    throw e;
  }
}

function addTraceback(exc: PyBaseException, frame: Frame, lasti: number): void {
  const pos = positionsOf(frame.f_code)[lasti >> 1];
  const line = pos ? pos.lineno : null;
  exc.traceback = new PyTraceback(exc.traceback, frame, lasti, line ?? -1);
}

function formatValue(v: any, conv: number, spec: string): string {
  if (conv === 1) v = str(v);
  else if (conv === 2) v = repr(v);
  else if (conv === 3) v = asciiRepr(v);
  if (typeof v === 'string' && spec === '') return v;
  return format(v, spec);
}

/** The eval loop proper. */
function evalFrame(entry: Frame, throwIn: PyBaseException | null): any {
  let frame = entry;
  frame.f_back = frame.f_back ?? ts.frame;
  if (++ts.depth > ts.recursionLimit) {
    ts.depth--;
    throw recursionError();
  }
  const savedFrame = ts.frame;
  ts.frame = frame;
  frame.state = FRAME_EXECUTING;
  let code = frame.f_code.co_code;
  let info = codeInfo(frame.f_code);
  let consts = info.consts;
  let names = frame.f_code.co_names;
  let localsplus = frame.localsplus;
  let stack = frame.stack;
  let sp = frame.sp;
  let pc = frame.pc;
  let instr = frame.lasti;
  let kwnames: string[] | null = null;
  let pending: PyBaseException | null = throwIn;

  try {
    for (;;) {
      try {
        if (pending !== null) {
          const p = pending;
          pending = null;
          throw p;
        }
        for (;;) {
          instr = pc;
          frame.lasti = pc;
          let op = code[pc];
          let arg = code[pc + 1];
          pc += 2;
          if (ts.tracing) {
            frame.sp = sp;
            frame.lasti = instr;
            traceLine(ts, frame, instr);
          }
          while (op === Op.EXTENDED_ARG) {
            op = code[pc];
            arg = (arg << 8) | code[pc + 1];
            pc += 2;
          }
          switch (op) {
            case Op.NOP:
            case Op.CACHE:
              break;
            case Op.RESUME:
              if (ts.tracing) {
                frame.sp = sp;
                frame.lasti = instr;
                traceCall(ts, frame, arg);
              }
              if (ts.breaker[0] !== 0 && ts.onEvalBreaker) {
                frame.sp = sp;
                frame.lasti = instr;
                ts.onEvalBreaker(frame);
              }
              break;
            case Op.LOAD_FAST: {
              const v = localsplus[arg];
              if (v === undefined) {
                throw newExc(T.UnboundLocalError, `cannot access local variable '${frame.f_code.co_localsplusnames[arg]}' where it is not associated with a value`);
              }
              stack[sp++] = v;
              break;
            }
            case Op.LOAD_CONST:
              stack[sp++] = consts[arg];
              break;
            case Op.STORE_FAST:
              localsplus[arg] = stack[--sp];
              break;
            case Op.DELETE_FAST:
              if (localsplus[arg] === undefined) {
                throw newExc(T.UnboundLocalError, `cannot access local variable '${frame.f_code.co_localsplusnames[arg]}' where it is not associated with a value`);
              }
              localsplus[arg] = undefined;
              break;
            case Op.POP_TOP:
              stack[--sp] = undefined;
              break;
            case Op.PUSH_NULL:
              stack[sp++] = null;
              break;
            case Op.COPY:
              stack[sp] = stack[sp - arg];
              sp++;
              break;
            case Op.SWAP: {
              const t = stack[sp - 1];
              stack[sp - 1] = stack[sp - arg];
              stack[sp - arg] = t;
              break;
            }
            case Op.UNARY_POSITIVE:
              stack[sp - 1] = unaryOp(stack[sp - 1], '__pos__', '+');
              break;
            case Op.UNARY_NEGATIVE: {
              const v = stack[sp - 1];
              stack[sp - 1] = typeof v === 'number' && v !== 0 ? -v : unaryOp(v, '__neg__', '-');
              break;
            }
            case Op.UNARY_NOT:
              stack[sp - 1] = !truthy(stack[sp - 1]);
              break;
            case Op.UNARY_INVERT:
              stack[sp - 1] = unaryOp(stack[sp - 1], '__invert__', '~');
              break;
            case Op.BINARY_OP: {
              const b = stack[--sp];
              const a = stack[sp - 1];
              let r: any;
              if (typeof a === 'number' && typeof b === 'number') {
                switch (arg) {
                  case 0: case 13: r = a + b; if (!Number.isSafeInteger(r)) r = binaryOp(a, b, arg); break;
                  case 10: case 23: r = a - b; if (!Number.isSafeInteger(r)) r = binaryOp(a, b, arg); break;
                  case 5: case 18: r = a * b; r = Number.isSafeInteger(r) ? r + 0 : binaryOp(a, b, arg); break;
                  case 6: case 19: if (b > 0 && a >= 0) r = a % b; else r = binaryOp(a, b, arg); break;
                  case 2: case 15: if (b > 0 && a >= 0) r = Math.floor(a / b); else r = binaryOp(a, b, arg); break;
                  case 11: case 24: r = b !== 0 ? new PyFloat(a / b) : binaryOp(a, b, arg); break;
                  default: r = binaryOp(a, b, arg);
                }
              } else if (a instanceof PyFloat && b instanceof PyFloat && a.cls === T.float && b.cls === T.float) {
                switch (arg) {
                  case 0: case 13: r = new PyFloat(a.value + b.value); break;
                  case 10: case 23: r = new PyFloat(a.value - b.value); break;
                  case 5: case 18: r = new PyFloat(a.value * b.value); break;
                  case 11: case 24: r = b.value !== 0 ? new PyFloat(a.value / b.value) : binaryOp(a, b, arg); break;
                  default: r = binaryOp(a, b, arg);
                }
              } else {
                r = binaryOp(a, b, arg);
              }
              stack[sp - 1] = r;
              pc += 2;
              break;
            }
            case Op.COMPARE_OP: {
              const b = stack[--sp];
              const a = stack[sp - 1];
              if (typeof a === 'number' && typeof b === 'number') {
                switch (arg) {
                  case 0: stack[sp - 1] = a < b; break;
                  case 1: stack[sp - 1] = a <= b; break;
                  case 2: stack[sp - 1] = a === b; break;
                  case 3: stack[sp - 1] = a !== b; break;
                  case 4: stack[sp - 1] = a > b; break;
                  default: stack[sp - 1] = a >= b;
                }
              } else {
                stack[sp - 1] = richCompare(a, b, arg);
              }
              pc += 4;
              break;
            }
            case Op.IS_OP: {
              const b = stack[--sp];
              const a = stack[sp - 1];
              let same = a === b;
              if (!same && a instanceof PyFloat && b instanceof PyFloat) same = false;
              stack[sp - 1] = arg ? !same : same;
              break;
            }
            case Op.CONTAINS_OP: {
              const b = stack[--sp];
              const a = stack[sp - 1];
              const r = contains(b, a);
              stack[sp - 1] = arg ? !r : r;
              break;
            }
            case Op.JUMP_FORWARD:
              pc += arg * 2;
              break;
            case Op.JUMP_BACKWARD:
              pc -= arg * 2;
              if (ts.breaker[0] !== 0 && ts.onEvalBreaker) {
                frame.sp = sp;
                frame.lasti = instr;
                ts.onEvalBreaker(frame);
              }
              break;
            case Op.JUMP_BACKWARD_NO_INTERRUPT:
              pc -= arg * 2;
              break;
            case Op.POP_JUMP_FORWARD_IF_FALSE: {
              const v = stack[--sp];
              if (v === false || (v !== true && !truthy(v))) pc += arg * 2;
              break;
            }
            case Op.POP_JUMP_FORWARD_IF_TRUE: {
              const v = stack[--sp];
              if (v === true || (v !== false && truthy(v))) pc += arg * 2;
              break;
            }
            case Op.POP_JUMP_BACKWARD_IF_FALSE: {
              const v = stack[--sp];
              if (v === false || (v !== true && !truthy(v))) pc -= arg * 2;
              break;
            }
            case Op.POP_JUMP_BACKWARD_IF_TRUE: {
              const v = stack[--sp];
              if (v === true || (v !== false && truthy(v))) pc -= arg * 2;
              break;
            }
            case Op.POP_JUMP_FORWARD_IF_NONE:
              if (stack[--sp] === None) pc += arg * 2;
              break;
            case Op.POP_JUMP_FORWARD_IF_NOT_NONE:
              if (stack[--sp] !== None) pc += arg * 2;
              break;
            case Op.POP_JUMP_BACKWARD_IF_NONE:
              if (stack[--sp] === None) pc -= arg * 2;
              break;
            case Op.POP_JUMP_BACKWARD_IF_NOT_NONE:
              if (stack[--sp] !== None) pc -= arg * 2;
              break;
            case Op.JUMP_IF_FALSE_OR_POP:
              if (!truthy(stack[sp - 1])) pc += arg * 2;
              else sp--;
              break;
            case Op.JUMP_IF_TRUE_OR_POP:
              if (truthy(stack[sp - 1])) pc += arg * 2;
              else sp--;
              break;
            case Op.GET_ITER:
              stack[sp - 1] = getIter(stack[sp - 1]);
              break;
            case Op.GET_YIELD_FROM_ITER: {
              const v = stack[sp - 1];
              if (v instanceof PyGenerator) {
                if (v.cls === T.coroutine && !(frame.f_code.co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE)))
                  throw typeError("cannot 'yield from' a coroutine object in a non-coroutine generator");
              } else stack[sp - 1] = getIter(v);
              break;
            }
            case Op.FOR_ITER: {
              const it = stack[sp - 1];
              const v = it instanceof PyIter ? it.next() : iterNext(it);
              if (v === undefined) {
                stack[--sp] = undefined;
                pc += arg * 2;
              } else stack[sp++] = v;
              break;
            }
            case Op.LOAD_GLOBAL: {
              const name = names[arg >> 1];
              if (arg & 1) stack[sp++] = null;
              let v = frame.f_globals.getStr(name);
              if (v === undefined) {
                v = frame.f_builtins.getStr(name);
                if (v === undefined) throw nameError(name);
              }
              stack[sp++] = v;
              pc += 10;
              break;
            }
            case Op.STORE_GLOBAL:
              frame.f_globals.setStr(names[arg], stack[--sp]);
              break;
            case Op.DELETE_GLOBAL:
              if (frame.f_globals.delete(names[arg]) === undefined) throw nameError(names[arg]);
              break;
            case Op.LOAD_NAME: {
              const name = names[arg];
              let v = frame.locals instanceof PyDict ? frame.locals.getStr(name) : mappingGet(frame.locals, name);
              if (v === undefined) {
                v = frame.f_globals.getStr(name);
                if (v === undefined) {
                  v = frame.f_builtins.getStr(name);
                  if (v === undefined) throw nameError(name);
                }
              }
              stack[sp++] = v;
              break;
            }
            case Op.STORE_NAME: {
              const v = stack[--sp];
              if (frame.locals instanceof PyDict) frame.locals.setStr(names[arg], v);
              else setitem(frame.locals, names[arg], v);
              break;
            }
            case Op.DELETE_NAME: {
              const name = names[arg];
              if (frame.locals instanceof PyDict) {
                if (frame.locals.delete(name) === undefined) throw nameError(name);
              } else delitem(frame.locals, name);
              break;
            }
            case Op.LOAD_ATTR: {
              const o = stack[sp - 1];
              pc += 8;
              if (o instanceof PyObject && o.cls.heap && !(o instanceof PyType)) {
                // A property whose getter is a Python function runs inline, like a call.
                const d = o.cls.lookup(names[arg]);
                if (d instanceof PyProperty && d.fget instanceof PyFunction && o.cls.getattributeSlot() === objectGetattribute) {
                  const nf = makeFrame(d.fget, stack, sp - 1, 1, null);
                  stack[--sp] = undefined;
                  frame.sp = sp;
                  frame.pc = pc;
                  frame.lasti = pc - 2;
                  nf.f_back = frame;
                  if (++ts.depth > ts.recursionLimit) {
                    ts.depth--;
                    throw recursionError();
                  }
                  frame = nf;
                  ts.frame = frame;
                  code = frame.f_code.co_code;
                  info = codeInfo(frame.f_code);
                  consts = info.consts;
                  names = frame.f_code.co_names;
                  localsplus = frame.localsplus;
                  stack = frame.stack;
                  sp = frame.sp;
                  pc = frame.pc;
                  instr = frame.lasti;
                  nf.state = FRAME_EXECUTING;
                  break;
                }
              }
              stack[sp - 1] = getattr(o, names[arg]);
              break;
            }
            case Op.LOAD_METHOD:
              loadMethod(stack[sp - 1], names[arg], methodOut);
              stack[sp - 1] = methodOut[0];
              stack[sp++] = methodOut[1];
              methodOut[0] = methodOut[1] = null;
              pc += 20;
              break;
            case Op.STORE_ATTR: {
              const o = stack[--sp];
              const v = stack[--sp];
              setattr(o, names[arg], v);
              pc += 8;
              break;
            }
            case Op.DELETE_ATTR:
              delattr(stack[--sp], names[arg]);
              break;
            case Op.BINARY_SUBSCR: {
              const k = stack[--sp];
              const o = stack[sp - 1];
              if (o instanceof PyList && typeof k === 'number' && o.cls === T.list) {
                const i = k < 0 ? k + o.items.length : k;
                if (i >= 0 && i < o.items.length) stack[sp - 1] = o.items[i];
                else stack[sp - 1] = getitem(o, k);
              } else stack[sp - 1] = getitem(o, k);
              pc += 8;
              break;
            }
            case Op.STORE_SUBSCR: {
              const k = stack[--sp];
              const o = stack[--sp];
              const v = stack[--sp];
              setitem(o, k, v);
              pc += 2;
              break;
            }
            case Op.DELETE_SUBSCR: {
              const k = stack[--sp];
              const o = stack[--sp];
              delitem(o, k);
              break;
            }
            case Op.BUILD_SLICE: {
              const step = arg === 3 ? stack[--sp] : None;
              const stop = stack[--sp];
              const start = stack[sp - 1];
              stack[sp - 1] = new PySlice(start, stop, step);
              break;
            }
            case Op.BUILD_TUPLE: {
              const items = stack.slice(sp - arg, sp);
              sp -= arg;
              stack[sp++] = new PyTuple(items);
              break;
            }
            case Op.BUILD_LIST: {
              const items = stack.slice(sp - arg, sp);
              sp -= arg;
              stack[sp++] = new PyList(items);
              break;
            }
            case Op.BUILD_SET: {
              const s = new PySet();
              for (let i = sp - arg; i < sp; i++) s.add(stack[i]);
              sp -= arg;
              stack[sp++] = s;
              break;
            }
            case Op.BUILD_MAP: {
              const d = new PyDict();
              for (let i = sp - 2 * arg; i < sp; i += 2) d.set(stack[i], stack[i + 1]);
              sp -= 2 * arg;
              stack[sp++] = d;
              break;
            }
            case Op.BUILD_CONST_KEY_MAP: {
              const keys = (stack[--sp] as PyTuple).items;
              const d = new PyDict();
              for (let i = 0; i < arg; i++) d.set(keys[i], stack[sp - arg + i]);
              sp -= arg;
              stack[sp++] = d;
              break;
            }
            case Op.BUILD_STRING: {
              let s = '';
              for (let i = sp - arg; i < sp; i++) s += stack[i];
              sp -= arg;
              stack[sp++] = s;
              break;
            }
            case Op.LIST_APPEND: {
              const v = stack[--sp];
              (stack[sp - arg] as PyList).items.push(v);
              break;
            }
            case Op.SET_ADD: {
              const v = stack[--sp];
              (stack[sp - arg] as PySet).add(v);
              break;
            }
            case Op.MAP_ADD: {
              const v = stack[--sp];
              const k = stack[--sp];
              (stack[sp - arg] as PyDict).set(k, v);
              break;
            }
            case Op.LIST_EXTEND: {
              const v = stack[--sp];
              const lst = stack[sp - arg] as PyList;
              const t = typeOf(v);
              if (!(v instanceof PyList || v instanceof PyTuple) && typeof v !== 'string' && t.lookup('__iter__') === undefined && t.lookup('__getitem__') === undefined) {
                throw typeError(`Value after * must be an iterable, not ${t.name}`);
              }
              for (const x of toArray(v)) lst.items.push(x);
              break;
            }
            case Op.SET_UPDATE: {
              const v = stack[--sp];
              const s = stack[sp - arg] as PySet;
              for (const x of toArray(v)) s.add(x);
              break;
            }
            case Op.DICT_UPDATE: {
              const v = stack[--sp];
              const d = stack[sp - arg] as PyDict;
              if (!(v instanceof PyDict) && typeOf(v).lookup('keys') === undefined) {
                throw typeError(`'${typeOf(v).name}' object is not a mapping`);
              }
              dictUpdate(d, v, null);
              break;
            }
            case Op.DICT_MERGE: {
              const v = stack[--sp];
              const d = stack[sp - arg] as PyDict;
              const fn = stack[sp - arg - 2];
              if (!(v instanceof PyDict) && typeOf(v).lookup('keys') === undefined) {
                throw typeError(`${funcStr(fn)} argument after ** must be a mapping, not ${typeOf(v).name}`);
              }
              const src = v instanceof PyDict ? v : (() => {
                const t = new PyDict();
                dictUpdate(t, v, null);
                return t;
              })();
              for (const i of src.indices()) {
                const k = src.keys[i];
                if (d.has(k)) throw typeError(`${funcStr(fn)} got multiple values for keyword argument '${str(k)}'`);
                d.set(k, src.vals[i]);
              }
              break;
            }
            case Op.LIST_TO_TUPLE:
              stack[sp - 1] = new PyTuple((stack[sp - 1] as PyList).items);
              break;
            case Op.UNPACK_SEQUENCE: {
              const v = stack[--sp];
              const items = unpackIterable(v, arg);
              for (let i = arg - 1; i >= 0; i--) stack[sp++] = items[i];
              pc += 2;
              break;
            }
            case Op.UNPACK_EX: {
              const before = arg & 0xff;
              const after = arg >> 8;
              const v = stack[--sp];
              const t = typeOf(v);
              if (typeof v !== 'string' && t.lookup('__iter__') === undefined && t.lookup('__getitem__') === undefined) {
                throw typeError(`cannot unpack non-iterable ${t.name} object`);
              }
              const items = toArray(v);
              if (items.length < before + after) {
                throw newExc(T.ValueError, `not enough values to unpack (expected at least ${before + after}, got ${items.length})`);
              }
              const rest = items.slice(before, items.length - after);
              for (let i = items.length - 1; i >= items.length - after; i--) stack[sp++] = items[i];
              stack[sp++] = new PyList(rest);
              for (let i = before - 1; i >= 0; i--) stack[sp++] = items[i];
              break;
            }
            case Op.FORMAT_VALUE: {
              const spec = arg & 4 ? (stack[--sp] as string) : '';
              const v = stack[sp - 1];
              stack[sp - 1] = formatValue(v, arg & 3, spec);
              break;
            }
            case Op.MAKE_CELL: {
              localsplus[arg] = new PyCell(localsplus[arg]);
              break;
            }
            case Op.COPY_FREE_VARS: {
              const closure = frame.func!.closure!;
              const n = localsplus.length;
              for (let i = 0; i < arg; i++) localsplus[n - arg + i] = closure[i];
              break;
            }
            case Op.LOAD_CLOSURE:
              stack[sp++] = localsplus[arg];
              break;
            case Op.LOAD_DEREF: {
              const v = (localsplus[arg] as PyCell).contents;
              if (v === undefined) throw derefError(frame, arg);
              stack[sp++] = v;
              break;
            }
            case Op.LOAD_CLASSDEREF: {
              const name = frame.f_code.co_localsplusnames[arg];
              let v = mappingGet(frame.locals, name);
              if (v === undefined) {
                v = (localsplus[arg] as PyCell).contents;
                if (v === undefined) throw derefError(frame, arg);
              }
              stack[sp++] = v;
              break;
            }
            case Op.STORE_DEREF:
              (localsplus[arg] as PyCell).contents = stack[--sp];
              break;
            case Op.DELETE_DEREF: {
              const c = localsplus[arg] as PyCell;
              if (c.contents === undefined) throw derefError(frame, arg);
              c.contents = undefined;
              break;
            }
            case Op.MAKE_FUNCTION: {
              const codeObj = stack[--sp] as CodeObject;
              const fn = new PyFunction(codeObj, frame.f_globals, frame.f_builtins);
              if (arg & 8) fn.closure = (stack[--sp] as PyTuple).items as PyCell[];
              if (arg & 4) {
                const ann = stack[--sp];
                if (ann instanceof PyTuple) {
                  const d = new PyDict();
                  for (let i = 0; i + 1 < ann.items.length; i += 2) d.set(ann.items[i], ann.items[i + 1]);
                  fn.annotations = d;
                } else fn.annotations = ann;
              }
              if (arg & 2) fn.kwdefaults = stack[--sp];
              if (arg & 1) fn.defaults = (stack[--sp] as PyTuple).items;
              stack[sp++] = fn;
              break;
            }
            case Op.KW_NAMES:
              kwnames = (consts[arg] as PyTuple).items as string[];
              break;
            case Op.PRECALL: {
              if (stack[sp - arg - 2] === null) {
                const c = stack[sp - arg - 1];
                if (c instanceof PyMethod) {
                  stack[sp - arg - 2] = c.func;
                  stack[sp - arg - 1] = c.self;
                }
              }
              pc += 2;
              break;
            }
            case Op.CALL: {
              const isMeth = stack[sp - arg - 2] !== null;
              const nargs = isMeth ? arg + 1 : arg;
              const callable = isMeth ? stack[sp - arg - 2] : stack[sp - arg - 1];
              const base = sp - nargs;
              const kn = kwnames;
              kwnames = null;
              pc += 8;
              let initSelf: any;
              let target: any = callable;
              let tbase = base;
              let tn = nargs;
              if (!isMeth && callable instanceof PyType && callable.heap && callable.cls === T.type) {
                // C(...) for a plain class: allocate, then run __init__ inline like a Python call.
                const init = callable.lookup('__init__');
                if (init instanceof PyFunction && callable.lookup('__new__') === objectNew && callable.lookup('__abstractmethods__') === undefined) {
                  initSelf = newInstance(callable);
                  stack[sp - arg - 1] = initSelf;
                  target = init;
                  tbase = sp - arg - 1;
                  tn = arg + 1;
                }
              }
              if (target instanceof PyFunction) {
                const nf = makeFrame(target, stack, tbase, tn, kn);
                nf.initSelf = initSelf;
                // The class call is a native->Python boundary in CPython: one extra recursion unit.
                if (initSelf !== undefined) ts.depth++;
                for (let i = sp - arg - 2; i < sp; i++) stack[i] = undefined;
                sp -= arg + 2;
                frame.sp = sp;
                frame.pc = pc;
                frame.lasti = pc - 2;
                nf.f_back = frame;
                if (++ts.depth > ts.recursionLimit) {
                  ts.depth--;
                  if (initSelf !== undefined) ts.depth--;
                  throw recursionError();
                }
                if (ts.breaker[0] !== 0 && ts.onEvalBreaker) ts.onEvalBreaker(frame);
                frame = nf;
                ts.frame = frame;
                code = frame.f_code.co_code;
                info = codeInfo(frame.f_code);
                consts = info.consts;
                names = frame.f_code.co_names;
                localsplus = frame.localsplus;
                stack = frame.stack;
                sp = frame.sp;
                pc = frame.pc;
                instr = frame.lasti;
                nf.state = FRAME_EXECUTING;
                break;
              }
              frame.sp = sp;
              frame.lasti = instr;
              let r: any;
              if (callable instanceof PyMethodDescr && kn === null) {
                r = callable.fn(stack.slice(base, sp), null);
              } else if (callable instanceof PyBuiltin && kn === null) {
                r = callable.self !== undefined ? callable.fn([callable.self, ...stack.slice(base, sp)], null) : callable.fn(stack.slice(base, sp), null);
              } else {
                let args: any[];
                let kw: Map<string, any> | null = null;
                if (kn !== null) {
                  const npos = nargs - kn.length;
                  args = stack.slice(base, base + npos);
                  kw = new Map();
                  for (let i = 0; i < kn.length; i++) kw.set(kn[i], stack[base + npos + i]);
                } else args = stack.slice(base, sp);
                r = call(callable, args, kw);
              }
              for (let i = sp - arg - 2; i < sp; i++) stack[i] = undefined;
              sp -= arg + 2;
              stack[sp++] = r;
              break;
            }
            case Op.CALL_FUNCTION_EX: {
              const kwargs = arg & 1 ? stack[--sp] : null;
              let callargs = stack[--sp];
              const fn = stack[--sp];
              sp--; // the NULL below the callable
              if (!(callargs instanceof PyTuple)) {
                const t = typeOf(callargs);
                if (!(callargs instanceof PyList) && t.lookup('__iter__') === undefined && t.lookup('__getitem__') === undefined)
                  throw typeError(`${funcStr(fn)} argument after * must be an iterable, not ${t.name}`);
                callargs = new PyTuple(toArray(callargs));
              }
              let kw: Map<string, any> | null = null;
              if (kwargs !== null) {
                kw = new Map();
                kwargsToMap(funcStr(fn), kwargs, kw);
              }
              frame.sp = sp;
              frame.lasti = instr;
              if (fn instanceof PyFunction) {
                const [all, kn] = flattenKw(callargs.items, kw);
                const nf = makeFrame(fn, all, 0, all.length, kn);
                frame.pc = pc;
                nf.f_back = frame;
                if (++ts.depth > ts.recursionLimit) {
                  ts.depth--;
                  throw recursionError();
                }
                frame = nf;
                ts.frame = frame;
                code = frame.f_code.co_code;
                info = codeInfo(frame.f_code);
                consts = info.consts;
                names = frame.f_code.co_names;
                localsplus = frame.localsplus;
                stack = frame.stack;
                sp = frame.sp;
                pc = frame.pc;
                instr = frame.lasti;
                nf.state = FRAME_EXECUTING;
                break;
              }
              stack[sp++] = call(fn, callargs.items.slice(), kw);
              break;
            }
            case Op.RETURN_VALUE: {
              const r = stack[--sp];
              stack[sp] = undefined;
              frame.sp = sp;
              frame.lasti = instr;
              if (ts.tracing) traceReturn(ts, frame, r);
              frame.state = FRAME_COMPLETED;
              ts.depth--;
              if (frame.isEntry) {
                ts.frame = savedFrame;
                return r;
              }
              const back = frame.f_back!;
              const initSelf = frame.initSelf;
              if (initSelf !== undefined) ts.depth--;
              frame.f_back = null;
              frame = back;
              ts.frame = frame;
              code = frame.f_code.co_code;
              info = codeInfo(frame.f_code);
              consts = info.consts;
              names = frame.f_code.co_names;
              localsplus = frame.localsplus;
              stack = frame.stack;
              sp = frame.sp;
              pc = frame.pc;
              instr = frame.lasti;
              if (initSelf !== undefined) {
                if (r !== None) throw typeError(`__init__() should return None, not '${typeOf(r).name}'`);
                stack[sp++] = initSelf;
              } else stack[sp++] = r;
              break;
            }
            case Op.RETURN_GENERATOR: {
              const f = frame;
              const flags = f.f_code.co_flags;
              const cls = flags & CO_COROUTINE ? T.coroutine : flags & CO_ASYNC_GENERATOR ? T.async_generator : T.generator;
              const gen = new PyGenerator(cls, f, f.func ? f.func.name : f.f_code.co_name, f.func ? f.func.qualname : f.f_code.co_qualname);
              f.gen = gen;
              f.sp = sp;
              f.pc = pc;
              f.lasti = instr;
              f.state = FRAME_SUSPENDED;
              ts.depth--;
              if (f.isEntry) {
                f.isEntry = false;
                ts.frame = savedFrame;
                f.f_back = null;
                return gen;
              }
              const back = f.f_back!;
              f.f_back = null;
              frame = back;
              ts.frame = frame;
              code = frame.f_code.co_code;
              info = codeInfo(frame.f_code);
              consts = info.consts;
              names = frame.f_code.co_names;
              localsplus = frame.localsplus;
              stack = frame.stack;
              sp = frame.sp;
              pc = frame.pc;
              instr = frame.lasti;
              stack[sp++] = gen;
              break;
            }
            case Op.YIELD_VALUE: {
              const v = stack[--sp];
              frame.sp = sp;
              frame.pc = pc;
              frame.lasti = instr;
              if (ts.tracing) traceReturn(ts, frame, v);
              frame.state = FRAME_SUSPENDED;
              ts.depth--;
              // Generator frames always run as the entry frame of a nested run.
              ts.frame = savedFrame;
              return frame.f_code.co_flags & CO_ASYNC_GENERATOR ? v : v;
            }
            case Op.SEND: {
              const v = stack[--sp];
              const receiver = stack[sp - 1];
              frame.sp = sp;
              frame.lasti = instr;
              const [done, r] = iterSend(receiver, v);
              if (done) {
                stack[sp - 1] = r;
                pc += arg * 2;
              } else stack[sp++] = r;
              break;
            }
            case Op.GET_AWAITABLE:
              stack[sp - 1] = getAwaitable(stack[sp - 1]);
              break;
            case Op.ASYNC_GEN_WRAP:
              stack[sp - 1] = new AsyncGenWrapped(stack[sp - 1]);
              break;
            case Op.GET_AITER: {
              const o = stack[sp - 1];
              const f = specialLookup(o, '__aiter__');
              if (f === undefined) throw typeError(`'async for' requires an object with __aiter__ method, got ${typeOf(o).name}`);
              stack[sp - 1] = callMethod(f, o, []);
              break;
            }
            case Op.GET_ANEXT: {
              const o = stack[sp - 1];
              const f = specialLookup(o, '__anext__');
              if (f === undefined) throw typeError(`'async for' requires an iterator with __anext__ method, got ${typeOf(o).name}`);
              stack[sp++] = getAwaitable(callMethod(f, o, []));
              break;
            }
            case Op.END_ASYNC_FOR: {
              const exc = stack[--sp];
              if (exc instanceof PyBaseException && exc.cls.isSubtypeOf(T.StopAsyncIteration)) {
                stack[--sp] = undefined; // the async iterator
              } else {
                ts.reraising = true;
                throw exc;
              }
              break;
            }
            case Op.BEFORE_ASYNC_WITH: {
              const mgr = stack[sp - 1];
              const enterF = specialLookup(mgr, '__aenter__');
              const exitF = specialLookup(mgr, '__aexit__');
              if (enterF === undefined || exitF === undefined) {
                throw typeError(`'${typeOf(mgr).name}' object does not support the asynchronous context manager protocol`);
              }
              stack[sp - 1] = ops.descrGet(exitF, mgr, typeOf(mgr));
              stack[sp++] = getAwaitable(callMethod(enterF, mgr, []));
              break;
            }
            case Op.BEFORE_WITH: {
              const mgr = stack[sp - 1];
              const enterF = specialLookup(mgr, '__enter__');
              if (enterF === undefined) throw typeError(`'${typeOf(mgr).name}' object does not support the context manager protocol`);
              const exitF = specialLookup(mgr, '__exit__');
              if (exitF === undefined) throw typeError(`'${typeOf(mgr).name}' object does not support the context manager protocol (missed __exit__ method)`);
              stack[sp - 1] = ops.descrGet(exitF, mgr, typeOf(mgr));
              frame.sp = sp;
              frame.lasti = instr;
              stack[sp++] = callMethod(enterF, mgr, []);
              break;
            }
            case Op.WITH_EXCEPT_START: {
              const val = stack[sp - 1] as PyBaseException;
              const exitFn = stack[sp - 4];
              stack[sp++] = call(exitFn, [typeOf(val), val, val.traceback ?? None]);
              break;
            }
            case Op.PUSH_EXC_INFO: {
              const v = stack[sp - 1];
              stack[sp - 1] = ts.excInfo ?? None;
              ts.excInfo = v;
              stack[sp++] = v;
              break;
            }
            case Op.POP_EXCEPT: {
              const v = stack[--sp];
              stack[sp] = undefined;
              ts.excInfo = v === None ? null : v;
              break;
            }
            case Op.CHECK_EXC_MATCH: {
              const t = stack[sp - 1];
              checkExcType(t);
              stack[sp - 1] = excMatches(stack[sp - 2], t);
              break;
            }
            case Op.CHECK_EG_MATCH: {
              const t = stack[--sp];
              const exc = stack[--sp] as PyBaseException;
              checkExcType(t, true);
              let match: any;
              let rest: any;
              if (excMatches(exc, t) && !(exc instanceof PyExceptionGroup && !excMatches(exc, t))) {
                if (exc instanceof PyExceptionGroup) {
                  match = exc;
                  rest = null;
                } else {
                  match = call(T.ExceptionGroup, ['', new PyTuple([exc])]);
                  (match as PyBaseException).traceback = exc.traceback;
                  rest = null;
                }
              } else if (exc instanceof PyExceptionGroup) {
                [match, rest] = egSplit(exc, (x) => excMatches(x, t));
              } else {
                match = null;
                rest = exc;
              }
              if (match === null) {
                stack[sp++] = exc;
                stack[sp++] = None;
              } else {
                ts.excInfo = match;
                stack[sp++] = rest ?? None;
                stack[sp++] = match;
              }
              break;
            }
            case Op.PREP_RERAISE_STAR: {
              const excs = (stack[--sp] as PyList).items;
              const orig = stack[sp - 1];
              stack[sp - 1] = prepReraiseStar(orig, excs);
              break;
            }
            case Op.RERAISE: {
              const v = stack[--sp];
              // The handler lookup uses RERAISE's own offset (CPython's next_instr); only
              // f_lasti goes back to the instruction that originally raised.
              if (arg) {
                const l = stack[sp - arg];
                if (typeof l === 'number') frame.lasti = l * 2;
              }
              ts.reraising = true;
              throw v;
            }
            case Op.RAISE_VARARGS: {
              let exc: PyBaseException;
              if (arg === 0) {
                if (ts.excInfo === null) throw newExc(T.RuntimeError, 'No active exception to reraise');
                ts.reraising = true;
                frame.lasti = instr;
                throw ts.excInfo;
              }
              if (arg === 2) {
                const causeV = stack[--sp];
                exc = makeRaisable(stack[--sp]);
                let cause: any;
                if (causeV === None) cause = null;
                else if (causeV instanceof PyType && causeV.isException) cause = call(causeV, []);
                else if (causeV instanceof PyBaseException) cause = causeV;
                else throw typeError('exception causes must derive from BaseException');
                exc.cause = cause;
                exc.suppressContext = true;
              } else exc = makeRaisable(stack[--sp]);
              throw exc;
            }
            case Op.LOAD_ASSERTION_ERROR:
              stack[sp++] = T.AssertionError;
              break;
            case Op.LOAD_BUILD_CLASS: {
              const bc = frame.f_builtins.getStr('__build_class__');
              if (bc === undefined) throw newExc(T.NameError, '__build_class__ not found');
              stack[sp++] = bc;
              break;
            }
            case Op.SETUP_ANNOTATIONS: {
              const l = frame.locals;
              if (l instanceof PyDict) {
                if (l.getStr('__annotations__') === undefined) l.setStr('__annotations__', new PyDict());
              } else if (mappingGet(l, '__annotations__') === undefined) setitem(l, '__annotations__', new PyDict());
              break;
            }
            case Op.IMPORT_NAME: {
              const fromlist = stack[--sp];
              const level = stack[sp - 1];
              frame.sp = sp;
              frame.lasti = instr;
              const imp = frame.f_builtins.getStr('__import__');
              if (imp === undefined) throw newExc(T.ImportError, '__import__ not found');
              stack[sp - 1] = call(imp, [names[arg], frame.f_globals, frame.locals ?? None, fromlist, level]);
              break;
            }
            case Op.IMPORT_FROM: {
              const mod = stack[sp - 1];
              const name = names[arg];
              let v = ops.getattrOpt(mod, name);
              if (v === undefined) {
                const modName = mod instanceof PyModule ? mod.name : '?';
                const e = newExc(T.ImportError, `cannot import name '${name}' from '${modName}' (unknown location)`);
                e.slots = { name: modName };
                throw e;
              }
              stack[sp++] = v;
              break;
            }
            case Op.IMPORT_STAR: {
              const mod = stack[--sp];
              const l = frame.locals as PyDict;
              const all = ops.getattrOpt(mod, '__all__');
              const src: PyDict = mod instanceof PyModule ? mod.dictRef : mod.dict;
              const keys = all !== undefined ? toArray(all) : src.keyList().filter((k: any) => typeof k === 'string' && !k.startsWith('_'));
              for (const k of keys) l.setStr(k, getattr(mod, k));
              break;
            }
            case Op.PRINT_EXPR: {
              const v = stack[--sp];
              const hook = frame.f_builtins.getStr('__displayhook__');
              if (hook !== undefined) call(hook, [v]);
              break;
            }
            case Op.GET_LEN:
              stack[sp] = ops.len(stack[sp - 1]);
              sp++;
              break;
            case Op.MATCH_MAPPING: {
              const v = stack[sp - 1];
              stack[sp++] = v instanceof PyDict || (typeOf(v).heap && typeOf(v).lookup('keys') !== undefined && typeOf(v).lookup('__getitem__') !== undefined && !(v instanceof PyList));
              break;
            }
            case Op.MATCH_SEQUENCE: {
              const v = stack[sp - 1];
              const t = typeOf(v);
              stack[sp++] = (v instanceof PyList || v instanceof PyTuple || t === T.range || t.isSubtypeOf(T.range)) && !t.isSubtypeOf(T.bytearray);
              break;
            }
            case Op.MATCH_KEYS: {
              const keys = (stack[sp - 1] as PyTuple).items;
              const subject = stack[sp - 2];
              const vals: any[] = [];
              let ok = true;
              for (const k of keys) {
                const v = subject instanceof PyDict ? subject.get(k) : (() => {
                  const g = ops.getattrOpt(subject, 'get');
                  const dummy = new PyObject(T.object);
                  const r = call(g, [k, dummy]);
                  return r === dummy ? undefined : r;
                })();
                if (v === undefined) {
                  ok = false;
                  break;
                }
                vals.push(v);
              }
              stack[sp++] = ok ? new PyTuple(vals) : None;
              break;
            }
            case Op.MATCH_CLASS: {
              const kwNames = (stack[--sp] as PyTuple).items as string[];
              const cls = stack[--sp];
              const subject = stack[sp - 1];
              stack[sp - 1] = matchClass(subject, cls, arg, kwNames);
              break;
            }
            case Op.CHECK_EXC_MATCH + 1000:
              break;
            default:
              throw newExc(T.SystemError, `unknown opcode ${op}`);
          }
        }
      } catch (e) {
        // ---- exception unwinding ----
        const exc = toPyException(e);
        const reraise = ts.reraising;
        ts.reraising = false;
        if (!reraise) {
          // A newly raised exception: chain it to the one being handled, then record this frame.
          const ctx = ts.excInfo;
          if (ctx !== null && ctx !== exc && exc.context === null) {
            let c: any = ctx;
            while (c !== null && c !== undefined) {
              if (c.context === exc) {
                c.context = null;
                break;
              }
              c = c.context;
            }
            exc.context = ctx;
          }
        }
        let addTb = !reraise;
        for (;;) {
          const lasti = instr;
          if (addTb) {
            addTraceback(exc, frame, lasti < 0 ? 0 : lasti);
            if (ts.tracing && !ts.inTrace) {
              frame.sp = sp;
              frame.lasti = lasti;
              traceException(ts, frame, exc);
            }
          }
          if (addTb) frame.lasti = lasti;
          addTb = true;
          const h = lasti >= 0 ? findHandler(info.exc, lasti >> 1) : null;
          if (h !== null) {
            while (sp > h.depth) stack[--sp] = undefined;
            if (h.lasti) stack[sp++] = lasti >> 1;
            stack[sp++] = exc;
            pc = h.target * 2;
            break;
          }
          // No handler: the frame exits with the exception.
          while (sp > 0) stack[--sp] = undefined;
          frame.sp = 0;
          frame.state = FRAME_COMPLETED;
          if (ts.tracing && !ts.inTrace) traceReturn(ts, frame, None);
          ts.depth--;
          if (frame.initSelf !== undefined) ts.depth--;
          if (frame.isEntry) {
            ts.frame = savedFrame;
            throw exc;
          }
          const back = frame.f_back!;
          frame.f_back = null;
          frame = back;
          ts.frame = frame;
          code = frame.f_code.co_code;
          info = codeInfo(frame.f_code);
          consts = info.consts;
          names = frame.f_code.co_names;
          localsplus = frame.localsplus;
          stack = frame.stack;
          sp = frame.sp;
          pc = frame.pc;
          instr = frame.lasti;
          continue;
        }
      }
    }
  } catch (e) {
    // Leaving this run with an exception (already a Python exception).
    if (ts.frame !== savedFrame) ts.frame = savedFrame;
    throw e;
  }
}

function derefError(frame: Frame, i: number): PyBaseException {
  const name = frame.f_code.co_localsplusnames[i];
  const kind = frame.f_code.co_localspluskinds[i];
  if (kind & 0x80) {
    return newExc(T.NameError, `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
  }
  return newExc(T.UnboundLocalError, `cannot access local variable '${name}' where it is not associated with a value`);
}

function prepReraiseStar(orig: any, excs: any[]): any {
  const raised = excs.filter((x) => x !== None);
  if (raised.length === 0) return None;
  if (!(orig instanceof PyExceptionGroup)) return raised[0];
  // Exceptions that are re-raised parts of the original keep the original's structure.
  const leafIds = new Set<any>();
  const collect = (e: any) => {
    if (e instanceof PyExceptionGroup) e.exceptions.items.forEach(collect);
    else leafIds.add(e);
  };
  const reraised: any[] = [];
  const newRaised: any[] = [];
  for (const e of raised) {
    const leaves = new Set<any>();
    const c2 = (x: any) => {
      if (x instanceof PyExceptionGroup) x.exceptions.items.forEach(c2);
      else leaves.add(x);
    };
    c2(e);
    const origLeaves = new Set<any>();
    const c3 = (x: any) => {
      if (x instanceof PyExceptionGroup) x.exceptions.items.forEach(c3);
      else origLeaves.add(x);
    };
    c3(orig);
    if ([...leaves].every((l) => origLeaves.has(l))) reraised.push(...leaves);
    else newRaised.push(e);
  }
  void collect;
  let kept: any = null;
  if (reraised.length) {
    const set = new Set(reraised);
    kept = egSplit(orig, (x) => set.has(x))[0];
  }
  const all = [...(kept ? [kept] : []), ...newRaised];
  if (all.length === 1) return all[0];
  return call(T.ExceptionGroup, ['', new PyList(all)]);
}

function matchClass(subject: any, cls: any, nargs: number, kwNames: string[]): any {
  if (!(cls instanceof PyType)) throw typeError('called match pattern must be a class');
  if (!typeOf(subject).isSubtypeOf(cls)) return None;
  const out: any[] = [];
  const seen = new Set<string>();
  if (nargs) {
    const matchArgs = ops.getattrOpt(cls, '__match_args__');
    const selfMatch = [T.bool, T.bytearray, T.bytes, T.dict, T.float, T.frozenset, T.int, T.list, T.set, T.str, T.tuple].some((t) => cls.isSubtypeOf(t) && (cls === t || !cls.heap || true)) && matchArgs === undefined;
    if (selfMatch) {
      if (nargs > 1) throw typeError(`${cls.name}() accepts 1 positional sub-pattern (${nargs} given)`);
      out.push(subject);
    } else {
      const names = matchArgs === undefined ? [] : matchArgs instanceof PyTuple ? matchArgs.items : (() => {
        throw typeError(`${cls.name}.__match_args__ must be a tuple (got ${typeOf(matchArgs).name})`);
      })();
      if (nargs > names.length) {
        throw typeError(`${cls.name}() accepts ${names.length} positional sub-pattern${names.length === 1 ? '' : 's'} (${nargs} given)`);
      }
      for (let i = 0; i < nargs; i++) {
        const n = names[i];
        if (typeof n !== 'string') throw typeError(`__match_args__ elements must be strings (got ${typeOf(n).name})`);
        seen.add(n);
        const v = ops.getattrOpt(subject, n);
        if (v === undefined) return None;
        out.push(v);
      }
    }
  }
  for (const n of kwNames) {
    if (seen.has(n)) throw typeError(`${cls.name}() got multiple sub-patterns for attribute '${n}'`);
    seen.add(n);
    const v = ops.getattrOpt(subject, n);
    if (v === undefined) return None;
    out.push(v);
  }
  return new PyTuple(out);
}

export { Ellipsis, PyBytes, NotImplemented, isDataDescr, createClass, PyBaseException, CO_GENERATOR };
