// Native iterators. Each has next(): the next value, or undefined when exhausted (undefined is never
// a Python value in pyvm, so it serves as the "stop" sentinel without raising StopIteration).
import { PyObject, PyType, T } from './object';
import { PyHashed, PyList, PyTuple } from './collections';
import { runtimeError } from './exceptions';

export abstract class PyIter extends PyObject {
  abstract next(): any;
}

export class SeqIter extends PyIter {
  i = 0;
  constructor(public seq: PyList | PyTuple, cls: PyType) {
    super(cls);
  }
  next(): any {
    const items = this.seq.items;
    if (this.i < items.length) return items[this.i++];
    this.i = Infinity;
    return undefined;
  }
}

export class ListRevIter extends PyIter {
  i: number;
  constructor(public seq: PyList) {
    super(T.list_reverseiterator);
    this.i = seq.items.length - 1;
  }
  next(): any {
    const items = this.seq.items;
    if (this.i >= 0 && this.i < items.length) return items[this.i--];
    this.i = -1;
    return undefined;
  }
}

export class RangeIter extends PyIter {
  constructor(public cur: number, public stop: number, public step: number) {
    super(T.range_iterator);
  }
  next(): any {
    const c = this.cur;
    if (this.step > 0 ? c < this.stop : c > this.stop) {
      this.cur = c + this.step;
      return c;
    }
    return undefined;
  }
}

/** Iterates a range whose bounds are bigints. */
export class BigRangeIter extends PyIter {
  constructor(public cur: bigint, public stop: bigint, public step: bigint) {
    super(T.range_iterator);
  }
  next(): any {
    const c = this.cur;
    if (this.step > 0n ? c < this.stop : c > this.stop) {
      this.cur = c + this.step;
      return c >= -9007199254740991n && c <= 9007199254740991n ? Number(c) : c;
    }
    return undefined;
  }
}

export class StrIter extends PyIter {
  i = 0;
  constructor(public s: string) {
    super(T.str_ascii_iterator);
  }
  next(): any {
    const s = this.s;
    if (this.i >= s.length) return undefined;
    const c = s.charCodeAt(this.i);
    if (c >= 0xd800 && c < 0xdc00 && this.i + 1 < s.length) {
      const d = s.charCodeAt(this.i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        this.i += 2;
        return s.slice(this.i - 2, this.i);
      }
    }
    return s[this.i++];
  }
}

export class BytesIter extends PyIter {
  i = 0;
  constructor(public b: Uint8Array) {
    super(T.bytes_iterator);
  }
  next(): any {
    return this.i < this.b.length ? this.b[this.i++] : undefined;
  }
}

/** Iterates dict keys (0), values (1), items (2), or set members (0). */
export class HashIter extends PyIter {
  i = 0;
  version: number;
  size: number;
  constructor(public d: PyHashed, public kind: number, cls: PyType) {
    super(cls);
    this.version = d.version;
    this.size = d.size;
  }
  next(): any {
    const d = this.d;
    if (d.version !== this.version) {
      this.version = -1;
      const what = d.cls.isSubtypeOf(T.dict) ? 'dictionary' : 'Set';
      throw runtimeError(d.size !== this.size ? `${what} changed size during iteration` : `${what} keys changed during iteration`);
    }
    const keys = d.keys;
    const table = d.table;
    if (table !== null) {
      while (this.i < table.length) {
        const v = table[this.i++];
        if (v > 0) return keys[v - 1];
      }
      return undefined;
    }
    while (this.i < keys.length) {
      const i = this.i++;
      if (d.isDeleted(i)) continue;
      if (this.kind === 0) return keys[i];
      if (this.kind === 1) return d.vals[i];
      return new PyTuple([keys[i], d.vals[i]]);
    }
    return undefined;
  }
}

/** Wraps a JS iterator function (used by enumerate, zip, map, filter, ...). */
export class FnIter extends PyIter {
  constructor(public fn: () => any, cls: PyType) {
    super(cls);
  }
  next(): any {
    return this.fn();
  }
}
