// The abstract object protocols (CPython's abstract.c / object.c): attribute access with
// descriptors, calls, operators with reflected operands, rich comparison, hashing, truth, repr/str,
// iteration and subscription. Fast paths for builtin types come first; everything else goes through
// the type's namespace, where builtin types keep their native dunder methods too.
import { PyFloat, PyComplex, PyBytes, None, Ellipsis, PyNoneType, floatRepr, strRepr, bytesRepr, complexRepr } from '../values';
import { PyObject, PyType, T, typeOf, PyBoxed, bumpTypeVersion } from './object';
import { PyTuple, PyList, PyDict, PySet, PyHashed } from './collections';
import {
  PyBaseException, newExc, typeError, attributeError, indexError, keyError,
} from './exceptions';
import {
  PyFunction, PyMethod, PyBuiltin, PyMethodDescr, PyClassMethodDescr, PyProperty, PyClassMethod,
  PyStaticMethod, PyMemberDescr, PyGetSet, PyModule,
} from './func';
import { NotImplemented, PyGenerator, PyRange, PySlice, PySuper } from './misc';
import { hooks } from './hooks';
import { PyIter, SeqIter, StrIter, RangeIter, BigRangeIter, HashIter, BytesIter } from './iter';
import { hashInt, hashFloat, intAdd, intSub, intMul, intCompare } from './numbers';

// ---------------------------------------------------------------- truth, repr, str

export function truthy(x: any): boolean {
  switch (typeof x) {
    case 'boolean':
      return x;
    case 'number':
      return x !== 0;
    case 'string':
      return x.length !== 0;
    case 'bigint':
      return x !== 0n;
  }
  if (x === None) return false;
  if (x instanceof PyList || x instanceof PyTuple) {
    if (x.cls === T.list || x.cls === T.tuple) return x.items.length !== 0;
  }
  if (x instanceof PyFloat) return x.value !== 0;
  const t: PyType = x.cls;
  if (t === T.dict || t === T.set || t === T.frozenset) return (x as PyHashed).size !== 0;
  const b = t.lookup('__bool__');
  if (b !== undefined) {
    const r = callMethod(b, x, []);
    if (typeof r !== 'boolean') throw typeError(`__bool__ should return bool, returned ${typeOf(r).name}`);
    return r;
  }
  const l = t.lookup('__len__');
  if (l !== undefined) {
    const n = callMethod(l, x, []);
    return toIndexValue(n, true) !== 0;
  }
  return true;
}

const reprActive = new Set<any>();
/** Guards container reprs against self-reference ([...]). Returns null when already active. */
export function reprEnter(x: any): boolean {
  if (reprActive.has(x)) return false;
  reprActive.add(x);
  return true;
}
export function reprLeave(x: any): void {
  reprActive.delete(x);
}

export function repr(x: any): string {
  switch (typeof x) {
    case 'string':
      return strRepr(x);
    case 'number':
      return String(x);
    case 'bigint':
      return x.toString();
    case 'boolean':
      return x ? 'True' : 'False';
  }
  if (x === None) return 'None';
  if (x instanceof PyFloat && x.cls === T.float) return floatRepr(x.value);
  const f = typeOf(x).lookup('__repr__');
  const r = callMethod(f, x, []);
  if (typeof r !== 'string') throw typeError(`__repr__ returned non-string (type ${typeOf(r).name})`);
  return r;
}

export function str(x: any): string {
  if (typeof x === 'string') return x;
  if (typeof x === 'number') return String(x);
  const t = typeOf(x);
  if (t === T.str && x instanceof PyBoxed) return x.value;
  const f = t.lookup('__str__');
  const r = callMethod(f, x, []);
  if (typeof r !== 'string') {
    if (r instanceof PyBoxed && typeof r.value === 'string') return r.value;
    throw typeError(`__str__ returned non-string (type ${typeOf(r).name})`);
  }
  return r;
}

/** The default repr of objects: <__main__.C object at 0x...>. */
export function defaultRepr(x: any): string {
  const t = typeOf(x);
  const mod = t.module;
  const name = mod && mod !== 'builtins' ? `${mod}.${t.qualname}` : t.qualname;
  return `<${name} object at ${hexId(x)}>`;
}

export function hexId(x: any): string {
  return '0x' + Number(hooksId(x)).toString(16).padStart(12, '0');
}
import { objectId as hooksId } from './misc';

// ---------------------------------------------------------------- hashing and equality

export function hash(x: any): any {
  switch (typeof x) {
    case 'number':
    case 'bigint':
    case 'boolean':
      return hashInt(x);
    case 'string':
      return strHash(x);
  }
  if (x instanceof PyFloat && x.cls === T.float) return hashFloat(x.value);
  const t: PyType = x.cls;
  const h = t.lookup('__hash__');
  if (h === None || h === undefined) throw typeError(`unhashable type: '${t.name}'`);
  const r = callMethod(h, x, []);
  if (typeof r === 'number') return r === -1 ? -2 : r;
  if (typeof r === 'bigint') return r >= -(2n ** 63n) && r < 2n ** 63n ? r : hashInt(r);
  if (typeof r === 'boolean') return +r;
  if (r instanceof PyBoxed && (typeof r.value === 'number' || typeof r.value === 'bigint')) return hashInt(r.value);
  throw typeError('__hash__ method should return an integer');
}

export function strHash(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h = h * 4096 + (s.length & 4095);
  return h === -1 ? -2 : h;
}

/** Hash reduced to a JS number for hash-table buckets. */
function bucketHash(x: any): number {
  // Exact tuples only need a hash consistent with equality here (hash() itself stays CPython's).
  if (x instanceof PyTuple && x.cls === T.tuple) {
    const items = x.items;
    let h = 0x345678 ^ items.length;
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      let v: number;
      if (typeof it === 'number') v = Number.isSafeInteger(it) && Math.abs(it) < 2 ** 31 ? (it === -1 ? -2 : it) : bucketHash(it);
      else if (typeof it === 'string') v = strHash(it);
      else v = bucketHash(it);
      h = Math.imul(h ^ (v | 0) ^ Math.floor(v / 4294967296), 1000003) + i;
    }
    return h;
  }
  const h = hash(x);
  return typeof h === 'number' ? h : Number(BigInt.asIntN(52, h));
}

const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;
const M64 = (1n << 64n) - 1n;
/** CPython 3.11's tuple hash (xxHash-based). */
export function tupleHash(items: any[]): any {
  let acc = XXPRIME_5;
  for (const it of items) {
    const h = hash(it);
    const lane = BigInt.asUintN(64, BigInt(h));
    acc = (acc + lane * XXPRIME_2) & M64;
    acc = ((acc << 31n) | (acc >> 33n)) & M64;
    acc = (acc * XXPRIME_1) & M64;
  }
  acc = (acc + (BigInt(items.length) ^ (XXPRIME_5 ^ 3527539n))) & M64;
  if (acc === M64) return 1546275796;
  const s = BigInt.asIntN(64, acc);
  return s >= -9007199254740991n && s <= 9007199254740991n ? Number(s) : s;
}

export function eq(a: any, b: any): boolean {
  if (a === b) {
    if (a instanceof PyFloat) return a.value === a.value;
    return true;
  }
  const ta = typeof a;
  if (ta === 'string' || ta === 'number') {
    if (typeof b === ta) return false;
  }
  return truthy(richCompare(a, b, 2));
}

hooks.hash = bucketHash;
hooks.exactHash = hash;
hooks.eq = eq;
hooks.hasIdentityEq = (t: PyType) => {
  const e = t.lookup('__eq__');
  return (e === objectEqDescr || e === undefined) && t.lookup('__hash__') === objectHashDescr;
};
let objectEqDescr: any;
let objectHashDescr: any;
export function registerObjectDescrs(eqD: any, hashD: any): void {
  objectEqDescr = eqD;
  objectHashDescr = hashD;
}

// ---------------------------------------------------------------- comparison

const CMP_NAMES = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];
const CMP_SWAP = [4, 5, 2, 3, 0, 1];
const CMP_SYMBOLS = ['<', '<=', '==', '!=', '>', '>='];

function cmpResult(c: number, op: number): boolean {
  switch (op) {
    case 0: return c < 0;
    case 1: return c <= 0;
    case 2: return c === 0;
    case 3: return c !== 0;
    case 4: return c > 0;
    default: return c >= 0;
  }
}

/** COMPARE_OP: a `op` b with CPython's reflected-operand rules. Returns any object. */
export function richCompare(a: any, b: any, op: number): any {
  const ta = typeof a;
  if (ta === 'number' && typeof b === 'number') return cmpResult(a < b ? -1 : a > b ? 1 : 0, op);
  if (ta === 'string' && typeof b === 'string') return cmpResult(a < b ? -1 : a > b ? 1 : 0, op);
  const tA = typeOf(a);
  const tB = typeOf(b);
  let checkedReverse = false;
  if (tA !== tB && tB.isSubtypeOf(tA)) {
    const f = tB.lookup(CMP_NAMES[CMP_SWAP[op]]);
    if (f !== undefined && f !== tA.lookup(CMP_NAMES[CMP_SWAP[op]])) {
      checkedReverse = true;
      const r = callMethod(f, b, [a]);
      if (r !== NotImplemented) return r;
    }
  }
  const f = tA.lookup(CMP_NAMES[op]);
  if (f !== undefined) {
    const r = callMethod(f, a, [b]);
    if (r !== NotImplemented) return r;
  }
  if (!checkedReverse) {
    const g = tB.lookup(CMP_NAMES[CMP_SWAP[op]]);
    if (g !== undefined) {
      const r = callMethod(g, b, [a]);
      if (r !== NotImplemented) return r;
    }
  }
  if (op === 2) return a === b;
  if (op === 3) return a !== b;
  throw typeError(`'${CMP_SYMBOLS[op]}' not supported between instances of '${tA.name}' and '${tB.name}'`);
}

export function lessThan(a: any, b: any): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') return a < b;
  return truthy(richCompare(a, b, 0));
}

/** Numeric comparison of two real numbers of builtin types (int/bool/float); null if not both numeric. */
export function numCompare(a: any, b: any): number | null {
  const x = realValue(a);
  const y = realValue(b);
  if (x === undefined || y === undefined) return null;
  if (typeof x === 'number' && typeof y === 'number') {
    if (x !== x || y !== y) return NaN;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof x === 'bigint' && typeof y === 'bigint') return intCompare(x, y);
  // Mixed bigint / number (possibly a non-integral float): compare exactly.
  const fx = typeof x === 'number' ? x : null;
  const fy = typeof y === 'number' ? y : null;
  if (fx !== null && (fx !== fx)) return NaN;
  if (fy !== null && (fy !== fy)) return NaN;
  if (fx !== null && !Number.isFinite(fx)) return fx > 0 ? 1 : -1;
  if (fy !== null && !Number.isFinite(fy)) return fy > 0 ? -1 : 1;
  const bx = typeof x === 'bigint' ? x : BigInt(Math.floor(x));
  const by = typeof y === 'bigint' ? y : BigInt(Math.floor(y));
  if (bx !== by) return bx < by ? -1 : 1;
  const rx = typeof x === 'number' ? x - Math.floor(x) : 0;
  const ry = typeof y === 'number' ? y - Math.floor(y) : 0;
  return rx < ry ? -1 : rx > ry ? 1 : 0;
}

/** int/bool/float → JS number or bigint; undefined for anything else. */
export function realValue(x: any): number | bigint | undefined {
  switch (typeof x) {
    case 'number':
    case 'bigint':
      return x;
    case 'boolean':
      return x ? 1 : 0;
  }
  if (x instanceof PyFloat) return x.value;
  if (x instanceof PyBoxed && (typeof x.value === 'number' || typeof x.value === 'bigint' || typeof x.value === 'boolean')) return realValue(x.value);
  if (x instanceof PyBoxed && x.value instanceof PyFloat) return x.value.value;
  return undefined;
}

export { cmpResult };

// ---------------------------------------------------------------- binary operators

/** [method, reflected method, symbol] by BINARY_OP argument (0-12; 13-25 are the in-place forms). */
export const BINOP_NAMES: [string, string, string][] = [
  ['__add__', '__radd__', '+'], ['__and__', '__rand__', '&'], ['__floordiv__', '__rfloordiv__', '//'],
  ['__lshift__', '__rlshift__', '<<'], ['__matmul__', '__rmatmul__', '@'], ['__mul__', '__rmul__', '*'],
  ['__mod__', '__rmod__', '%'], ['__or__', '__ror__', '|'], ['__pow__', '__rpow__', '**'],
  ['__rshift__', '__rrshift__', '>>'], ['__sub__', '__rsub__', '-'], ['__truediv__', '__rtruediv__', '/'],
  ['__xor__', '__rxor__', '^'],
];
const INPLACE_NAMES = ['__iadd__', '__iand__', '__ifloordiv__', '__ilshift__', '__imatmul__', '__imul__', '__imod__',
  '__ior__', '__ipow__', '__irshift__', '__isub__', '__itruediv__', '__ixor__'];

/** BINARY_OP with argument `op` (0..25). */
export function binaryOp(a: any, b: any, op: number): any {
  if (typeof a === 'number' && typeof b === 'number') {
    switch (op) {
      case 0: case 13: return intAdd(a, b);
      case 10: case 23: return intSub(a, b);
      case 5: case 18: return intMul(a, b);
    }
  }
  if (op >= 13) {
    const base = op - 13;
    const t = typeOf(a);
    const f = t.lookup(INPLACE_NAMES[base]);
    if (f !== undefined) {
      const r = callMethod(f, a, [b]);
      if (r !== NotImplemented) return r;
    }
    return binaryOpSlow(a, b, base, true);
  }
  if (typeof a === 'string' && typeof b === 'string' && op === 0) return a + b;
  return binaryOpSlow(a, b, op, false);
}

function binaryOpSlow(a: any, b: any, op: number, inplace: boolean): any {
  const [name, rname, sym] = BINOP_NAMES[op];
  const tA = typeOf(a);
  const tB = typeOf(b);
  const fa = tA.lookup(name);
  let fb = tA !== tB ? tB.lookup(rname) : undefined;
  if (fb !== undefined && tB.isSubtypeOf(tA) && fb !== tA.lookup(rname)) {
    const r = callMethod(fb, b, [a]);
    if (r !== NotImplemented) return r;
    fb = undefined;
  }
  if (fa !== undefined) {
    const r = callMethod(fa, a, [b]);
    if (r !== NotImplemented) return r;
  }
  if (fb !== undefined) {
    const r = callMethod(fb, b, [a]);
    if (r !== NotImplemented) return r;
  }
  const s = inplace ? sym + '=' : sym;
  if (op === 0 && tA.isSubtypeOf(T.str) && !inplace) throw typeError(`can only concatenate str (not "${tB.name}") to str`);
  if (op === 0 && (tA.isSubtypeOf(T.list) || tA.isSubtypeOf(T.tuple)) && !(fa === undefined))
    throw typeError(`can only concatenate ${tA.name} (not "${tB.name}") to ${tA.name}`);
  if (op === 5 && isSequenceType(tA) && !isIntLike(b)) throw typeError(`can't multiply sequence by non-int of type '${tB.name}'`);
  if (op === 5 && isSequenceType(tB) && !isIntLike(a)) throw typeError(`can't multiply sequence by non-int of type '${tA.name}'`);
  if (op === 8) throw typeError(`unsupported operand type(s) for ${s} or pow(): '${tA.name}' and '${tB.name}'`);
  throw typeError(`unsupported operand type(s) for ${s}: '${tA.name}' and '${tB.name}'`);
}

function isSequenceType(t: PyType): boolean {
  return t.isSubtypeOf(T.str) || t.isSubtypeOf(T.list) || t.isSubtypeOf(T.tuple) || t.isSubtypeOf(T.bytes) || t.isSubtypeOf(T.bytearray);
}
function isIntLike(x: any): boolean {
  return typeof x === 'number' || typeof x === 'bigint' || typeof x === 'boolean' || typeOf(x).lookup('__index__') !== undefined;
}

export function unaryOp(a: any, name: '__neg__' | '__pos__' | '__invert__', sym: string): any {
  const f = typeOf(a).lookup(name);
  if (f === undefined) throw typeError(`bad operand type for unary ${sym}: '${typeOf(a).name}'`);
  return callMethod(f, a, []);
}

// ---------------------------------------------------------------- attributes

export function isDataDescr(d: any): boolean {
  if (typeof d !== 'object' || d === null) return false;
  if (d instanceof PyProperty || d instanceof PyGetSet || d instanceof PyMemberDescr) return true;
  if (d instanceof PyFunction || d instanceof PyMethodDescr || d instanceof PyBuiltin || d instanceof PyType) return false;
  const t: PyType = d.cls;
  if (!t.heap) return false;
  return t.lookup('__set__') !== undefined || t.lookup('__delete__') !== undefined;
}

/** Applies the descriptor protocol: d.__get__(obj, type). obj === null means class access. */
export function descrGet(d: any, obj: any, type: PyType): any {
  if (typeof d !== 'object' || d === null) return d;
  if (d instanceof PyFunction) return obj === null ? d : new PyMethod(d, obj);
  if (d instanceof PyMethodDescr) return obj === null ? d : new PyBuiltin(d.name, d.fn, obj, null, `${d.owner.name}.${d.name}`);
  if (d instanceof PyClassMethodDescr) return new PyBuiltin(d.name, d.fn, type, null, `${d.owner.name}.${d.name}`);
  if (d instanceof PyClassMethod) return new PyMethod(d.callable, type);
  if (d instanceof PyStaticMethod) return d.callable;
  if (d instanceof PyProperty) {
    if (obj === null) return d;
    if (d.fget === None) throw attributeError(`property ${propName(d)}of '${typeOf(obj).name}' object has no getter`);
    return call(d.fget, [obj]);
  }
  if (d instanceof PyGetSet) return obj === null ? d : d.get(obj);
  if (d instanceof PyMemberDescr) {
    if (obj === null) return d;
    const v = obj.slots?.[d.name];
    if (v === undefined) throw attributeError(`'${typeOf(obj).name}' object has no attribute '${d.name}'`, d.name, obj);
    return v;
  }
  const t: PyType = d.cls;
  if (t === undefined || !t.heap) return d;
  const g = t.lookup('__get__');
  if (g === undefined) return d;
  return callMethod(g, d, [obj === null ? None : obj, type]);
}

function propName(p: PyProperty): string {
  const fn = p.fget !== None ? p.fget : p.fset !== None ? p.fset : p.fdel;
  if (fn instanceof PyFunction) return `'${fn.name}' `;
  return '';
}

let objectGetattribute: any;
export function setObjectGetattribute(d: any): void {
  objectGetattribute = d;
}

/** getattr(obj, name); throws AttributeError. */
export function getattr(obj: any, name: string): any {
  const t = typeOf(obj);
  if (t.heap || t === T.super || t.name === 'GenericAlias') {
    const ga = t.getattributeSlot();
    if (ga !== objectGetattribute && ga !== typeGetattributeDescr) {
      try {
        return callMethod(ga, obj, [name]);
      } catch (e) {
        if (e instanceof PyBaseException && e.cls.isSubtypeOf(T.AttributeError)) {
          const gattr = t.lookup('__getattr__');
          if (gattr !== undefined) return callMethod(gattr, obj, [name]);
        }
        throw e;
      }
    }
  }
  const r = genericGetattr(obj, name, t);
  if (r !== undefined) return r;
  if (t.heap) {
    const gattr = t.lookup('__getattr__');
    if (gattr !== undefined) return callMethod(gattr, obj, [name]);
  }
  throw noAttribute(obj, name);
}

export function noAttribute(obj: any, name: string): PyBaseException {
  if (obj instanceof PyType) return attributeError(`type object '${obj.name}' has no attribute '${name}'`, name, obj);
  if (obj instanceof PyModule) return attributeError(`module '${obj.name}' has no attribute '${name}'`, name, obj);
  return attributeError(`'${typeOf(obj).name}' object has no attribute '${name}'`, name, obj);
}

/** object.__getattribute__ / type.__getattribute__ without the AttributeError: undefined when absent. */
export function genericGetattr(obj: any, name: string, t: PyType = typeOf(obj)): any {
  if (obj instanceof PyType) return typeGetattr(obj, name);
  const d = t.lookup(name);
  if (d !== undefined && isDataDescr(d)) return descrGet(d, obj, t);
  if (typeof obj === 'object') {
    const dict = obj.dict;
    if (dict !== null && dict !== undefined) {
      const v = (dict as PyDict).getStr(name);
      if (v !== undefined) return v;
    }
    if (obj instanceof PyModule) {
      const v = obj.dictRef.getStr(name);
      if (v !== undefined) return v;
    }
  }
  if (d !== undefined) return descrGet(d, obj, t);
  return undefined;
}

let typeGetattributeDescr: any;
export function setTypeGetattribute(d: any): void {
  typeGetattributeDescr = d;
}

function typeGetattr(cls: PyType, name: string): any {
  const meta = cls.cls;
  const md = meta.lookup(name);
  if (md !== undefined && isDataDescr(md)) return descrGet(md, cls, meta);
  const d = cls.lookup(name);
  if (d !== undefined) {
    if (d instanceof PyFunction || d instanceof PyMethodDescr) return d;
    return descrGet(d, null, cls);
  }
  if (md !== undefined) return descrGet(md, cls, meta);
  return undefined;
}

/** getattr without raising AttributeError: undefined when missing. */
export function getattrOpt(obj: any, name: string): any {
  const t = typeOf(obj);
  if (!t.heap) return genericGetattr(obj, name, t);
  try {
    return getattr(obj, name);
  } catch (e) {
    if (e instanceof PyBaseException && e.cls.isSubtypeOf(T.AttributeError)) return undefined;
    throw e;
  }
}

let objectSetattr: any;
export function setObjectSetattr(d: any): void {
  objectSetattr = d;
}

export function setattr(obj: any, name: string, v: any): void {
  const t = typeOf(obj);
  if (t.heap) {
    const sa = t.setattrSlot();
    if (sa !== objectSetattr && sa !== undefined && !(sa instanceof PyMethodDescr)) {
      callMethod(sa, obj, [name, v]);
      return;
    }
  }
  genericSetattr(obj, name, v);
}

export function genericSetattr(obj: any, name: string, v: any): void {
  if (obj instanceof PyType) {
    if (!obj.heap) throw typeError(`cannot set '${name}' attribute of immutable type '${obj.name}'`);
    const md = obj.cls.lookup(name);
    if (md !== undefined && isDataDescr(md)) {
      descrSet(md, obj, v);
      return;
    }
    obj.ns.set(name, v);
    obj.invalidate();
    return;
  }
  const t = typeOf(obj);
  const d = t.lookup(name);
  if (d !== undefined && isDataDescr(d)) {
    descrSet(d, obj, v);
    return;
  }
  if (obj instanceof PyModule) {
    obj.dictRef.setStr(name, v);
    return;
  }
  if (typeof obj === 'object' && obj !== null) {
    if (obj.dict) {
      obj.dict.setStr(name, v);
      return;
    }
    if (t.hasDict) {
      obj.dict = new PyDict();
      obj.dict.setStr(name, v);
      return;
    }
  }
  if (d === undefined) throw attributeError(`'${t.name}' object has no attribute '${name}'`, name, obj);
  throw attributeError(`'${t.name}' object attribute '${name}' is read-only`);
}

function descrSet(d: any, obj: any, v: any): void {
  if (d instanceof PyProperty) {
    if (d.fset === None) throw attributeError(`property ${propName(d)}of '${typeOf(obj).name}' object has no setter`);
    call(d.fset, [obj, v]);
    return;
  }
  if (d instanceof PyGetSet) {
    if (!d.set) throw attributeError(`attribute '${d.name}' of '${d.owner.name}' objects is not writable`);
    d.set(obj, v);
    return;
  }
  if (d instanceof PyMemberDescr) {
    if (!obj.slots) obj.slots = {};
    obj.slots[d.name] = v;
    return;
  }
  const f = typeOf(d).lookup('__set__');
  if (f === undefined) throw attributeError(`__set__`);
  callMethod(f, d, [obj, v]);
}

export function delattr(obj: any, name: string): void {
  const t = typeOf(obj);
  if (t.heap) {
    const da = t.lookup('__delattr__');
    if (da !== undefined && !(da instanceof PyMethodDescr)) {
      callMethod(da, obj, [name]);
      return;
    }
  }
  genericDelattr(obj, name);
}

export function genericDelattr(obj: any, name: string): void {
  if (obj instanceof PyType) {
    if (!obj.heap) throw typeError(`cannot set '${name}' attribute of immutable type '${obj.name}'`);
    if (!obj.ns.has(name)) throw noAttribute(obj, name);
    obj.ns.delete(name);
    obj.invalidate();
    return;
  }
  const t = typeOf(obj);
  const d = t.lookup(name);
  if (d !== undefined && isDataDescr(d)) {
    if (d instanceof PyProperty) {
      if (d.fdel === None) throw attributeError(`property ${propName(d)}of '${t.name}' object has no deleter`);
      call(d.fdel, [obj]);
      return;
    }
    if (d instanceof PyMemberDescr) {
      if (!obj.slots || obj.slots[d.name] === undefined) throw attributeError(d.name);
      delete obj.slots[d.name];
      return;
    }
    const f = typeOf(d).lookup('__delete__');
    if (f !== undefined) {
      callMethod(f, d, [obj]);
      return;
    }
  }
  const dict: PyDict | null = obj instanceof PyModule ? obj.dictRef : typeof obj === 'object' ? obj.dict : null;
  if (dict && dict.delete(name) !== undefined) return;
  throw noAttribute(obj, name);
}

// ---------------------------------------------------------------- calls

/** Calls a method found on a type with `self` prepended, without allocating a bound method. */
export function callMethod(f: any, self: any, args: any[], kw: Map<string, any> | null = null): any {
  if (f instanceof PyMethodDescr) {
    return f.fn([self, ...args], kw);
  }
  if (f instanceof PyFunction) return hooks.callFunction(f, [self, ...args], kw);
  return call(descrGet(f, self, typeOf(self)), args, kw);
}

/** Calls any callable. */
export function call(f: any, args: any[], kw: Map<string, any> | null = null): any {
  if (f instanceof PyFunction) return hooks.callFunction(f, args, kw);
  if (f instanceof PyBuiltin) {
    if (f.self !== undefined) return f.fn([f.self, ...args], kw);
    return f.fn(args, kw);
  }
  if (f instanceof PyMethod) return call(f.func, [f.self, ...args], kw);
  if (f instanceof PyMethodDescr) {
    if (args.length === 0) throw typeError(`unbound method ${f.owner.name}.${f.name}() needs an argument`);
    if (!typeOf(args[0]).isSubtypeOf(f.owner))
      throw typeError(`descriptor '${f.name}' for '${f.owner.name}' objects doesn't apply to a '${typeOf(args[0]).name}' object`);
    return f.fn(args, kw);
  }
  if (f instanceof PyType) return callType(f, args, kw);
  const t = typeOf(f);
  const c = t.lookup('__call__');
  if (c === undefined) throw typeError(`'${t.name}' object is not callable`);
  return callMethod(c, f, args, kw);
}

let typeCallDescr: any;
export function setTypeCall(d: any): void {
  typeCallDescr = d;
}

/** type.__call__: __new__ then __init__. */
export function callType(cls: PyType, args: any[], kw: Map<string, any> | null): any {
  const meta = cls.cls;
  if (meta !== T.type) {
    const c = meta.lookup('__call__');
    if (c !== typeCallDescr) return callMethod(c, cls, args, kw);
  }
  return typeCallDefault(cls, args, kw);
}

export function typeCallDefault(cls: PyType, args: any[], kw: Map<string, any> | null): any {
  if (cls === T.type && args.length === 1 && (!kw || kw.size === 0)) return typeOf(args[0]);
  const nw = cls.lookup('__new__');
  const obj = callNew(nw, cls, args, kw);
  if (!typeOf(obj).isSubtypeOf(cls)) return obj;
  const init = typeOf(obj).lookup('__init__');
  if (init !== undefined) {
    const r = callMethod(init, obj, args, kw);
    if (r !== None) throw typeError(`__init__() should return None, not '${typeOf(r).name}'`);
  }
  return obj;
}

function callNew(nw: any, cls: PyType, args: any[], kw: Map<string, any> | null): any {
  if (nw instanceof PyStaticMethod) nw = nw.callable;
  return call(nw, [cls, ...args], kw);
}

// ---------------------------------------------------------------- iteration

export function getIter(x: any): any {
  if (typeof x === 'string') return new StrIter(x);
  if (x instanceof PyList) {
    if (x.cls === T.list) return new SeqIter(x, T.list_iterator);
  } else if (x instanceof PyTuple) {
    if (x.cls === T.tuple) return new SeqIter(x, T.tuple_iterator);
  } else if (x instanceof PyRange) {
    const { start, stop, step } = x;
    if (typeof start === 'number' && typeof stop === 'number' && typeof step === 'number') return new RangeIter(start, stop, step);
    return new BigRangeIter(BigInt(start), BigInt(stop), BigInt(step));
  } else if (x instanceof PyIter && x.cls.heap === false) {
    return x;
  } else if (x instanceof PyHashed && (x.cls === T.dict || x.cls === T.set || x.cls === T.frozenset)) {
    return new HashIter(x, 0, x.cls === T.dict ? T.dict_keyiterator : T.set_iterator);
  } else if (x instanceof PyBytes) {
    return new BytesIter(x.bytes);
  }
  const t = typeOf(x);
  const f = t.lookup('__iter__');
  if (f === undefined || f === None) {
    const gi = t.lookup('__getitem__');
    if (gi !== undefined && f !== None) return new SeqIterGeneric(x);
    throw typeError(`'${t.name}' object is not iterable`);
  }
  const it = callMethod(f, x, []);
  const nt = typeOf(it);
  if (nt.lookup('__next__') === undefined && !(it instanceof PyIter)) throw typeError(`iter() returned non-iterator of type '${nt.name}'`);
  return it;
}

/** The old sequence protocol: __getitem__(0), (1), ... until IndexError. */
class SeqIterGeneric extends PyIter {
  i = 0;
  constructor(public obj: any) {
    super(T.iterator);
  }
  next(): any {
    if (this.i < 0) return undefined;
    try {
      return getitem(this.obj, this.i++);
    } catch (e) {
      if (e instanceof PyBaseException && (e.cls.isSubtypeOf(T.IndexError) || e.cls.isSubtypeOf(T.StopIteration))) {
        this.i = -1;
        return undefined;
      }
      throw e;
    }
  }
}

/** next(it) → value, or undefined when exhausted (StopIteration swallowed). */
export function next(it: any): any {
  if (it instanceof PyIter) return it.next();
  if (it instanceof PyGenerator) {
    const r = hooks.resumeGenerator(it, 0, None);
    return r.done ? undefined : r.value;
  }
  const t = typeOf(it);
  const f = t.lookup('__next__');
  if (f === undefined) throw typeError(`'${t.name}' object is not an iterator`);
  try {
    return callMethod(f, it, []);
  } catch (e) {
    if (e instanceof PyBaseException && e.cls.isSubtypeOf(T.StopIteration)) return undefined;
    throw e;
  }
}

/** Collects an iterable into a JS array. */
export function toArray(x: any): any[] {
  if (x instanceof PyList || x instanceof PyTuple) {
    if (x.cls === T.list || x.cls === T.tuple) return x.items.slice();
  }
  const it = getIter(x);
  const out: any[] = [];
  for (;;) {
    const v = next(it);
    if (v === undefined) return out;
    out.push(v);
  }
}

/** Like toArray but returns the list's own items when it is an exact list/tuple (do not mutate). */
export function asArray(x: any): any[] {
  if ((x instanceof PyList && x.cls === T.list) || (x instanceof PyTuple && x.cls === T.tuple)) return x.items;
  return toArray(x);
}

// ---------------------------------------------------------------- subscription, len, contains

export function normIndex(i: number, n: number): number {
  return i < 0 ? i + n : i;
}

export function getitem(o: any, k: any): any {
  if (o instanceof PyList && typeof k === 'number' && o.cls === T.list) {
    const items = o.items;
    const i = k < 0 ? k + items.length : k;
    if (i >= 0 && i < items.length) return items[i];
    throw indexError('list index out of range');
  }
  if (o instanceof PyDict && o.cls === T.dict) {
    const v = o.get(k);
    if (v !== undefined) return v;
    throw keyError(k);
  }
  const t = typeOf(o);
  const f = t.lookup('__getitem__');
  if (f === undefined) {
    if (o instanceof PyType) {
      const cg = o.lookup('__class_getitem__');
      if (cg !== undefined) return call(descrGet(cg, null, o), [k]);
      throw typeError(`type '${o.name}' is not subscriptable`);
    }
    throw typeError(`'${t.name}' object is not subscriptable`);
  }
  return callMethod(f, o, [k]);
}

export function setitem(o: any, k: any, v: any): void {
  if (o instanceof PyList && typeof k === 'number' && o.cls === T.list) {
    const items = o.items;
    const i = k < 0 ? k + items.length : k;
    if (i >= 0 && i < items.length) {
      items[i] = v;
      return;
    }
    throw indexError('list assignment index out of range');
  }
  if (o instanceof PyDict && o.cls === T.dict) {
    o.set(k, v);
    return;
  }
  const t = typeOf(o);
  const f = t.lookup('__setitem__');
  if (f === undefined) throw typeError(`'${t.name}' object does not support item assignment`);
  callMethod(f, o, [k, v]);
}

export function delitem(o: any, k: any): void {
  const t = typeOf(o);
  const f = t.lookup('__delitem__');
  if (f === undefined) throw typeError(`'${t.name}' object does not support item deletion`);
  callMethod(f, o, [k]);
}

export function len(o: any): number {
  if (typeof o === 'string') return strLen(o);
  if ((o instanceof PyList || o instanceof PyTuple) && !o.cls.heap) return o.items.length;
  if (o instanceof PyHashed && !o.cls.heap) return o.size;
  const t = typeOf(o);
  const f = t.lookup('__len__');
  if (f === undefined) throw typeError(`object of type '${t.name}' has no len()`);
  const n = callMethod(f, o, []);
  const v = toIndexValue(n, true);
  if (v < 0) throw newExc(T.ValueError, '__len__() should return >= 0');
  return Number(v);
}

/** Length in code points. */
export function strLen(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        n--;
        i++;
      }
    }
  }
  return n;
}

export function contains(container: any, item: any): boolean {
  if (typeof container === 'string') {
    if (typeof item !== 'string') throw typeError(`'in <string>' requires string as left operand, not ${typeOf(item).name}`);
    return container.includes(item);
  }
  if (container instanceof PyHashed && !container.cls.heap) return container.has(item);
  if ((container instanceof PyList || container instanceof PyTuple) && !container.cls.heap) {
    const items = container.items;
    for (let i = 0; i < items.length; i++) {
      const x = items[i];
      if (x === item || eq(x, item)) return true;
    }
    return false;
  }
  const t = typeOf(container);
  const f = t.lookup('__contains__');
  if (f !== undefined) return truthy(callMethod(f, container, [item]));
  if (t.lookup('__iter__') === undefined && t.lookup('__getitem__') === undefined)
    throw typeError(`argument of type '${t.name}' is not iterable`);
  const it = getIter(container);
  for (;;) {
    const v = next(it);
    if (v === undefined) return false;
    if (v === item || eq(v, item)) return true;
  }
}

// ---------------------------------------------------------------- numbers

/** operator.index(x) → PyInt. */
export function toIndex(x: any): number | bigint {
  if (typeof x === 'number' || typeof x === 'bigint') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof PyBoxed && (typeof x.value === 'number' || typeof x.value === 'bigint')) return x.value;
  const t = typeOf(x);
  const f = t.lookup('__index__');
  if (f === undefined) throw typeError(`'${t.name}' object cannot be interpreted as an integer`);
  const r = callMethod(f, x, []);
  if (typeof r !== 'number' && typeof r !== 'bigint' && typeof r !== 'boolean') throw typeError(`__index__ returned non-int (type ${typeOf(r).name})`);
  return typeof r === 'boolean' ? +r : r;
}

function toIndexValue(x: any, forLen: boolean): number {
  if (typeof x === 'number') return x;
  if (typeof x === 'boolean') return +x;
  if (typeof x === 'bigint') {
    if (forLen) throw newExc(T.OverflowError, 'cannot fit \'int\' into an index-sized integer');
    return Number(x);
  }
  if (forLen && typeOf(x).lookup('__index__') === undefined) throw typeError(`'${typeOf(x).name}' object cannot be interpreted as an integer`);
  return Number(toIndex(x));
}

/** An index that must fit a JS number (list indices, counts). */
export function toSmallIndex(x: any, what = ''): number {
  const v = toIndex(x);
  if (typeof v === 'bigint') throw newExc(T.IndexError, `cannot fit 'int' into an index-sized integer${what}`);
  return v;
}

export { intCompare, intAdd, intSub, intMul };

// ---------------------------------------------------------------- isinstance / issubclass

export function isinstance(x: any, t: PyType): boolean {
  return typeOf(x).isSubtypeOf(t);
}

export function isException(x: any): x is PyBaseException {
  return x instanceof PyBaseException;
}

// Re-exports for convenience.
export { None, Ellipsis, PyNoneType, PyFloat, PyComplex, PyBytes, floatRepr, strRepr, bytesRepr, complexRepr, PySlice, PySuper, PyObject, PySet };
