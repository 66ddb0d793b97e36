// The builtins module: functions with CPython's signatures and error messages, the builtin types
// and exceptions, __build_class__ and __import__.
import { None, Ellipsis, PyFloat, PyComplex, PyBytes, makeInt } from '../values';
import {
  T, typeOf, PyType, PyObject, PyTuple, PyList, PyDict, PySet, PyCell, PyFunction, PyBuiltin, PyModule,
  PyBaseException, PyGenerator, PyIter, FnIter, newExc, typeError, valueError, ops, NotImplemented, EXCEPTION_NAMES,
  format as pyFormat, asciiRepr, sortItems, toInt, asInt, asFloat, makeSuper, dirOf, createClass, PyRange,
  objectId, PyByteArray, method, getset, bytesFrom, PySlice, roundFloat, PyProperty, PyClassMethod, PyStaticMethod,
  AsyncGenWrapped, builtinType,
} from '../runtime';
import { intPow, intPowMod, intAbs, intFloorDiv, intMod } from '../runtime/numbers';
import type { Frame } from '../vm/frame';
import { Op } from '../bytecode/opcodes';
import { ts, runClassBody, runModuleCode, resumeGenerator, genYieldFrom } from '../vm/eval';
import { stdout, stderr, PyTextStream, readLine, flushStdout } from './io';
import { getCompiler } from '../vm/compile-hook';
import { importModule } from './importer';

const {
  call, callMethod, repr, str, truthy, getattr, getattrOpt, setattr, delattr, getIter, next: iterNext, toArray,
  hash, len, lessThan, richCompare, toIndex, binaryOp, contains, isDataDescr, descrGet,
} = ops;

export const builtinsDict = new PyDict();
export const builtinsModule = new PyModule('builtins', builtinsDict);
builtinsDict.setStr('__name__', 'builtins');
builtinsDict.setStr('__doc__', None);

type Fn = (args: any[], kw: Map<string, any> | null) => any;
function def(name: string, fn: Fn): PyBuiltin {
  const b = new PyBuiltin(name, fn, undefined, 'builtins');
  builtinsDict.setStr(name, b);
  return b;
}
function noKw(name: string, kw: Map<string, any> | null): void {
  if (kw && kw.size) throw typeError(`${name}() takes no keyword arguments`);
}
function exactArgs(name: string, a: any[], n: number): void {
  if (a.length !== n) {
    if (n === 1) throw typeError(`${name}() takes exactly one argument (${a.length} given)`);
    throw typeError(`${name} expected ${n} arguments, got ${a.length}`);
  }
}
function argRange(name: string, a: any[], min: number, max: number): void {
  if (a.length < min) throw typeError(`${name} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${a.length}`);
  if (a.length > max) throw typeError(`${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${a.length}`);
}

for (const [k, v] of Object.entries({
  object: T.object, type: T.type, int: T.int, float: T.float, complex: T.complex, bool: T.bool, str: T.str,
  bytes: T.bytes, bytearray: T.bytearray, list: T.list, tuple: T.tuple, dict: T.dict, set: T.set, frozenset: T.frozenset,
  range: T.range, slice: T.slice, property: T.property, classmethod: T.classmethod, staticmethod: T.staticmethod,
  super: T.super, enumerate: T.enumerate, zip: T.zip, map: T.map, filter: T.filter, reversed: T.reversed,
  memoryview: T.memoryview,
})) builtinsDict.setStr(k, v);
for (const n of EXCEPTION_NAMES) builtinsDict.setStr(n, T[n]);
builtinsDict.setStr('EnvironmentError', T.OSError);
builtinsDict.setStr('IOError', T.OSError);
builtinsDict.setStr('None', None);
builtinsDict.setStr('Ellipsis', Ellipsis);
builtinsDict.setStr('NotImplemented', NotImplemented);
builtinsDict.setStr('True', true);
builtinsDict.setStr('False', false);
builtinsDict.setStr('__debug__', true);

// ---------------------------------------------------------------- I/O
def('print', (a, kw) => {
  let sep = ' ';
  let end = '\n';
  let file: any = None;
  let flush = false;
  if (kw) {
    for (const [k, v] of kw) {
      if (k === 'sep') {
        if (v !== None && typeof v !== 'string') throw typeError(`sep must be None or a string, not ${typeOf(v).name}`);
        if (v !== None) sep = v;
      } else if (k === 'end') {
        if (v !== None && typeof v !== 'string') throw typeError(`end must be None or a string, not ${typeOf(v).name}`);
        if (v !== None) end = v;
      } else if (k === 'file') file = v;
      else if (k === 'flush') flush = truthy(v);
      else throw typeError(`'${k}' is an invalid keyword argument for print()`);
    }
  }
  if (file === None) file = sysStdout();
  let s = '';
  for (let i = 0; i < a.length; i++) {
    if (i) s += sep;
    const x = a[i];
    s += typeof x === 'string' ? x : str(x);
  }
  s += end;
  if (file instanceof PyTextStream) {
    file.write(s);
    if (flush) file.flush();
  } else {
    call(getattr(file, 'write'), [s]);
    if (flush) call(getattr(file, 'flush'), []);
  }
  return None;
});
/** sys.stdout as currently set (programs may replace it). */
let sysDict: PyDict | null = null;
export function setSysDict(d: PyDict): void {
  sysDict = d;
}
function sysStdout(): any {
  return sysDict?.getStr('stdout') ?? stdout;
}
def('input', (a) => {
  if (a.length > 1) throw typeError(`input expected at most 1 argument, got ${a.length}`);
  if (a.length) {
    const out = sysStdout();
    if (out instanceof PyTextStream) {
      out.write(str(a[0]));
      out.flush();
    } else call(getattr(out, 'write'), [str(a[0])]);
  }
  flushStdout();
  const line = readLine();
  if (line === null) throw newExc(T.EOFError, 'EOF when reading a line');
  return line.endsWith('\n') ? line.slice(0, -1) : line;
});

// ---------------------------------------------------------------- introspection
def('len', (a, kw) => {
  noKw('len', kw);
  exactArgs('len', a, 1);
  return len(a[0]);
});
def('repr', (a) => {
  exactArgs('repr', a, 1);
  return repr(a[0]);
});
def('ascii', (a) => {
  exactArgs('ascii', a, 1);
  return asciiRepr(a[0]);
});
def('hash', (a) => {
  exactArgs('hash', a, 1);
  return hash(a[0]);
});
def('id', (a) => {
  exactArgs('id', a, 1);
  return objectId(a[0]);
});
def('callable', (a) => {
  exactArgs('callable', a, 1);
  const x = a[0];
  return x instanceof PyFunction || x instanceof PyBuiltin || x instanceof PyType || typeOf(x).lookup('__call__') !== undefined;
});
def('format', (a) => {
  argRange('format', a, 1, 2);
  const spec = a[1] ?? '';
  if (typeof spec !== 'string') throw typeError(`format() argument 2 must be str, not ${typeOf(spec).name}`);
  return pyFormat(a[0], spec);
});
def('getattr', (a) => {
  argRange('getattr', a, 2, 3);
  const name = a[1];
  if (typeof name !== 'string') throw typeError(`attribute name must be string, not '${typeOf(name).name}'`);
  if (a.length === 3) {
    const v = getattrOpt(a[0], name);
    return v === undefined ? a[2] : v;
  }
  return getattr(a[0], name);
});
def('setattr', (a) => {
  exactArgs('setattr', a, 3);
  if (typeof a[1] !== 'string') throw typeError(`attribute name must be string, not '${typeOf(a[1]).name}'`);
  setattr(a[0], a[1], a[2]);
  return None;
});
def('delattr', (a) => {
  exactArgs('delattr', a, 2);
  if (typeof a[1] !== 'string') throw typeError(`attribute name must be string, not '${typeOf(a[1]).name}'`);
  delattr(a[0], a[1]);
  return None;
});
def('hasattr', (a) => {
  exactArgs('hasattr', a, 2);
  if (typeof a[1] !== 'string') throw typeError(`attribute name must be string, not '${typeOf(a[1]).name}'`);
  return getattrOpt(a[0], a[1]) !== undefined;
});
function classinfoCheck(x: any, ci: any, sub: boolean, name: string): boolean {
  if (ci instanceof PyTuple) return ci.items.some((c) => classinfoCheck(x, c, sub, name));
  if (!(ci instanceof PyType)) {
    throw typeError(`${name}() arg 2 must be a type, a tuple of types, or a union`);
  }
  const meta = ci.cls;
  if (meta !== T.type) {
    const f = meta.lookup(sub ? '__subclasscheck__' : '__instancecheck__');
    if (f !== undefined && f !== T.type.ns.get(sub ? '__subclasscheck__' : '__instancecheck__')) return truthy(callMethod(f, ci, [x]));
  }
  if (sub) return (x as PyType).isSubtypeOf(ci);
  if (typeOf(x).isSubtypeOf(ci)) return true;
  const c = getattrOpt(x, '__class__');
  return c instanceof PyType && c !== typeOf(x) && c.isSubtypeOf(ci);
}
def('isinstance', (a) => {
  exactArgs('isinstance', a, 2);
  return classinfoCheck(a[0], a[1], false, 'isinstance');
});
def('issubclass', (a) => {
  exactArgs('issubclass', a, 2);
  if (!(a[0] instanceof PyType)) throw typeError('issubclass() arg 1 must be a class');
  return classinfoCheck(a[0], a[1], true, 'issubclass');
});
def('vars', (a) => {
  if (a.length === 0) return currentLocals();
  const d = getattrOpt(a[0], '__dict__');
  if (d === undefined) throw typeError('vars() argument must have __dict__ attribute');
  return d;
});
def('dir', (a) => {
  if (a.length === 0) return new PyList(ops.toArray(currentLocals()).sort());
  const f = typeOf(a[0]).lookup('__dir__');
  if (f !== undefined && !(a[0] instanceof PyType)) {
    const r = toArray(callMethod(f, a[0], []));
    return new PyList(sortItems(r, None, false));
  }
  return new PyList(dirOf(a[0]));
});
function currentFrame(): Frame {
  return ts.frame as Frame;
}
function currentLocals(): any {
  const f = currentFrame();
  return f.f_locals;
}
def('globals', () => currentFrame().f_globals);
def('locals', () => currentLocals());

// ---------------------------------------------------------------- numbers
def('abs', (a) => {
  exactArgs('abs', a, 1);
  const x = a[0];
  if (typeof x === 'number') return Math.abs(x);
  if (typeof x === 'bigint') return intAbs(x);
  const f = typeOf(x).lookup('__abs__');
  if (f === undefined) throw typeError(`bad operand type for abs(): '${typeOf(x).name}'`);
  return callMethod(f, x, []);
});
def('divmod', (a) => {
  exactArgs('divmod', a, 2);
  const [x, y] = a;
  if (typeof x === 'number' && typeof y === 'number') return new PyTuple([intFloorDiv(x, y), intMod(x, y)]);
  const tx = typeOf(x);
  const ty = typeOf(y);
  const f = tx.lookup('__divmod__');
  if (f !== undefined) {
    const r = callMethod(f, x, [y]);
    if (r !== NotImplemented) return r;
  }
  const g = ty.lookup('__rdivmod__');
  if (g !== undefined && ty !== tx) {
    const r = callMethod(g, y, [x]);
    if (r !== NotImplemented) return r;
  }
  throw typeError(`unsupported operand type(s) for divmod(): '${tx.name}' and '${ty.name}'`);
});
def('pow', (a, kw) => {
  const base = a[0] ?? kw?.get('base');
  const exp = a[1] ?? kw?.get('exp');
  const mod = a[2] ?? kw?.get('mod') ?? None;
  if (mod === None) return binaryOp(base, exp, 8);
  const b = asInt(base);
  const e = asInt(exp);
  const m = asInt(mod);
  if (b === undefined || e === undefined || m === undefined) {
    const f = typeOf(base).lookup('__pow__');
    if (f !== undefined) {
      const r = callMethod(f, base, [exp, mod]);
      if (r !== NotImplemented) return r;
    }
    throw typeError(`unsupported operand type(s) for pow(): '${typeOf(base).name}', '${typeOf(exp).name}', '${typeOf(mod).name}'`);
  }
  return intPowMod(b, e, m);
});
void intPow;
def('round', (a, kw) => {
  const x = a[0] ?? kw?.get('number');
  const nd = a.length > 1 ? a[1] : kw?.get('ndigits') ?? None;
  const f = typeOf(x).lookup('__round__');
  if (f === undefined) throw typeError(`type ${typeOf(x).name} doesn't define __round__ method`);
  return nd === None ? callMethod(f, x, []) : callMethod(f, x, [nd]);
});
void roundFloat;
function intRepr(name: string, prefix: string, radix: number) {
  def(name, (a) => {
    exactArgs(name, a, 1);
    const v = toIndex(a[0]);
    const neg = v < 0;
    const abs = neg ? (typeof v === 'bigint' ? -v : -v) : v;
    return (neg ? '-' : '') + prefix + abs.toString(radix);
  });
}
intRepr('bin', '0b', 2);
intRepr('oct', '0o', 8);
intRepr('hex', '0x', 16);
def('chr', (a) => {
  exactArgs('chr', a, 1);
  const x = a[0];
  if (typeof x !== 'number' && typeof x !== 'bigint' && typeof x !== 'boolean' && typeOf(x).lookup('__index__') === undefined)
    throw typeError(`'${typeOf(x).name}' object cannot be interpreted as an integer`);
  const n = toIndex(x);
  if (typeof n === 'bigint') throw newExc(T.OverflowError, 'Python int too large to convert to C int');
  if (n < 0 || n > 0x10ffff) throw valueError('chr() arg not in range(0x110000)');
  return String.fromCodePoint(n);
});
def('ord', (a) => {
  exactArgs('ord', a, 1);
  const x = a[0];
  if (typeof x === 'string') {
    const cps = [...x];
    if (cps.length !== 1) throw typeError(`ord() expected a character, but string of length ${cps.length} found`);
    return cps[0].codePointAt(0)!;
  }
  if (x instanceof PyBytes) {
    if (x.bytes.length !== 1) throw typeError(`ord() expected a character, but string of length ${x.bytes.length} found`);
    return x.bytes[0];
  }
  throw typeError(`ord() expected string of length 1, but ${typeOf(x).name} found`);
});
def('sum', (a, kw) => {
  argRange('sum', a, 1, 2);
  let acc = a.length > 1 ? a[1] : kw?.get('start') ?? 0;
  if (typeof acc === 'string') throw typeError("sum() can't sum strings [use ''.join(seq) instead]");
  if (acc instanceof PyBytes) throw typeError("sum() can't sum bytes [use b''.join(seq) instead]");
  const it = getIter(a[0]);
  for (;;) {
    const x = iterNext(it);
    if (x === undefined) return acc;
    if (typeof acc === 'number' && typeof x === 'number') {
      const r = acc + x;
      acc = Number.isSafeInteger(r) ? r : binaryOp(acc, x, 0);
    } else acc = binaryOp(acc, x, 0);
  }
});
function minmax(name: 'min' | 'max', a: any[], kw: Map<string, any> | null): any {
  const key = kw?.get('key') ?? None;
  const dflt = kw?.get('default');
  if (kw) for (const k of kw.keys()) if (k !== 'key' && k !== 'default') throw typeError(`${name}() got an unexpected keyword argument '${k}'`);
  let items: any[];
  if (a.length === 0) throw typeError(`${name} expected at least 1 argument, got 0`);
  if (a.length === 1) items = toArray(a[0]);
  else {
    if (dflt !== undefined) throw typeError(`Cannot specify a default for ${name}() with multiple positional arguments`);
    items = a;
  }
  if (items.length === 0) {
    if (dflt !== undefined) return dflt;
    throw valueError(`${name}() arg is an empty sequence`);
  }
  let best = items[0];
  let bestKey = key === None ? best : call(key, [best]);
  for (let i = 1; i < items.length; i++) {
    const k = key === None ? items[i] : call(key, [items[i]]);
    if (name === 'min' ? lessThan(k, bestKey) : truthy(richCompare(k, bestKey, 4))) {
      best = items[i];
      bestKey = k;
    }
  }
  return best;
}
def('min', (a, kw) => minmax('min', a, kw));
def('max', (a, kw) => minmax('max', a, kw));
def('all', (a) => {
  exactArgs('all', a, 1);
  const it = getIter(a[0]);
  for (let x = iterNext(it); x !== undefined; x = iterNext(it)) if (!truthy(x)) return false;
  return true;
});
def('any', (a) => {
  exactArgs('any', a, 1);
  const it = getIter(a[0]);
  for (let x = iterNext(it); x !== undefined; x = iterNext(it)) if (truthy(x)) return true;
  return false;
});
def('sorted', (a, kw) => {
  if (a.length !== 1) throw typeError(a.length === 0 ? "sorted expected 1 argument, got 0" : `sorted expected 1 argument, got ${a.length}`);
  const items = toArray(a[0]);
  if (kw) for (const k of kw.keys()) if (k !== 'key' && k !== 'reverse') throw typeError(`sort() got an unexpected keyword argument '${k}'`);
  return new PyList(sortItems(items, kw?.get('key') ?? None, truthy(kw?.get('reverse') ?? false)));
});

// ---------------------------------------------------------------- iteration
def('iter', (a) => {
  argRange('iter', a, 1, 2);
  if (a.length === 2) {
    const [fn, sentinel] = a;
    let done = false;
    return new FnIter(() => {
      if (done) return undefined;
      const v = call(fn, []);
      if (v === sentinel || ops.eq(v, sentinel)) {
        done = true;
        return undefined;
      }
      return v;
    }, T.callable_iterator);
  }
  return getIter(a[0]);
});
def('next', (a) => {
  argRange('next', a, 1, 2);
  const it = a[0];
  const t = typeOf(it);
  if (!(it instanceof PyIter) && !(it instanceof PyGenerator) && t.lookup('__next__') === undefined) {
    throw typeError(`'${t.name}' object is not an iterator`);
  }
  if (a.length === 2) {
    const v = iterNext(it);
    return v === undefined ? a[1] : v;
  }
  if (it instanceof PyIter) {
    const v = it.next();
    if (v === undefined) throw newExc(T.StopIteration);
    return v;
  }
  if (it instanceof PyGenerator) {
    const r = resumeGenerator(it, 0, None);
    if (r.done) throw r.value === None ? newExc(T.StopIteration) : newExc(T.StopIteration, r.value);
    return r.value;
  }
  return callMethod(t.lookup('__next__'), it, []);
});
ops.setattr; // keep
staticNew(T.enumerate, (a, kw) => {
  const iterable = a[1] ?? kw?.get('iterable');
  if (iterable === undefined) throw typeError("enumerate() missing required argument 'iterable' (pos 1)");
  let i: any = a[2] ?? kw?.get('start') ?? 0;
  if (typeof i !== 'number' && typeof i !== 'bigint') i = toIndex(i);
  const it = getIter(iterable);
  return new FnIter(() => {
    const v = iterNext(it);
    if (v === undefined) return undefined;
    const r = new PyTuple([i, v]);
    i = typeof i === 'number' && i < 2 ** 52 ? i + 1 : makeInt(BigInt(i) + 1n);
    return r;
  }, a[0]);
});
staticNew(T.zip, (a, kw) => {
  const strict = truthy(kw?.get('strict') ?? false);
  const its = a.slice(1).map((x, i) => {
    const t = typeOf(x);
    if (typeof x !== 'string' && t.lookup('__iter__') === undefined && t.lookup('__getitem__') === undefined && !(x instanceof PyIter))
      throw typeError(`zip argument #${i + 1} must support iteration`);
    return getIter(x);
  });
  let done = false;
  return new FnIter(() => {
    if (done || its.length === 0) return undefined;
    const out: any[] = [];
    for (let i = 0; i < its.length; i++) {
      const v = iterNext(its[i]);
      if (v === undefined) {
        done = true;
        if (strict) {
          if (i > 0) throw valueError(`zip() argument ${i + 1} is shorter than argument${i > 1 ? 's 1-' + i : ' 1'}`);
          for (let j = 1; j < its.length; j++) {
            if (iterNext(its[j]) !== undefined) throw valueError(`zip() argument ${j + 1} is longer than argument${j > 1 ? 's 1-' + j : ' 1'}`);
          }
        }
        return undefined;
      }
      out.push(v);
    }
    return new PyTuple(out);
  }, a[0]);
});
staticNew(T.map, (a) => {
  if (a.length < 3) throw typeError('map() must have at least two arguments.');
  const fn = a[1];
  const its = a.slice(2).map((x) => getIter(x));
  return new FnIter(() => {
    const args: any[] = [];
    for (const it of its) {
      const v = iterNext(it);
      if (v === undefined) return undefined;
      args.push(v);
    }
    return call(fn, args);
  }, a[0]);
});
staticNew(T.filter, (a) => {
  if (a.length !== 3) throw typeError(`filter expected 2 arguments, got ${a.length - 1}`);
  const fn = a[1];
  const it = getIter(a[2]);
  return new FnIter(() => {
    for (;;) {
      const v = iterNext(it);
      if (v === undefined) return undefined;
      if (fn === None ? truthy(v) : truthy(call(fn, [v]))) return v;
    }
  }, a[0]);
});
staticNew(T.reversed, (a) => {
  if (a.length !== 2) throw typeError(`reversed expected 1 argument, got ${a.length - 1}`);
  const x = a[1];
  const f = typeOf(x).lookup('__reversed__');
  if (f !== undefined) return callMethod(f, x, []);
  if (typeOf(x).lookup('__getitem__') === undefined || typeOf(x).lookup('__len__') === undefined || x instanceof PyDict)
    throw typeError(`'${typeOf(x).name}' object is not reversible`);
  let i = len(x) - 1;
  return new FnIter(() => (i >= 0 ? ops.getitem(x, i--) : undefined), a[0]);
});
function staticNew(t: PyType, fn: Fn): void {
  t.ns.set('__new__', new PyStaticMethod(new PyBuiltin('__new__', fn)));
}
for (const t of [T.enumerate, T.zip, T.map, T.filter, T.reversed]) {
  method(t, '__repr__', (a) => `<${t.name} object at ${ops.hexId(a[0])}>`);
}

// ---------------------------------------------------------------- classes
def('__build_class__', (a, kw) => {
  const [func, name, ...bases] = a;
  if (!(func instanceof PyFunction)) throw typeError('__build_class__: func must be a function');
  if (typeof name !== 'string') throw typeError('__build_class__: name is not a string');
  let meta: any = kw?.get('metaclass');
  const ckw = kw ? new Map([...kw].filter(([k]) => k !== 'metaclass')) : null;
  // __mro_entries__ on non-type bases.
  const realBases: any[] = [];
  for (const b of bases) {
    if (!(b instanceof PyType)) {
      const me = getattrOpt(b, '__mro_entries__');
      if (me !== undefined) {
        realBases.push(...toArray(call(me, [new PyTuple(bases)])));
        continue;
      }
    }
    realBases.push(b);
  }
  const isClass = meta === undefined || meta instanceof PyType;
  if (meta === undefined) meta = realBases.length ? typeOf(realBases[0]) : T.type;
  if (isClass) {
    // The most derived metaclass.
    let winner: PyType = meta;
    for (const b of realBases) {
      const bt = typeOf(b);
      if (winner.isSubtypeOf(bt)) continue;
      if (bt.isSubtypeOf(winner)) {
        winner = bt;
        continue;
      }
      throw typeError('metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases');
    }
    meta = winner;
  }
  let ns: any;
  const prep = getattrOpt(meta, '__prepare__');
  ns = prep !== undefined ? call(prep, [name, new PyTuple(realBases)], ckw) : new PyDict();
  const cell = runClassBody(func, ns);
  const cls = call(meta, [name, new PyTuple(realBases), ns], ckw);
  if (cell instanceof PyCell && cls instanceof PyType) {
    if (cell.contents === undefined) cell.contents = cls;
  }
  return cls;
});
def('super', (a) => {
  if (a.length === 0) {
    const f = currentFrame();
    const code = f.f_code;
    if (code.co_argcount === 0) throw newExc(T.RuntimeError, 'super(): no arguments');
    let self = f.localsplus[0];
    if (self instanceof PyCell && (code.co_localspluskinds[0] & 0x40)) self = self.contents;
    const idx = code.co_localsplusnames.indexOf('__class__');
    if (idx < 0) throw newExc(T.RuntimeError, 'super(): __class__ cell not found');
    const cls = (f.localsplus[idx] as PyCell)?.contents;
    if (!(cls instanceof PyType)) throw newExc(T.RuntimeError, 'super(): empty __class__ cell');
    if (self === undefined) throw newExc(T.RuntimeError, 'super(): arg[0] deleted');
    return makeSuper(cls, self);
  }
  if (!(a[0] instanceof PyType)) throw typeError(`super() argument 1 must be a type, not ${typeOf(a[0]).name}`);
  return makeSuper(a[0], a[1]);
});

// ---------------------------------------------------------------- compile / exec / eval
def('compile', (a, kw) => {
  const source = a[0] ?? kw?.get('source');
  const filename = a[1] ?? kw?.get('filename');
  const mode = a[2] ?? kw?.get('mode');
  const compile = getCompiler();
  if (!compile) throw newExc(T.SystemError, 'compile() is not available: pyvm was built without a compiler');
  const src = source instanceof PyBytes ? new TextDecoder().decode(source.bytes) : source;
  if (typeof src !== 'string') throw typeError('compile() arg 1 must be a string, bytes or AST object');
  return compile(src, str(filename), str(mode));
});
function execOrEval(name: 'exec' | 'eval', a: any[]): any {
  let src = a[0];
  let globals = a[1] ?? None;
  let locals = a[2] ?? None;
  const f = currentFrame();
  if (globals === None) {
    globals = f.f_globals;
    if (locals === None) locals = f.f_locals;
  } else if (locals === None) locals = globals;
  if (!(globals instanceof PyDict)) throw typeError(`${name}() globals must be a dict, not ${typeOf(globals).name}`);
  if (globals.getStr('__builtins__') === undefined) globals.setStr('__builtins__', builtinsModule);
  let code: any = src;
  if (typeof src === 'string' || src instanceof PyBytes) {
    const compile = getCompiler();
    if (!compile) throw newExc(T.SystemError, `${name}() is not available: pyvm was built without a compiler`);
    let s = src instanceof PyBytes ? new TextDecoder().decode(src.bytes) : src;
    if (name === 'eval') s = s.replace(/^[ \t]+/, '');
    code = compile(s, '<string>', name);
  } else if (typeOf(src) !== T.code) {
    throw typeError(`${name}() arg 1 must be a string, bytes or code object`);
  }
  const r = runModuleCode(code, globals, builtinsDict, locals);
  return name === 'eval' ? r : None;
}
def('exec', (a) => execOrEval('exec', a));
def('eval', (a) => execOrEval('eval', a));

// ---------------------------------------------------------------- import
def('__import__', (a, kw) => {
  const name = a[0] ?? kw?.get('name');
  const globals = a[1] ?? kw?.get('globals') ?? None;
  const fromlist = a[3] ?? kw?.get('fromlist') ?? None;
  const level = a[4] ?? kw?.get('level') ?? 0;
  return importModule(name, globals, fromlist, level);
});

def('breakpoint', () => {
  const hook = sysDict?.getStr('breakpointhook');
  if (hook !== undefined) return call(hook, []);
  return None;
});

// ---------------------------------------------------------------- open
def('open', (a, kw) => openFile(a, kw));
import { openFile } from './file';

// memoryview: a thin read-only view over bytes.
staticNew(T.memoryview, (a) => {
  const o = new PyObject(T.memoryview);
  (o as any).bytes = bytesFrom(a[1]);
  return o;
});
method(T.memoryview, 'tobytes', (a) => new PyBytes(a[0].bytes));
method(T.memoryview, 'tolist', (a) => new PyList([...a[0].bytes]));
method(T.memoryview, '__len__', (a) => a[0].bytes.length);
method(T.memoryview, '__getitem__', (a) => {
  if (a[1] instanceof PySlice) return new PyBytes(Uint8Array.from(ops.getitem(new PyList([...a[0].bytes]), a[1]).items));
  return ops.getitem(new PyList([...a[0].bytes]), a[1]);
});

// Generator / coroutine methods live here because they need the VM.
for (const gt of [T.generator, T.coroutine]) {
  method(gt, '__iter__', (a) => a[0]);
  method(gt, '__next__', (a) => {
    const r = resumeGenerator(a[0], 0, None);
    if (r.done) throw r.value === None ? newExc(T.StopIteration) : newExc(T.StopIteration, r.value);
    return r.value;
  });
  method(gt, 'send', (a) => {
    const r = resumeGenerator(a[0], 0, a[1]);
    if (r.done) throw r.value === None ? newExc(T.StopIteration) : newExc(T.StopIteration, r.value);
    return r.value;
  });
  method(gt, 'throw', (a) => genThrow(a[0], a[1], a[2], a[3]));
  method(gt, 'close', (a) => genClose(a[0]));
  method(gt, '__repr__', (a) => `<${gt.name} object ${a[0].qualname} at ${ops.hexId(a[0])}>`);
  getset(gt, '__name__', (g: PyGenerator) => g.name);
  getset(gt, '__qualname__', (g: PyGenerator) => g.qualname);
  getset(gt, gt === T.generator ? 'gi_frame' : 'cr_frame', (g: PyGenerator) => (g.finished ? None : g.frame));
  getset(gt, gt === T.generator ? 'gi_running' : 'cr_running', (g: PyGenerator) => g.running);
  getset(gt, gt === T.generator ? 'gi_code' : 'cr_code', (g: PyGenerator) => g.frame.f_code);
  getset(gt, gt === T.generator ? 'gi_yieldfrom' : 'cr_await', (g: PyGenerator) => genYieldFrom(g) ?? None);
}
method(T.coroutine, '__await__', (a) => a[0]);

// ---- async generators: __anext__/asend/athrow return awaitables that drive the generator frame ----
const AsyncGenASend = builtinType('async_generator_asend');
class PyAsyncGenASend extends PyObject {
  done = false;
  constructor(public gen: PyGenerator, public sendValue: any, public throwExc: PyBaseException | null) {
    super(AsyncGenASend);
  }
}
function asendStep(aw: PyAsyncGenASend, mode: number, value: any): any {
  if (aw.done) throw newExc(T.RuntimeError, 'cannot reuse already awaited __anext__()/asend()');
  const gen = aw.gen;
  let r: { done: boolean; value: any };
  try {
    if (aw.throwExc !== null) {
      const exc = aw.throwExc;
      aw.throwExc = null;
      if (!gen.started || gen.finished) {
        gen.finished = true;
        throw exc;
      }
      r = resumeGenerator(gen, 1, exc);
    } else if (mode === 1) {
      r = resumeGenerator(gen, 1, value);
    } else {
      const v = aw.sendValue !== undefined ? aw.sendValue : value;
      aw.sendValue = undefined;
      if (!gen.started && v !== None) r = resumeGenerator(gen, 0, None);
      else r = resumeGenerator(gen, 0, v);
    }
  } catch (e) {
    aw.done = true;
    if (e instanceof PyBaseException && (e.cls.isSubtypeOf(T.StopIteration) || e.cls.isSubtypeOf(T.GeneratorExit))) throw e;
    throw e;
  }
  if (r.done) {
    aw.done = true;
    throw newExc(T.StopAsyncIteration);
  }
  if (r.value instanceof AsyncGenWrapped) {
    aw.done = true;
    throw newExc(T.StopIteration, r.value.value);
  }
  return r.value;
}
method(AsyncGenASend, '__await__', (a) => a[0]);
method(AsyncGenASend, '__iter__', (a) => a[0]);
method(AsyncGenASend, '__next__', (a) => asendStep(a[0], 0, None));
method(AsyncGenASend, 'send', (a) => asendStep(a[0], 0, a[1]));
method(AsyncGenASend, 'throw', (a) => asendStep(a[0], 1, a[1] instanceof PyBaseException ? a[1] : call(a[1], a[2] === undefined ? [] : [a[2]])));
method(AsyncGenASend, 'close', (a) => {
  a[0].done = true;
  return None;
});
const AG = T.async_generator;
method(AG, '__aiter__', (a) => a[0]);
method(AG, '__anext__', (a) => new PyAsyncGenASend(a[0], undefined, null));
method(AG, 'asend', (a) => new PyAsyncGenASend(a[0], a[1], null));
method(AG, 'athrow', (a) => new PyAsyncGenASend(a[0], undefined, a[1] instanceof PyBaseException ? a[1] : call(a[1], [])));
method(AG, 'aclose', (a) => new PyAsyncGenASend(a[0], undefined, newExc(T.GeneratorExit)));
method(AG, '__repr__', (a) => `<async_generator object ${a[0].qualname} at ${ops.hexId(a[0])}>`);
getset(AG, '__name__', (g: PyGenerator) => g.name);
getset(AG, '__qualname__', (g: PyGenerator) => g.qualname);

function genThrow(gen: PyGenerator, typ: any, val: any, tb: any): any {
  let exc: PyBaseException;
  if (typ instanceof PyType && typ.isException) {
    exc = val === undefined || val === None ? call(typ, []) : val instanceof PyBaseException ? val : call(typ, [val]);
  } else if (typ instanceof PyBaseException) {
    if (val !== undefined && val !== None) throw typeError('instance exception may not have a separate value');
    exc = typ;
  } else throw typeError(`exceptions must be classes or instances deriving from BaseException, not ${typeOf(typ).name}`);
  if (tb !== undefined && tb !== None) exc.traceback = tb;
  const yf = genYieldFrom(gen);
  if (yf !== null && !gen.running) {
    if (exc.cls.isSubtypeOf(T.GeneratorExit)) {
      closeSubiterator(yf);
    } else {
      // Delegate to the sub-iterator.
      const thr = yf instanceof PyGenerator ? null : getattrOpt(yf, 'throw');
      if (yf instanceof PyGenerator || thr !== undefined) {
        const frame = gen.frame as Frame;
        gen.running = true;
        let ret: any;
        try {
          ret = yf instanceof PyGenerator ? genThrow(yf, exc, undefined, undefined) : call(thr, [exc]);
        } catch (e) {
          gen.running = false;
          if (e instanceof PyBaseException && e.cls.isSubtypeOf(T.StopIteration)) {
            // The sub-iterator finished: pop it, skip the SEND loop and resume with its value.
            frame.sp--;
            frame.stack[frame.sp] = undefined;
            const code = frame.f_code.co_code;
            // frame.pc is at RESUME after YIELD_VALUE; the SEND is just before the YIELD_VALUE.
            let sendAt = frame.lasti - 2;
            while (sendAt > 0 && code[sendAt] !== Op.SEND) sendAt -= 2;
            frame.pc = sendAt + 2 + code[sendAt + 1] * 2;
            const v = e.slots?.value ?? (e.args.items[0] ?? None);
            const r = resumeGenerator(gen, 0, v);
            if (r.done) throw r.value === None ? newExc(T.StopIteration) : newExc(T.StopIteration, r.value);
            return r.value;
          }
          return throwInto(gen, e as PyBaseException);
        }
        gen.running = false;
        return ret;
      }
    }
  }
  return throwInto(gen, exc);
}
function throwInto(gen: PyGenerator, exc: PyBaseException): any {
  if (!gen.started || gen.finished) {
    gen.finished = true;
    throw exc;
  }
  const r = resumeGenerator(gen, 1, exc);
  if (r.done) throw r.value === None ? newExc(T.StopIteration) : newExc(T.StopIteration, r.value);
  return r.value;
}
function closeSubiterator(yf: any): void {
  if (yf instanceof PyGenerator) {
    genClose(yf);
    return;
  }
  const c = getattrOpt(yf, 'close');
  if (c !== undefined) call(c, []);
}
function genClose(gen: PyGenerator): any {
  if (gen.finished || !gen.started) {
    gen.finished = true;
    return None;
  }
  try {
    const yf = genYieldFrom(gen);
    if (yf !== null) closeSubiterator(yf);
    resumeGenerator(gen, 1, newExc(T.GeneratorExit));
  } catch (e) {
    if (e instanceof PyBaseException && (e.cls.isSubtypeOf(T.GeneratorExit) || e.cls.isSubtypeOf(T.StopIteration))) {
      gen.finished = true;
      return None;
    }
    throw e;
  }
  if (!gen.finished) throw newExc(T.RuntimeError, 'generator ignored GeneratorExit');
  return None;
}

export {
  PyFloat, PyComplex, PySet, PyRange, PyByteArray, PyProperty, PyClassMethod, asFloat, toInt, createClass, isDataDescr,
  descrGet, contains, stderr, runModuleCode,
};
