// tuple, list, dict and set storage. dict and set share one insertion-ordered hash table: keys
// whose equality is plain value equality (str, int, bool, float, identity-hashed objects) live in
// a JS Map under a normalised primitive (so 1, 1.0 and True are one key); all other keys (tuples,
// frozensets, bytes, objects with __eq__/__hash__) go through Python hashing and __eq__.
import { PyFloat, PyComplex } from '../values';
import { PyObject, PyType, T, PyBoxed } from './object';
import { hooks } from './hooks';

export class PyTuple extends PyObject {
  constructor(public items: any[], cls: PyType = T.tuple) {
    super(cls);
  }
}

export class PyList extends PyObject {
  constructor(public items: any[], cls: PyType = T.list) {
    super(cls);
  }
}

const DELETED: unique symbol = Symbol('deleted');

/** Normalised Map key for keys with value-equality semantics, or undefined for the hashed path. */
function fastKey(k: any): any {
  switch (typeof k) {
    case 'string':
    case 'number':
    case 'bigint':
      return k;
    case 'boolean':
      return k ? 1 : 0;
  }
  if (k instanceof PyFloat) {
    const v = k.value;
    if (Number.isInteger(v)) return Number.isSafeInteger(v) ? v : BigInt(v);
    if (v !== v) return k;
    return v;
  }
  if (k instanceof PyBoxed) {
    return typeof k.value === 'object' && !(k.value instanceof PyFloat) ? undefined : undefined;
  }
  if (k instanceof PyComplex) {
    if (k.imag === 0) return fastKey(new PyFloat(k.real));
    return undefined;
  }
  const t: PyType = k.cls;
  if (t === T.tuple || t === T.frozenset || t === T.bytes) return undefined;
  if (hooks.hasIdentityEq(t)) return k;
  return undefined;
}

export class PyHashed extends PyObject {
  keys: any[] = [];
  vals: any[] = [];
  fast = new Map<any, number>();
  slow: Map<number, number[]> | null = null;
  size = 0;
  /** Changes whenever keys are added or removed (iteration guard). */
  version = 0;

  findIndex(k: any): number {
    const fk = fastKey(k);
    if (fk !== undefined) {
      const i = this.fast.get(fk);
      return i === undefined ? -1 : i;
    }
    if (k instanceof PyBoxed) return this.findIndex(k.value);
    if (!this.slow) {
      hooks.hash(k); // unhashable keys raise even when the table has no hashed keys
      return -1;
    }
    const h = hooks.hash(k);
    const bucket = this.slow.get(h);
    if (!bucket) return -1;
    for (let j = 0; j < bucket.length; j++) {
      const idx = bucket[j];
      const kk = this.keys[idx];
      if (kk === k || hooks.eq(kk, k)) return idx;
    }
    return -1;
  }

  getStr(k: string): any {
    const i = this.fast.get(k);
    return i === undefined ? undefined : this.vals[i];
  }

  get(k: any): any {
    if (typeof k === 'string') return this.getStr(k);
    const i = this.findIndex(k);
    return i < 0 ? undefined : this.vals[i];
  }

  has(k: any): boolean {
    return this.findIndex(k) >= 0;
  }

  setStr(k: string, v: any): void {
    const i = this.fast.get(k);
    if (i !== undefined) {
      this.vals[i] = v;
      return;
    }
    this.fast.set(k, this.keys.length);
    this.keys.push(k);
    this.vals.push(v);
    this.size++;
    this.version++;
  }

  set(k: any, v: any): void {
    if (typeof k === 'string') return this.setStr(k, v);
    const fk = fastKey(k);
    if (fk !== undefined) {
      const i = this.fast.get(fk);
      if (i !== undefined) {
        this.vals[i] = v;
        return;
      }
      this.fast.set(fk, this.keys.length);
    } else if (k instanceof PyBoxed && fastKey(k.value) !== undefined) {
      const fk2 = fastKey(k.value);
      const i = this.fast.get(fk2);
      if (i !== undefined) {
        this.vals[i] = v;
        return;
      }
      this.fast.set(fk2, this.keys.length);
    } else {
      const h = hooks.hash(k);
      if (!this.slow) this.slow = new Map();
      let bucket = this.slow.get(h);
      if (bucket) {
        for (let j = 0; j < bucket.length; j++) {
          const idx = bucket[j];
          const kk = this.keys[idx];
          if (kk === k || hooks.eq(kk, k)) {
            this.vals[idx] = v;
            return;
          }
        }
      } else {
        bucket = [];
        this.slow.set(h, bucket);
      }
      bucket.push(this.keys.length);
    }
    this.keys.push(k);
    this.vals.push(v);
    this.size++;
    this.version++;
  }

  /** Removes key k; returns its value or undefined. */
  delete(k: any): any {
    const i = this.findIndex(k);
    if (i < 0) return undefined;
    return this.deleteAt(i);
  }

  deleteAt(i: number): any {
    const k = this.keys[i];
    const v = this.vals[i];
    let fk = fastKey(k);
    if (fk === undefined && k instanceof PyBoxed) fk = fastKey(k.value);
    if (fk !== undefined) this.fast.delete(fk);
    else {
      const h = hooks.hash(k);
      const bucket = this.slow!.get(h)!;
      bucket.splice(bucket.indexOf(i), 1);
      if (bucket.length === 0) this.slow!.delete(h);
    }
    this.keys[i] = DELETED;
    this.vals[i] = undefined;
    this.size--;
    this.version++;
    if (this.keys.length > 32 && this.size < this.keys.length / 2) this.compact();
    return v;
  }

  compact(): void {
    const keys = this.keys;
    const vals = this.vals;
    this.clear();
    for (let i = 0; i < keys.length; i++) if (keys[i] !== DELETED) this.set(keys[i], vals[i]);
  }

  clear(): void {
    this.keys = [];
    this.vals = [];
    this.fast = new Map();
    this.slow = null;
    this.size = 0;
    this.version++;
  }

  /** Live key indices in insertion order. */
  *indices(): Generator<number> {
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== DELETED) yield i;
  }

  keyList(): any[] {
    const out: any[] = [];
    const ks = this.keys;
    for (let i = 0; i < ks.length; i++) if (ks[i] !== DELETED) out.push(ks[i]);
    return out;
  }

  valList(): any[] {
    const out: any[] = [];
    const ks = this.keys;
    for (let i = 0; i < ks.length; i++) if (ks[i] !== DELETED) out.push(this.vals[i]);
    return out;
  }

  isDeleted(i: number): boolean {
    return this.keys[i] === DELETED;
  }
}

export class PyDict extends PyHashed {
  constructor(cls: PyType = T.dict) {
    super(cls);
  }
}

export class PySet extends PyHashed {
  constructor(cls: PyType = T.set) {
    super(cls);
  }
  add(k: any): void {
    this.set(k, true);
  }
}

export function newTuple(items: any[]): PyTuple {
  return new PyTuple(items);
}

export function dictFromEntries(entries: [any, any][]): PyDict {
  const d = new PyDict();
  for (const [k, v] of entries) d.set(k, v);
  return d;
}

T.tuple.alloc = (cls) => new PyTuple([], cls);
T.list.alloc = (cls) => new PyList([], cls);
T.dict.alloc = (cls) => new PyDict(cls);
T.set.alloc = (cls) => new PySet(cls);
T.frozenset.alloc = (cls) => new PySet(cls);
for (const t of [T.tuple, T.list, T.dict, T.set, T.frozenset]) t.solidBase = t;
