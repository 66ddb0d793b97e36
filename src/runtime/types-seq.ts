// list, tuple, range, slice, dict (+ views), set/frozenset and the native iterator types.
import { None, makeInt } from '../values';
import { T, typeOf, PyType, PyObject } from './object';
import { PyTuple, PyList, PyDict, PySet, PyHashed } from './collections';
import { typeError, valueError, indexError, keyError, newExc } from './exceptions';
import { method, staticNative, classMethod, getset } from './func';
import { NotImplemented, PyRange, PySlice } from './misc';
import {
  repr, eq, truthy, toArray, asArray, getIter, next, hash, lessThan, tupleHash, call, toIndex, reprEnter, reprLeave,
  richCompare, contains, len as pyLen,
} from './ops';
import { sliceIndices, sliceArray } from './types-str';
import { PyIter, SeqIter, HashIter, ListRevIter } from './iter';
import { PyBaseException } from './exceptions';
import { newInstance } from './types-object';
import { intAdd, intMul, intSub, intFloorDiv } from './numbers';

function seqRepr(items: any[], open: string, close: string, self: any): string {
  if (!reprEnter(self)) return open + '...' + close;
  try {
    return open + items.map(repr).join(', ') + close;
  } finally {
    reprLeave(self);
  }
}

/** Lexicographic comparison of two item arrays (list/tuple rich compare). */
function seqCompare(a: any[], b: any[], op: number): boolean {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (; i < n; i++) {
    if (a[i] !== b[i] && !eq(a[i], b[i])) break;
  }
  if (i >= n) {
    const la = a.length;
    const lb = b.length;
    return [la < lb, la <= lb, la === lb, la !== lb, la > lb, la >= lb][op];
  }
  if (op === 2) return false;
  if (op === 3) return true;
  return truthy(richCompare(a[i], b[i], op));
}

function repeatCount(x: any): number | undefined {
  if (typeof x === 'number') return x;
  if (typeof x === 'boolean') return +x;
  if (typeof x === 'bigint') throw newExc(T.OverflowError, "cannot fit 'int' into an index-sized integer");
  if (typeOf(x).lookup('__index__') !== undefined) return Number(toIndex(x));
  return undefined;
}

function seqIndex(k: any, kind: string): number {
  if (typeof k === 'number') return k;
  if (typeof k === 'boolean') return +k;
  if (typeOf(k).lookup('__index__') === undefined) throw typeError(`${kind} indices must be integers or slices, not ${typeOf(k).name}`);
  return Number(toIndex(k));
}

// ---------------------------------------------------------------- list
const L = T.list;
method(L, '__len__', (a) => a[0].items.length);
method(L, '__repr__', (a) => seqRepr(a[0].items, '[', ']', a[0]));
method(L, '__iter__', (a) => new SeqIter(a[0], T.list_iterator));
method(L, '__reversed__', (a) => new ListRevIter(a[0]));
method(L, '__contains__', (a) => a[0].items.some((x: any) => x === a[1] || eq(x, a[1])));
method(L, '__getitem__', (a) => {
  const items = a[0].items;
  const k = a[1];
  if (k instanceof PySlice) return new PyList(sliceArray(items, k));
  const i0 = seqIndex(k, 'list');
  const i = i0 < 0 ? i0 + items.length : i0;
  if (i < 0 || i >= items.length) throw indexError('list index out of range');
  return items[i];
});
method(L, '__setitem__', (a) => {
  const lst: PyList = a[0];
  const k = a[1];
  if (k instanceof PySlice) {
    const vals = toArray(a[2]);
    const [start, stop, step, n] = sliceIndices(k, lst.items.length);
    if (step === 1) {
      lst.items.splice(start, Math.max(0, stop - start), ...vals);
      return None;
    }
    if (vals.length !== n) throw valueError(`attempt to assign sequence of size ${vals.length} to extended slice of size ${n}`);
    for (let i = 0, j = start; i < n; i++, j += step) lst.items[j] = vals[i];
    return None;
  }
  const i0 = seqIndex(k, 'list');
  const i = i0 < 0 ? i0 + lst.items.length : i0;
  if (i < 0 || i >= lst.items.length) throw indexError('list assignment index out of range');
  lst.items[i] = a[2];
  return None;
});
method(L, '__delitem__', (a) => {
  const lst: PyList = a[0];
  const k = a[1];
  if (k instanceof PySlice) {
    const [start, stop, step, n] = sliceIndices(k, lst.items.length);
    if (step === 1) lst.items.splice(start, Math.max(0, stop - start));
    else {
      const del = new Set<number>();
      for (let i = 0, j = start; i < n; i++, j += step) del.add(j);
      lst.items = lst.items.filter((_, i) => !del.has(i));
    }
    return None;
  }
  const i0 = seqIndex(k, 'list');
  const i = i0 < 0 ? i0 + lst.items.length : i0;
  if (i < 0 || i >= lst.items.length) throw indexError('list assignment index out of range');
  lst.items.splice(i, 1);
  return None;
});
method(L, '__add__', (a) => {
  if (!(a[1] instanceof PyList) || a[1].cls === T.bytearray) throw typeError(`can only concatenate list (not "${typeOf(a[1]).name}") to list`);
  return new PyList(a[0].items.concat(a[1].items));
});
method(L, '__iadd__', (a) => {
  const xs = toArray(a[1]);
  for (const x of xs) a[0].items.push(x);
  return a[0];
});
method(L, '__mul__', (a) => {
  const n = repeatCount(a[1]);
  if (n === undefined) return NotImplemented;
  const out: any[] = [];
  for (let i = 0; i < n; i++) for (const x of a[0].items) out.push(x);
  return new PyList(out);
});
method(L, '__rmul__', (a) => (L.ns.get('__mul__') as any).fn(a, null));
method(L, '__imul__', (a) => {
  const n = repeatCount(a[1]);
  if (n === undefined) return NotImplemented;
  const items = a[0].items.slice();
  a[0].items.length = 0;
  for (let i = 0; i < n; i++) for (const x of items) a[0].items.push(x);
  return a[0];
});
for (const [i, n] of ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'].entries()) {
  method(L, n, (a) => (a[1] instanceof PyList && a[1].cls !== T.bytearray ? seqCompare(a[0].items, a[1].items, i) : NotImplemented));
  method(T.tuple, n, (a) => (a[1] instanceof PyTuple ? seqCompare(a[0].items, a[1].items, i) : NotImplemented));
}
L.ns.set('__hash__', None);
method(L, 'append', (a) => {
  if (a.length !== 2) throw typeError(`list.append() takes exactly one argument (${a.length - 1} given)`);
  a[0].items.push(a[1]);
  return None;
});
method(L, 'extend', (a) => {
  const xs = toArray(a[1]);
  for (const x of xs) a[0].items.push(x);
  return None;
});
method(L, 'insert', (a) => {
  const items = a[0].items;
  let i = Number(toIndex(a[1]));
  if (i < 0) i = Math.max(0, i + items.length);
  if (i > items.length) i = items.length;
  items.splice(i, 0, a[2]);
  return None;
});
method(L, 'pop', (a) => {
  const items = a[0].items;
  if (items.length === 0) throw indexError('pop from empty list');
  if (a.length < 2) return items.pop();
  const i0 = Number(toIndex(a[1]));
  const i = i0 < 0 ? i0 + items.length : i0;
  if (i < 0 || i >= items.length) throw indexError('pop index out of range');
  return items.splice(i, 1)[0];
});
method(L, 'remove', (a) => {
  const items = a[0].items;
  for (let i = 0; i < items.length; i++) {
    if (items[i] === a[1] || eq(items[i], a[1])) {
      items.splice(i, 1);
      return None;
    }
  }
  throw valueError('list.remove(x): x not in list');
});
function indexMethod(kind: string) {
  return (a: any[]) => {
    const items = a[0].items;
    const n = items.length;
    let start = a.length > 2 ? Number(toIndex(a[2])) : 0;
    let stop = a.length > 3 ? Number(toIndex(a[3])) : n;
    if (start < 0) start = Math.max(0, start + n);
    if (stop < 0) stop = Math.max(0, stop + n);
    for (let i = start; i < Math.min(stop, n); i++) if (items[i] === a[1] || eq(items[i], a[1])) return i;
    throw valueError(kind === 'list' ? `${repr(a[1])} is not in list` : 'tuple.index(x): x not in tuple');
  };
}
method(L, 'index', indexMethod('list'));
method(L, 'count', (a) => a[0].items.filter((x: any) => x === a[1] || eq(x, a[1])).length);
method(L, 'clear', (a) => {
  a[0].items.length = 0;
  return None;
});
method(L, 'copy', (a) => new PyList(a[0].items.slice()));
method(L, 'reverse', (a) => {
  a[0].items.reverse();
  return None;
});
method(L, 'sort', (a, kw) => {
  if (a.length > 1) throw typeError('sort() takes no positional arguments');
  const lst: PyList = a[0];
  const key = kw?.get('key') ?? None;
  const reverse = truthy(kw?.get('reverse') ?? false);
  const items = lst.items;
  lst.items = [];
  try {
    items.splice(0, items.length, ...sortItems(items, key, reverse));
  } finally {
    const modified = lst.items.length !== 0;
    lst.items = items;
    if (modified) throw valueError('list modified during sort');
  }
  return None;
});
/** A stable merge sort using only `<` (as CPython's list.sort does), with key and reverse. */
export function sortItems(items: any[], key: any, reverse: boolean): any[] {
  const keys = key === None ? items : items.map((x) => call(key, [x]));
  const idx = items.map((_, i) => i);
  if (reverse) idx.reverse();
  const lt = (i: number, j: number) => lessThan(keys[i], keys[j]);
  const sorted = mergeSort(idx, lt);
  if (reverse) sorted.reverse();
  return sorted.map((i) => items[i]);
}
function mergeSort(a: number[], lt: (i: number, j: number) => boolean): number[] {
  if (a.length <= 1) return a;
  // Insertion sort for small runs.
  if (a.length <= 16) {
    const r = a.slice();
    for (let i = 1; i < r.length; i++) {
      const x = r[i];
      let j = i - 1;
      while (j >= 0 && lt(x, r[j])) {
        r[j + 1] = r[j];
        j--;
      }
      r[j + 1] = x;
    }
    return r;
  }
  const mid = a.length >> 1;
  const l = mergeSort(a.slice(0, mid), lt);
  const r = mergeSort(a.slice(mid), lt);
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < l.length && j < r.length) {
    if (lt(r[j], l[i])) out.push(r[j++]);
    else out.push(l[i++]);
  }
  while (i < l.length) out.push(l[i++]);
  while (j < r.length) out.push(r[j++]);
  return out;
}
staticNative(L, '__new__', (a) => newInstance(a[0]));
method(L, '__init__', (a) => {
  if (a.length > 2) throw typeError(`list expected at most 1 argument, got ${a.length - 1}`);
  a[0].items = a.length > 1 ? toArray(a[1]) : [];
  return None;
});

// ---------------------------------------------------------------- tuple
const TU = T.tuple;
method(TU, '__len__', (a) => a[0].items.length);
method(TU, '__repr__', (a) => {
  const items = a[0].items;
  if (items.length === 1) return seqRepr(items, '(', ',)', a[0]);
  return seqRepr(items, '(', ')', a[0]);
});
method(TU, '__hash__', (a) => tupleHash(a[0].items));
method(TU, '__iter__', (a) => new SeqIter(a[0], T.tuple_iterator));
method(TU, '__contains__', (a) => a[0].items.some((x: any) => x === a[1] || eq(x, a[1])));
method(TU, '__getitem__', (a) => {
  const items = a[0].items;
  const k = a[1];
  if (k instanceof PySlice) return new PyTuple(sliceArray(items, k));
  const i0 = seqIndex(k, 'tuple');
  const i = i0 < 0 ? i0 + items.length : i0;
  if (i < 0 || i >= items.length) throw indexError('tuple index out of range');
  return items[i];
});
method(TU, '__add__', (a) => {
  if (!(a[1] instanceof PyTuple)) throw typeError(`can only concatenate tuple (not "${typeOf(a[1]).name}") to tuple`);
  return new PyTuple(a[0].items.concat(a[1].items));
});
method(TU, '__mul__', (a) => {
  const n = repeatCount(a[1]);
  if (n === undefined) return NotImplemented;
  const out: any[] = [];
  for (let i = 0; i < n; i++) for (const x of a[0].items) out.push(x);
  return new PyTuple(out);
});
method(TU, '__rmul__', (a) => (TU.ns.get('__mul__') as any).fn(a, null));
method(TU, 'index', indexMethod('tuple'));
method(TU, 'count', (a) => a[0].items.filter((x: any) => x === a[1] || eq(x, a[1])).length);
method(TU, '__getnewargs__', (a) => new PyTuple([new PyTuple(a[0].items)]));
staticNative(TU, '__new__', (a) => {
  const cls: PyType = a[0];
  if (a.length > 2) throw typeError(`tuple expected at most 1 argument, got ${a.length - 1}`);
  const items = a.length > 1 ? toArray(a[1]) : [];
  if (cls === TU) return new PyTuple(items);
  const t = newInstance(cls) as PyTuple;
  t.items = items;
  return t;
});

// ---------------------------------------------------------------- range
const R = T.range;
staticNative(R, '__new__', (a) => {
  const n = a.length - 1;
  if (n < 1) throw typeError('range expected at least 1 argument, got 0');
  if (n > 3) throw typeError(`range expected at most 3 arguments, got ${n}`);
  const v = a.slice(1).map((x) => toIndex(x));
  const [start, stop, step] = n === 1 ? [0, v[0], 1] : [v[0], v[1], n === 3 ? v[2] : 1];
  if (step === 0 || step === 0n) throw valueError('range() arg 3 must not be zero');
  return new PyRange(start, stop, step);
});
method(R, '__len__', (a) => {
  const n = a[0].length;
  if (typeof n === 'bigint') throw newExc(T.OverflowError, 'Python int too large to convert to C ssize_t');
  return n;
});
method(R, '__repr__', (a) => {
  const r: PyRange = a[0];
  return r.step === 1 ? `range(${r.start}, ${r.stop})` : `range(${r.start}, ${r.stop}, ${r.step})`;
});
method(R, '__iter__', (a) => getIter(a[0]));
method(R, '__reversed__', (a) => {
  const r: PyRange = a[0];
  const n = r.length;
  const last = intAdd(r.start, intMul(intSub(n, 1), r.step));
  return getIter(new PyRange(last, intSub(r.start, r.step), intMul(r.step, -1) as any));
});
function rangeItem(r: PyRange, i: any): any {
  return intAdd(r.start, intMul(i, r.step));
}
method(R, '__getitem__', (a) => {
  const r: PyRange = a[0];
  const k = a[1];
  const n = r.length;
  if (k instanceof PySlice) {
    const [start, stop, step] = sliceIndices(k, Number(n));
    return new PyRange(rangeItem(r, start), rangeItem(r, stop), intMul(r.step, step) as any);
  }
  let i = toIndex(k);
  if (i < 0) i = intAdd(i, n);
  if (i < 0 || i >= n) throw indexError('range object index out of range');
  return rangeItem(r, i);
});
method(R, '__contains__', (a) => {
  const r: PyRange = a[0];
  const x = a[1];
  if (typeof x !== 'number' && typeof x !== 'bigint' && typeof x !== 'boolean') {
    const it = getIter(r);
    for (let v = next(it); v !== undefined; v = next(it)) if (eq(v, x)) return true;
    return false;
  }
  const v = typeof x === 'boolean' ? +x : x;
  const st = r.step;
  if (st > 0 ? v < r.start || v >= r.stop : v > r.start || v <= r.stop) return false;
  const d = intSub(v, r.start);
  return intSub(d, intMul(intFloorDiv(d, st), st)) === 0;
});
method(R, 'index', (a) => {
  const r: PyRange = a[0];
  if (!truthy((R.ns.get('__contains__') as any).fn(a, null))) throw valueError(`${repr(a[1])} is not in range`);
  return intFloorDiv(intSub(a[1], r.start), r.step);
});
method(R, 'count', (a) => ((R.ns.get('__contains__') as any).fn(a, null) ? 1 : 0));
method(R, '__eq__', (a) => {
  const x: PyRange = a[0];
  const y = a[1];
  if (!(y instanceof PyRange)) return NotImplemented;
  const nx = x.length;
  const ny = y.length;
  if (nx !== ny) return false;
  if (nx === 0) return true;
  if (x.start !== y.start) return false;
  return nx === 1 || x.step === y.step;
});
method(R, '__hash__', (a) => tupleHash([a[0].length, a[0].start, a[0].step]));
method(R, '__bool__', (a) => a[0].length !== 0);
getset(R, 'start', (r: PyRange) => r.start);
getset(R, 'stop', (r: PyRange) => r.stop);
getset(R, 'step', (r: PyRange) => r.step);

// ---------------------------------------------------------------- slice
staticNative(T.slice, '__new__', (a) => {
  const n = a.length - 1;
  if (n === 1) return new PySlice(None, a[1], None);
  if (n === 2) return new PySlice(a[1], a[2], None);
  if (n === 3) return new PySlice(a[1], a[2], a[3]);
  throw typeError(`slice expected at least 1 argument, got ${n}`);
});
method(T.slice, '__repr__', (a) => `slice(${repr(a[0].start)}, ${repr(a[0].stop)}, ${repr(a[0].step)})`);
getset(T.slice, 'start', (s: PySlice) => s.start);
getset(T.slice, 'stop', (s: PySlice) => s.stop);
getset(T.slice, 'step', (s: PySlice) => s.step);
method(T.slice, 'indices', (a) => {
  const [start, stop, step] = sliceIndices(a[0], Number(toIndex(a[1])));
  return new PyTuple([start, stop, step]);
});
method(T.slice, '__eq__', (a) => (a[1] instanceof PySlice ? eq(new PyTuple([a[0].start, a[0].stop, a[0].step]), new PyTuple([a[1].start, a[1].stop, a[1].step])) : NotImplemented));
T.slice.ns.set('__hash__', None);

// ---------------------------------------------------------------- dict
const D = T.dict;
export function dictRepr(d: PyHashed): string {
  if (!reprEnter(d)) return '{...}';
  try {
    const parts: string[] = [];
    for (const i of d.indices()) parts.push(`${repr(d.keys[i])}: ${repr(d.vals[i])}`);
    return '{' + parts.join(', ') + '}';
  } finally {
    reprLeave(d);
  }
}
method(D, '__repr__', (a) => dictRepr(a[0]));
method(D, '__len__', (a) => a[0].size);
method(D, '__iter__', (a) => new HashIter(a[0], 0, T.dict_keyiterator));
method(D, '__reversed__', (a) => new SeqIter(new PyList(a[0].keyList().reverse()), T.dict_keyiterator));
method(D, '__contains__', (a) => a[0].has(a[1]));
method(D, '__getitem__', (a) => {
  const d: PyDict = a[0];
  const v = d.get(a[1]);
  if (v !== undefined) return v;
  if (d.cls !== D) {
    const miss = d.cls.lookup('__missing__');
    if (miss !== undefined) return call(miss, [d, a[1]]);
  }
  throw keyError(a[1]);
});
method(D, '__setitem__', (a) => {
  a[0].set(a[1], a[2]);
  return None;
});
method(D, '__delitem__', (a) => {
  if (a[0].delete(a[1]) === undefined) throw keyError(a[1]);
  return None;
});
D.ns.set('__hash__', None);
method(D, '__eq__', (a) => {
  const x: PyDict = a[0];
  const y = a[1];
  if (!(y instanceof PyDict)) return NotImplemented;
  if (x.size !== y.size) return false;
  for (const i of x.indices()) {
    const v = y.get(x.keys[i]);
    if (v === undefined) return false;
    if (v !== x.vals[i] && !eq(x.vals[i], v)) return false;
  }
  return true;
});
method(D, '__ne__', (a) => {
  const r = (D.ns.get('__eq__') as any).fn(a, null);
  return r === NotImplemented ? r : !r;
});
method(D, '__or__', (a) => {
  if (!(a[1] instanceof PyDict)) return NotImplemented;
  const d = copyDict(a[0]);
  for (const i of a[1].indices()) d.set(a[1].keys[i], a[1].vals[i]);
  return d;
});
method(D, '__ior__', (a) => {
  dictUpdate(a[0], a[1], null);
  return a[0];
});
function copyDict(src: PyHashed): PyDict {
  const d = new PyDict();
  for (const i of src.indices()) d.set(src.keys[i], src.vals[i]);
  return d;
}
export function dictUpdate(d: PyDict, src: any, kw: Map<string, any> | null): void {
  if (src !== undefined) {
    if (src instanceof PyDict) {
      for (const i of src.indices()) d.set(src.keys[i], src.vals[i]);
    } else if (typeOf(src).lookup('keys') !== undefined) {
      const ks = toArray(call(getattrLate(src, 'keys'), []));
      for (const k of ks) d.set(k, getitemLate(src, k));
    } else {
      const it = getIter(src);
      let idx = 0;
      for (let x = next(it); x !== undefined; x = next(it), idx++) {
        let pair: any[];
        try {
          pair = toArray(x);
        } catch (e) {
          if (e instanceof PyBaseException && e.cls.isSubtypeOf(T.TypeError))
            throw typeError(`cannot convert dictionary update sequence element #${idx} to a sequence`);
          throw e;
        }
        if (pair.length !== 2) throw valueError(`dictionary update sequence element #${idx} has length ${pair.length}; 2 is required`);
        d.set(pair[0], pair[1]);
      }
    }
  }
  if (kw) for (const [k, v] of kw) d.set(k, v);
}
import { getattr as getattrLate, getitem as getitemLate } from './ops';
staticNative(D, '__new__', (a) => newInstance(a[0]));
method(D, '__init__', (a, kw) => {
  if (a.length > 2) throw typeError(`dict expected at most 1 argument, got ${a.length - 1}`);
  dictUpdate(a[0], a[1], kw);
  return None;
});
method(D, 'update', (a, kw) => {
  dictUpdate(a[0], a[1], kw);
  return None;
});
method(D, 'get', (a) => {
  if (a.length < 2) throw typeError(`get expected at least 1 argument, got 0`);
  const v = a[0].get(a[1]);
  return v === undefined ? (a.length > 2 ? a[2] : None) : v;
});
method(D, 'setdefault', (a) => {
  const v = a[0].get(a[1]);
  if (v !== undefined) return v;
  const dv = a.length > 2 ? a[2] : None;
  a[0].set(a[1], dv);
  return dv;
});
method(D, 'pop', (a) => {
  const v = a[0].delete(a[1]);
  if (v !== undefined) return v;
  if (a.length > 2) return a[2];
  throw keyError(a[1]);
});
method(D, 'popitem', (a) => {
  const d: PyDict = a[0];
  for (let i = d.keys.length - 1; i >= 0; i--) {
    if (!d.isDeleted(i)) {
      const k = d.keys[i];
      const v = d.deleteAt(i);
      return new PyTuple([k, v]);
    }
  }
  throw keyError('popitem(): dictionary is empty');
});
method(D, 'clear', (a) => {
  a[0].clear();
  return None;
});
method(D, 'copy', (a) => copyDict(a[0]));
classMethod(D, 'fromkeys', (a) => {
  const d = call(a[0], []);
  const v = a.length > 2 ? a[2] : None;
  for (const k of toArray(a[1])) d.set(k, v);
  return d;
});

/** dict_keys / dict_values / dict_items views. */
export class PyDictView extends PyObject {
  constructor(public d: PyDict, public kind: number) {
    super([T.dict_keys, T.dict_values, T.dict_items][kind]);
  }
}
method(D, 'keys', (a) => new PyDictView(a[0], 0));
method(D, 'values', (a) => new PyDictView(a[0], 1));
method(D, 'items', (a) => new PyDictView(a[0], 2));
for (const [k, vt] of [[0, T.dict_keys], [1, T.dict_values], [2, T.dict_items]] as const) {
  const itType = [T.dict_keyiterator, T.dict_valueiterator, T.dict_itemiterator][k];
  method(vt, '__iter__', (a) => new HashIter(a[0].d, k, itType));
  method(vt, '__len__', (a) => a[0].d.size);
  method(vt, '__reversed__', (a) => {
    const d: PyDict = a[0].d;
    const items = [...d.indices()].reverse().map((i) => (k === 0 ? d.keys[i] : k === 1 ? d.vals[i] : new PyTuple([d.keys[i], d.vals[i]])));
    return new SeqIter(new PyList(items), itType);
  });
  method(vt, '__repr__', (a) => {
    const d: PyDict = a[0].d;
    const items = toArray(new HashIter(d, k, itType));
    return `${vt.name}(${seqRepr(items, '[', ']', a[0])})`;
  });
  method(vt, '__contains__', (a) => {
    const d: PyDict = a[0].d;
    if (k === 0) return d.has(a[1]);
    if (k === 2) {
      if (!(a[1] instanceof PyTuple) || a[1].items.length !== 2) return false;
      const v = d.get(a[1].items[0]);
      return v !== undefined && (v === a[1].items[1] || eq(v, a[1].items[1]));
    }
    return d.valList().some((v) => v === a[1] || eq(v, a[1]));
  });
  if (k !== 1) {
    const asSet = (x: any) => {
      const s = new PySet();
      for (const v of toArray(x)) s.add(v);
      return s;
    };
    for (const op of ['__and__', '__or__', '__sub__', '__xor__', '__eq__', '__ne__', '__lt__', '__le__', '__gt__', '__ge__', '__rand__', '__ror__', '__rsub__', '__rxor__']) {
      method(vt, op, (a) => {
        const sm = T.set.ns.get(op) as any;
        const other = a[1];
        if (other instanceof PyDictView || other instanceof PySet || typeOf(other).lookup('__iter__') !== undefined)
          return sm.fn([asSet(a[0]), other instanceof PySet ? other : asSet(other)], null);
        return NotImplemented;
      });
    }
    method(vt, 'isdisjoint', (a) => !toArray(a[1]).some((x) => contains(a[0], x)));
  }
}

// ---------------------------------------------------------------- set / frozenset
// The algorithms follow setobject.c step by step so that results iterate in CPython's order.
function newSet(cls: PyType): PySet {
  return new PySet(cls.isSubtypeOf(T.frozenset) ? T.frozenset : T.set);
}
/** set_update_internal */
function setUpdate(s: PySet, other: any): void {
  if (other instanceof PySet) {
    s.merge(other);
    return;
  }
  if (other instanceof PyDict) {
    for (const i of other.indices()) s.add(other.keys[i]);
    return;
  }
  const it = getIter(other);
  for (let x = next(it); x !== undefined; x = next(it)) s.add(x);
}
function setCopy(s: PySet, cls: PyType = s.cls): PySet {
  const r = newSet(cls);
  setUpdate(r, s);
  return r;
}
function setOf(items: any[], cls: PyType = T.set): PySet {
  const s = new PySet(cls);
  for (const x of items) s.add(x);
  return s;
}
function asSetArg(x: any): PySet {
  if (x instanceof PySet) return x;
  const s = new PySet();
  setUpdate(s, x);
  return s;
}
function setIntersection(so: PySet, other: any, cls: PyType): PySet {
  const result = newSet(cls);
  if (other instanceof PySet) {
    let a = so;
    let b = other;
    if (b.size > a.size) [a, b] = [b, a];
    for (const k of b.keyList()) if (a.has(k)) result.add(k);
    return result;
  }
  const it = getIter(other);
  for (let k = next(it); k !== undefined; k = next(it)) if (so.has(k)) result.add(k);
  return result;
}
function setDifference(so: PySet, other: any, cls: PyType): PySet {
  let otherSize: number;
  if (other instanceof PySet || other instanceof PyDict) otherSize = other.size;
  else {
    const r = setCopy(so, cls);
    for (const k of toArray(other)) r.delete(k);
    return r;
  }
  if (so.size >> 2 > otherSize) {
    const r = setCopy(so, cls);
    for (const k of other.keyList()) r.delete(k);
    return r;
  }
  const result = newSet(cls);
  for (const k of so.keyList()) if (!other.has(k)) result.add(k);
  return result;
}
function setSymDiffUpdate(so: PySet, other: any): void {
  const o = other instanceof PySet ? other : asSetArg(other);
  if (o === so) {
    so.clear();
    return;
  }
  for (const k of o.keyList()) {
    if (so.has(k)) so.delete(k);
    else so.add(k);
  }
}
function setSymDiff(so: PySet, other: any, cls: PyType): PySet {
  const r = newSet(cls);
  setUpdate(r, other);
  setSymDiffUpdate(r, so);
  return r;
}
function setRepr(s: PySet): string {
  const t = s.cls;
  if (s.size === 0) return `${t.name}()`;
  if (!reprEnter(s)) return `${t.name}(...)`;
  try {
    const body = '{' + s.keyList().map(repr).join(', ') + '}';
    return t === T.set ? body : `${t.name}(${body})`;
  } finally {
    reprLeave(s);
  }
}
for (const S of [T.set, T.frozenset]) {
  method(S, '__repr__', (a) => setRepr(a[0]));
  method(S, '__len__', (a) => a[0].size);
  method(S, '__iter__', (a) => new HashIter(a[0], 0, T.set_iterator));
  method(S, '__contains__', (a) => {
    const x = a[1];
    if (x instanceof PySet && x.cls === T.set) return a[0].has(setOf(x.keyList(), T.frozenset));
    return a[0].has(x);
  });
  const binop = (name: string, f: (x: PySet, y: PySet) => any) => {
    method(S, name, (a) => (a[1] instanceof PySet ? f(a[0], a[1]) : NotImplemented));
  };
  binop('__or__', (x, y) => {
    const r = setCopy(x);
    setUpdate(r, y);
    return r;
  });
  binop('__ror__', (x, y) => {
    const r = setCopy(y);
    setUpdate(r, x);
    return r;
  });
  binop('__and__', (x, y) => setIntersection(x, y, x.cls));
  binop('__rand__', (x, y) => setIntersection(y, x, y.cls));
  binop('__sub__', (x, y) => setDifference(x, y, x.cls));
  binop('__rsub__', (x, y) => setDifference(y, x, y.cls));
  binop('__xor__', (x, y) => setSymDiff(x, y, x.cls));
  binop('__rxor__', (x, y) => setSymDiff(y, x, y.cls));
  const subset = (x: PySet, y: PySet) => x.size <= y.size && x.keyList().every((k) => y.has(k));
  binop('__le__', (x, y) => subset(x, y));
  binop('__lt__', (x, y) => x.size < y.size && subset(x, y));
  binop('__ge__', (x, y) => subset(y, x));
  binop('__gt__', (x, y) => x.size > y.size && subset(y, x));
  binop('__eq__', (x, y) => x.size === y.size && subset(x, y));
  binop('__ne__', (x, y) => !(x.size === y.size && subset(x, y)));
  method(S, 'union', (a) => {
    const r = setCopy(a[0]);
    for (const o of a.slice(1)) setUpdate(r, o);
    return r;
  });
  method(S, 'intersection', (a) => {
    let r: PySet = a.length === 1 ? setCopy(a[0]) : a[0];
    for (const o of a.slice(1)) r = setIntersection(r, o, a[0].cls);
    return r;
  });
  method(S, 'difference', (a) => {
    let r: PySet = a.length === 1 ? setCopy(a[0]) : a[0];
    for (const o of a.slice(1)) r = setDifference(r, o, a[0].cls);
    return r;
  });
  method(S, 'symmetric_difference', (a) => setSymDiff(a[0], a[1], a[0].cls));
  method(S, 'issubset', (a) => subset(a[0], asSetArg(a[1])));
  method(S, 'issuperset', (a) => subset(asSetArg(a[1]), a[0]));
  method(S, 'isdisjoint', (a) => !toArray(a[1]).some((k) => a[0].has(k)));
  method(S, 'copy', (a) => (a[0].cls === T.frozenset ? a[0] : setCopy(a[0])));
}
T.set.ns.set('__hash__', None);
method(T.frozenset, '__hash__', (a) => {
  // frozenset_hash (setobject.c): shuffle each member's hash, xor them, then mix.
  const M = (1n << 64n) - 1n;
  let h = 0n;
  for (const k of a[0].keyList()) {
    const x = BigInt.asUintN(64, BigInt(hash(k)));
    h ^= (((x ^ 89869747n) ^ ((x << 16n) & M)) * 3644798167n) & M;
  }
  if ((a[0].size & 1) !== 0) h ^= 0n;
  h ^= (BigInt(a[0].size) + 1n) * 1927868237n & M;
  h = (h ^ (h >> 11n) ^ (h >> 25n)) & M;
  h = (h * 69069n + 907133923n) & M;
  let r = BigInt.asIntN(64, h);
  if (r === -1n) r = 590923713n;
  return r >= -9007199254740991n && r <= 9007199254740991n ? Number(r) : r;
});
staticNative(T.set, '__new__', (a) => newInstance(a[0]));
method(T.set, '__init__', (a) => {
  const s: PySet = a[0];
  s.clear();
  if (a.length > 1) setUpdate(s, a[1]);
  return None;
});
staticNative(T.frozenset, '__new__', (a) => {
  const s = newInstance(a[0]) as PySet;
  if (a.length > 1) setUpdate(s, a[1]);
  return s;
});
const ST = T.set;
method(ST, 'add', (a) => {
  a[0].add(a[1]);
  return None;
});
method(ST, 'discard', (a) => {
  a[0].delete(a[1]);
  return None;
});
method(ST, 'remove', (a) => {
  if (a[0].delete(a[1]) === undefined) throw keyError(a[1]);
  return None;
});
method(ST, 'pop', (a) => {
  const s: PySet = a[0];
  const order = s.order();
  if (order.length === 0) throw keyError('pop from an empty set');
  const k = s.keys[order[0]];
  s.deleteAt(order[0]);
  return k;
});
method(ST, 'clear', (a) => {
  a[0].clear();
  return None;
});
method(ST, 'update', (a) => {
  for (const o of a.slice(1)) setUpdate(a[0], o);
  return None;
});
/** Replaces s's contents (and table layout) with r's, as set_swap_bodies does. */
function swapBodies(s: PySet, r: PySet): void {
  s.keys = r.keys;
  s.vals = r.vals;
  s.fast = r.fast;
  s.slow = r.slow;
  s.size = r.size;
  s.table = r.table;
  s.fill = r.fill;
  s.version++;
}
method(ST, '__ior__', (a) => {
  if (!(a[1] instanceof PySet)) return NotImplemented;
  setUpdate(a[0], a[1]);
  return a[0];
});
method(ST, '__iand__', (a) => {
  if (!(a[1] instanceof PySet)) return NotImplemented;
  swapBodies(a[0], setIntersection(a[0], a[1], T.set));
  return a[0];
});
method(ST, '__isub__', (a) => {
  if (!(a[1] instanceof PySet)) return NotImplemented;
  for (const k of a[1].keyList()) a[0].delete(k);
  return a[0];
});
method(ST, '__ixor__', (a) => {
  if (!(a[1] instanceof PySet)) return NotImplemented;
  setSymDiffUpdate(a[0], a[1]);
  return a[0];
});
method(ST, 'intersection_update', (a) => {
  let r: PySet = a[0];
  for (const o of a.slice(1)) r = setIntersection(r, o, T.set);
  swapBodies(a[0], r);
  return None;
});
method(ST, 'difference_update', (a) => {
  for (const o of a.slice(1)) for (const k of toArray(o)) a[0].delete(k);
  return None;
});
method(ST, 'symmetric_difference_update', (a) => {
  setSymDiffUpdate(a[0], a[1]);
  return None;
});

// ---------------------------------------------------------------- native iterators
for (const t of [T.list_iterator, T.tuple_iterator, T.range_iterator, T.str_ascii_iterator, T.dict_keyiterator,
  T.dict_valueiterator, T.dict_itemiterator, T.set_iterator, T.iterator, T.callable_iterator, T.bytes_iterator,
  T.list_reverseiterator, T.enumerate, T.zip, T.map, T.filter, T.reversed, T.generic_iterator]) {
  method(t, '__iter__', (a) => a[0]);
  method(t, '__next__', (a) => {
    const v = (a[0] as PyIter).next();
    if (v === undefined) throw newExc(T.StopIteration);
    return v;
  });
  method(t, '__length_hint__', (a) => {
    const it = a[0];
    if (it instanceof SeqIter) return Math.max(0, it.seq.items.length - it.i);
    return 0;
  });
}

export { makeInt, pyLen, asArray };

// mappingproxy (type.__dict__): a read-only dict snapshot.
for (const n of ['__getitem__', '__contains__', '__iter__', '__len__', 'keys', 'values', 'items', 'get', 'copy', '__eq__']) {
  T.mappingproxy.ns.set(n, D.ns.get(n));
}
method(T.mappingproxy, '__repr__', (a) => `mappingproxy(${dictRepr(a[0])})`);

// bytearray shares list's mutating methods (its items are byte values).
for (const n of ['append', 'extend', 'pop', 'insert', 'remove', 'reverse', 'clear', '__setitem__', '__delitem__', '__iter__', '__contains__', 'count', 'index']) {
  T.bytearray.ns.set(n, L.ns.get(n));
}
