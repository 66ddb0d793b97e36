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

/** (size_t)hash & mask for a Python hash given as number or bigint. */
function lowBits(h: any, mask: number): number {
  if (typeof h === 'number' && h >= 0 && h <= 0x7fffffff) return h & mask;
  return Number(BigInt.asUintN(64, BigInt(h)) & BigInt(mask));
}

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
  /**
   * For sets: CPython's open-addressing slot table (key index + 1; 0 empty, -1 dummy), kept only
   * to reproduce CPython's set iteration order. null for dicts (insertion ordered).
   */
  table: Int32Array | null = null;
  fill = 0;

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
    if (this.table !== null) this.tableInsert(this.keys.length - 1);
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
    if (this.table !== null) this.tableInsert(this.keys.length - 1);
  }

  // ---- CPython set table emulation (setobject.c: set_add_entry, set_insert_clean, resize) ----
  tableInsert(idx: number): void {
    const h = hooks.exactHash(this.keys[idx]);
    const table = this.table!;
    const mask = table.length - 1;
    let i = lowBits(h, mask);
    let perturb: bigint | null = null;
    let freeslot = -1;
    for (;;) {
      let probes = i + 9 <= mask ? 9 : 0;
      let j = i;
      do {
        const v = table[j];
        if (v === 0) {
          if (freeslot >= 0) {
            table[freeslot] = idx + 1;
            return;
          }
          table[j] = idx + 1;
          this.fill++;
          if (this.fill * 5 >= mask * 3) this.tableResize(this.size > 50000 ? this.size * 2 : this.size * 4);
          return;
        }
        if (v === -1 && freeslot < 0) freeslot = j;
        j++;
      } while (probes--);
      if (perturb === null) perturb = BigInt.asUintN(64, BigInt(h));
      perturb >>= 5n;
      i = (i * 5 + 1 + Number(perturb & BigInt(mask))) & mask;
    }
  }

  /** set_insert_clean into a table without dummies. */
  static insertClean(table: Int32Array, h: any, val: number): void {
    const mask = table.length - 1;
    let i = lowBits(h, mask);
    let perturb: bigint | null = null;
    for (;;) {
      if (table[i] === 0) {
        table[i] = val;
        return;
      }
      if (i + 9 <= mask) {
        for (let j = 1; j <= 9; j++) {
          if (table[i + j] === 0) {
            table[i + j] = val;
            return;
          }
        }
      }
      if (perturb === null) perturb = BigInt.asUintN(64, BigInt(h));
      perturb >>= 5n;
      i = (i * 5 + 1 + Number(perturb & BigInt(mask))) & mask;
    }
  }

  tableResize(minused: number): void {
    let newsize = 8;
    while (newsize <= minused) newsize <<= 1;
    const old = this.table!;
    const table = new Int32Array(newsize);
    for (let j = 0; j < old.length; j++) {
      const v = old[j];
      if (v > 0) PyHashed.insertClean(table, hooks.exactHash(this.keys[v - 1]), v);
    }
    this.table = table;
    this.fill = this.size;
  }

  /** Key indices in iteration order (table order for sets, insertion order for dicts). */
  order(): number[] {
    const out: number[] = [];
    if (this.table !== null) {
      const t = this.table;
      for (let j = 0; j < t.length; j++) if (t[j] > 0) out.push(t[j] - 1);
      return out;
    }
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== DELETED) out.push(i);
    return out;
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
    if (this.table !== null) {
      const t = this.table;
      for (let j = 0; j < t.length; j++) {
        if (t[j] === i + 1) {
          t[j] = -1;
          break;
        }
      }
    } else if (this.keys.length > 32 && this.size < this.keys.length / 2) this.compact();
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
    if (this.table !== null) {
      this.table = new Int32Array(8);
      this.fill = 0;
    }
  }

  /** Live key indices in iteration order. */
  *indices(): Generator<number> {
    if (this.table !== null) {
      yield* this.order();
      return;
    }
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== DELETED) yield i;
  }

  keyList(): any[] {
    if (this.table !== null) return this.order().map((i) => this.keys[i]);
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
    this.table = new Int32Array(8);
  }
  /** set_merge: adds all of `other` (a set) the way CPython does, preserving its slot layout when it can. */
  merge(other: PySet): void {
    if (other === this || other.size === 0) return;
    if ((this.fill + other.size) * 5 >= (this.table!.length - 1) * 3) this.tableResize((this.size + other.size) * 2);
    const ot = other.table!;
    if (this.fill === 0 && this.table!.length === ot.length && other.fill === other.size) {
      const t = this.table!;
      for (let j = 0; j < ot.length; j++) {
        if (ot[j] > 0) {
          const k = other.keys[ot[j] - 1];
          this.addNoTable(k);
          t[j] = this.keys.length;
        }
      }
      this.fill = this.size;
      return;
    }
    if (this.fill === 0) {
      const t = this.table!;
      for (let j = 0; j < ot.length; j++) {
        if (ot[j] > 0) {
          const k = other.keys[ot[j] - 1];
          this.addNoTable(k);
          PyHashed.insertClean(t, hooks.exactHash(k), this.keys.length);
        }
      }
      this.fill = this.size;
      return;
    }
    for (let j = 0; j < ot.length; j++) if (ot[j] > 0) this.add(other.keys[ot[j] - 1]);
  }
  private addNoTable(k: any): void {
    const t = this.table;
    this.table = null;
    this.set(k, true);
    this.table = t;
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
