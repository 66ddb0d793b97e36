// The marshal writer: data CPython's marshal.loads accepts for our values (needed for
// marshal.dumps of code objects), and .pyc images.
import { PyBytes, PyComplex, PyEllipsisType, PyFloat, PyNoneType } from '../values';
import { CodeObject, ConstFrozenset, ConstTuple } from './code';
import {
  MarshalDict,
  MarshalError,
  MarshalList,
  MarshalSet,
  MarshalStopIteration,
  MAX_MARSHAL_STACK_DEPTH,
  T,
  type MarshalValue,
} from './marshal-format';
import { PYC_MAGIC } from './marshal-read';
import { encodeUtf8Surrogatepass } from './utf8';

class Writer {
  private buf = new Uint8Array(1024);
  private len = 0;
  private depth = 0;

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.buf.subarray(0, this.len));
    this.buf = bigger;
  }
  byte(b: number): void {
    this.room(1);
    this.buf[this.len++] = b;
  }
  int32(v: number): void {
    this.room(4);
    new DataView(this.buf.buffer).setInt32(this.len, v, true);
    this.len += 4;
  }
  float64(v: number): void {
    this.room(8);
    new DataView(this.buf.buffer).setFloat64(this.len, v, true);
    this.len += 8;
  }
  raw(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }
  bytesObject(b: Uint8Array): void {
    this.byte(T.STRING);
    this.int32(b.length);
    this.raw(b);
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.len);
  }

  private int(v: number | bigint): void {
    if (typeof v === 'number' && v >= -0x80000000 && v <= 0x7fffffff) {
      this.byte(T.INT);
      this.int32(v);
      return;
    }
    // 'l': signed count of 15-bit digits, least significant first.
    let mag = BigInt(v);
    const neg = mag < 0n;
    if (neg) mag = -mag;
    const digits: number[] = [];
    while (mag > 0n) {
      digits.push(Number(mag & 0x7fffn));
      mag >>= 15n;
    }
    this.byte(T.LONG);
    this.int32(neg ? -digits.length : digits.length);
    this.room(digits.length * 2);
    const view = new DataView(this.buf.buffer);
    for (const d of digits) {
      view.setUint16(this.len, d, true);
      this.len += 2;
    }
  }

  private str(s: string): void {
    let ascii = true;
    for (let i = 0; i < s.length; i++) {
      if (s.charCodeAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      if (s.length < 256) {
        this.byte(T.SHORT_ASCII);
        this.byte(s.length);
      } else {
        this.byte(T.ASCII);
        this.int32(s.length);
      }
      this.room(s.length);
      for (let i = 0; i < s.length; i++) this.buf[this.len++] = s.charCodeAt(i);
      return;
    }
    const b = encodeUtf8Surrogatepass(s);
    this.byte(T.UNICODE);
    this.int32(b.length);
    this.raw(b);
  }

  private sequence(type: number, items: readonly MarshalValue[]): void {
    this.byte(type);
    this.int32(items.length);
    for (const x of items) this.value(x);
  }

  /** Sets are written with elements sorted by their marshalled bytes, as CPython does. */
  private set(type: number, items: readonly MarshalValue[]): void {
    const encoded = items.map((x) => dumpMarshal(x));
    encoded.sort((a, b) => {
      const n = Math.min(a.length, b.length);
      for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
      return a.length - b.length;
    });
    this.byte(type);
    this.int32(items.length);
    for (const e of encoded) this.raw(e);
  }

  value(v: MarshalValue): void {
    if (++this.depth > MAX_MARSHAL_STACK_DEPTH) throw new MarshalError('ValueError', 'object too deeply nested to marshal');
    try {
      this.valueBody(v);
    } finally {
      this.depth--;
    }
  }

  private valueBody(v: MarshalValue): void {
    switch (typeof v) {
      case 'number':
      case 'bigint':
        return this.int(v);
      case 'boolean':
        return this.byte(v ? T.TRUE : T.FALSE);
      case 'string':
        return this.str(v);
    }
    if (v instanceof PyNoneType) return this.byte(T.NONE);
    if (v instanceof PyEllipsisType) return this.byte(T.ELLIPSIS);
    if (v instanceof MarshalStopIteration) return this.byte(T.STOPITER);
    if (v instanceof PyFloat) {
      this.byte(T.BINARY_FLOAT);
      return this.float64(v.value);
    }
    if (v instanceof PyComplex) {
      this.byte(T.BINARY_COMPLEX);
      this.float64(v.real);
      return this.float64(v.imag);
    }
    if (v instanceof PyBytes) return this.bytesObject(v.bytes);
    if (v instanceof ConstTuple) {
      if (v.items.length < 256) {
        this.byte(T.SMALL_TUPLE);
        this.byte(v.items.length);
        for (const x of v.items) this.value(x);
        return;
      }
      return this.sequence(T.TUPLE, v.items);
    }
    // Re-adding the items in their insertion order reproduces the same iteration order.
    if (v instanceof ConstFrozenset) return this.sequence(T.FROZENSET, v.insertionOrder);
    if (v instanceof MarshalSet) return this.set(T.SET, v.items);
    if (v instanceof MarshalList) return this.sequence(T.LIST, v.items);
    if (v instanceof MarshalDict) {
      this.byte(T.DICT);
      for (const [k, x] of v.entries) {
        this.value(k);
        this.value(x);
      }
      return this.byte(T.NULL);
    }
    if (v instanceof CodeObject) return this.code(v);
    throw new MarshalError('ValueError', 'unmarshallable object');
  }

  private code(co: CodeObject): void {
    this.byte(T.CODE);
    this.int32(co.co_argcount);
    this.int32(co.co_posonlyargcount);
    this.int32(co.co_kwonlyargcount);
    this.int32(co.co_stacksize);
    this.int32(co.co_flags);
    this.bytesObject(co.co_code);
    this.value(new ConstTuple(co.co_consts));
    this.value(new ConstTuple(co.co_names));
    this.value(new ConstTuple(co.co_localsplusnames));
    this.bytesObject(co.co_localspluskinds);
    this.str(co.co_filename);
    this.str(co.co_name);
    this.str(co.co_qualname);
    this.int32(co.co_firstlineno);
    this.bytesObject(co.co_linetable);
    this.bytesObject(co.co_exceptiontable);
  }
}

/**
 * marshal.dumps(value, 4) without back-references: CPython's marshal.loads accepts it and yields
 * equal objects (CPython's own bytes differ only in FLAG_REF/'r' use, which follows refcounts).
 */
export function dumpMarshal(value: MarshalValue): Uint8Array {
  const w = new Writer();
  w.value(value);
  return w.result();
}

/** A .pyc image: magic, flags 0, mtime and source size, then the marshalled code. */
export function dumpPyc(code: CodeObject, mtime = 0, sourceSize = 0): Uint8Array {
  const body = dumpMarshal(code);
  const out = new Uint8Array(16 + body.length);
  out.set(PYC_MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(8, mtime >>> 0, true);
  view.setUint32(12, sourceSize >>> 0, true);
  out.set(body, 16);
  return out;
}
