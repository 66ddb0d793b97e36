// marshal format version 4 (Python/marshal.c): the reader turns CPython's marshal data, including
// .pyc files, into our values (code objects -> CodeObject, tuples -> ConstTuple, ...); the writer
// produces data CPython's marshal.loads accepts. Objects written with FLAG_REF get a slot in the
// reference table when they *begin*, so 'r' back-references index them in start order.
import { Ellipsis, None, PyBytes, PyComplex, PyEllipsisType, PyFloat, PyNoneType, makeInt, type LiteralValue } from '../values';
import { CodeObject, ConstFrozenset, ConstTuple, type CodeConst } from './code';
import { decodeUtf8Surrogatepass, encodeUtf8Surrogatepass, Utf8DecodeError } from './utf8';

/** marshal's StopIteration type code ('S') loads the StopIteration class; this stands for it. */
export class MarshalStopIteration {
  private readonly _brand = 'StopIteration';
}
export const StopIterationMarker = new MarshalStopIteration();

/** A list ('['): mutable, so not a code constant. */
export class MarshalList {
  constructor(readonly items: MarshalValue[]) {}
}
/** A dict ('{'), entries in order. */
export class MarshalDict {
  constructor(readonly entries: [MarshalValue, MarshalValue][]) {}
}
/** A set ('<'). Frozensets load as ConstFrozenset. */
export class MarshalSet {
  constructor(readonly items: MarshalValue[]) {}
}

export type MarshalValue = CodeConst | MarshalList | MarshalDict | MarshalSet | MarshalStopIteration;

/** A Python exception from marshal: `pyType` names its class, the message is CPython's. */
export class MarshalError extends Error {
  constructor(
    readonly pyType: 'ValueError' | 'EOFError' | 'TypeError' | 'UnicodeDecodeError',
    message: string,
  ) {
    super(message);
    this.name = pyType;
  }
}

const FLAG_REF = 0x80;
const MAX_MARSHAL_STACK_DEPTH = 2000;

const enum T {
  NULL = 0x30, // '0'
  NONE = 0x4e, // 'N'
  FALSE = 0x46, // 'F'
  TRUE = 0x54, // 'T'
  STOPITER = 0x53, // 'S'
  ELLIPSIS = 0x2e, // '.'
  INT = 0x69, // 'i'
  INT64 = 0x49, // 'I' (never written since 3.4; still read)
  FLOAT = 0x66, // 'f'
  BINARY_FLOAT = 0x67, // 'g'
  COMPLEX = 0x78, // 'x'
  BINARY_COMPLEX = 0x79, // 'y'
  LONG = 0x6c, // 'l'
  STRING = 0x73, // 's' (bytes)
  INTERNED = 0x74, // 't'
  REF = 0x72, // 'r'
  TUPLE = 0x28, // '('
  LIST = 0x5b, // '['
  DICT = 0x7b, // '{'
  CODE = 0x63, // 'c'
  UNICODE = 0x75, // 'u'
  UNKNOWN = 0x3f, // '?'
  SET = 0x3c, // '<'
  FROZENSET = 0x3e, // '>'
  ASCII = 0x61, // 'a'
  ASCII_INTERNED = 0x41, // 'A'
  SMALL_TUPLE = 0x29, // ')'
  SHORT_ASCII = 0x7a, // 'z'
  SHORT_ASCII_INTERNED = 0x5a, // 'Z'
}

/** A reserved reference slot not yet filled (CPython holds None there and rejects 'r' to it). */
const RESERVED = Symbol('reserved');

class Reader {
  private pos = 0;
  private depth = 0;
  private readonly refs: (MarshalValue | typeof RESERVED)[] = [];
  private readonly view: DataView;

  constructor(private readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  get offset(): number {
    return this.pos;
  }

  private need(n: number): number {
    if (this.data.length - this.pos < n) throw new MarshalError('EOFError', 'marshal data too short');
    const p = this.pos;
    this.pos += n;
    return p;
  }

  private byte(): number {
    return this.data[this.need(1)];
  }

  private int32(): number {
    return this.view.getInt32(this.need(4), true);
  }

  private bytesOf(n: number): Uint8Array {
    const p = this.need(n);
    return this.data.slice(p, p + n);
  }

  private float64(): number {
    return this.view.getFloat64(this.need(8), true);
  }

  private asciiFloat(): number {
    const n = this.byte();
    const text = String.fromCharCode(...this.bytesOf(n));
    const trimmed = text.trim();
    // Python's float(): inf/nan spellings, digits with an optional exponent.
    const m = /^[+-]?(inf|infinity|nan)$/i.test(trimmed)
      ? trimmed.toLowerCase().replace('infinity', 'inf')
      : /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)
        ? trimmed
        : null;
    if (m === null) throw new MarshalError('ValueError', `could not convert string to float: '${text}'`);
    if (m.endsWith('nan')) return NaN;
    if (m.endsWith('inf')) return m.startsWith('-') ? -Infinity : Infinity;
    return Number(m);
  }

  private size(what: string): number {
    const n = this.int32();
    if (n < 0) throw new MarshalError('ValueError', `bad marshal data (${what} size out of range)`);
    return n;
  }

  private str(n: number, ascii: boolean): string {
    const p = this.need(n);
    if (ascii) {
      let s = '';
      for (let i = p; i < p + n; i += 8192) {
        s += String.fromCharCode.apply(null, this.data.subarray(i, Math.min(p + n, i + 8192)) as unknown as number[]);
      }
      return s;
    }
    try {
      return decodeUtf8Surrogatepass(this.data, p, p + n);
    } catch (e) {
      if (e instanceof Utf8DecodeError) throw new MarshalError('UnicodeDecodeError', e.message);
      throw e;
    }
  }

  private long(): LiteralValue {
    const n = this.int32();
    if (n < -0x7fffffff || n > 0x7fffffff) throw new MarshalError('ValueError', 'bad marshal data (long size out of range)');
    const count = Math.abs(n);
    let v = 0n;
    let digit = 0;
    const digits: number[] = [];
    for (let i = 0; i < count; i++) {
      digit = this.view.getUint16(this.need(2), true);
      if (digit > 0x7fff) throw new MarshalError('ValueError', 'bad marshal data (digit out of range in long)');
      digits.push(digit);
    }
    if (count > 0 && digit === 0) throw new MarshalError('ValueError', 'bad marshal data (unnormalized long data)');
    for (let i = digits.length - 1; i >= 0; i--) v = (v << 15n) | BigInt(digits[i]);
    return makeInt(n < 0 ? -v : v);
  }

  /** r_object: one object, or null for TYPE_NULL (legal only as a dict terminator). */
  object(): MarshalValue | null {
    if (this.pos >= this.data.length) throw new MarshalError('EOFError', 'EOF read where object expected');
    if (this.depth >= MAX_MARSHAL_STACK_DEPTH) throw new MarshalError('ValueError', 'recursion limit exceeded');
    this.depth++;
    // One host frame per nesting level: containers recurse straight back into object().
    const v = this.objectBody();
    this.depth--;
    return v;
  }

  private objectNotNull(what: string): MarshalValue {
    const v = this.object();
    if (v === null) throw new MarshalError('TypeError', `NULL object in marshal data for ${what}`);
    return v;
  }

  private objectBody(): MarshalValue | null {
    const code = this.data[this.pos++];
    const flag = (code & FLAG_REF) !== 0;
    const type = code & ~FLAG_REF;
    // Every flagged object claims its slot before its contents are read.
    const slot = flag ? this.refs.push(RESERVED) - 1 : -1;
    let v: MarshalValue;
    switch (type) {
      case T.NULL:
        return null;
      case T.NONE:
        v = None;
        break;
      case T.STOPITER:
        v = StopIterationMarker;
        break;
      case T.ELLIPSIS:
        v = Ellipsis;
        break;
      case T.FALSE:
        v = false;
        break;
      case T.TRUE:
        v = true;
        break;
      case T.INT:
        v = this.int32();
        break;
      case T.INT64:
        v = makeInt(this.view.getBigInt64(this.need(8), true));
        break;
      case T.LONG:
        v = this.long();
        break;
      case T.FLOAT:
        v = new PyFloat(this.asciiFloat());
        break;
      case T.BINARY_FLOAT:
        v = new PyFloat(this.float64());
        break;
      case T.COMPLEX: {
        const re = this.asciiFloat();
        v = new PyComplex(re, this.asciiFloat());
        break;
      }
      case T.BINARY_COMPLEX: {
        const re = this.float64();
        v = new PyComplex(re, this.float64());
        break;
      }
      case T.STRING:
        v = new PyBytes(this.bytesOf(this.size('bytes object')));
        break;
      case T.ASCII_INTERNED:
      case T.ASCII:
        v = this.str(this.size('string'), true);
        break;
      case T.SHORT_ASCII_INTERNED:
      case T.SHORT_ASCII:
        v = this.str(this.byte(), true);
        break;
      case T.INTERNED:
      case T.UNICODE:
        v = this.str(this.size('string'), false);
        break;
      case T.SMALL_TUPLE:
      case T.TUPLE: {
        const n = type === T.SMALL_TUPLE ? this.byte() : this.size('tuple');
        const items: CodeConst[] = [];
        v = new ConstTuple(items);
        if (flag) this.refs[slot] = v;
        for (let i = 0; i < n; i++) {
          const x = this.object();
          if (x === null) throw new MarshalError('TypeError', 'NULL object in marshal data for tuple');
          items.push(x as CodeConst);
        }
        return v;
      }
      case T.LIST: {
        const n = this.size('list');
        const items: MarshalValue[] = [];
        v = new MarshalList(items);
        if (flag) this.refs[slot] = v;
        for (let i = 0; i < n; i++) {
          const x = this.object();
          if (x === null) throw new MarshalError('TypeError', 'NULL object in marshal data for list');
          items.push(x);
        }
        return v;
      }
      case T.DICT: {
        const entries: [MarshalValue, MarshalValue][] = [];
        v = new MarshalDict(entries);
        if (flag) this.refs[slot] = v;
        for (;;) {
          const key = this.object();
          if (key === null) break;
          const val = this.object();
          if (val === null) break;
          entries.push([key, val]);
        }
        return v;
      }
      case T.SET: {
        const n = this.size('set');
        const items: MarshalValue[] = [];
        v = new MarshalSet(items);
        if (flag) this.refs[slot] = v;
        for (let i = 0; i < n; i++) {
          const x = this.object();
          if (x === null) throw new MarshalError('TypeError', 'NULL object in marshal data for set');
          items.push(x);
        }
        return v;
      }
      case T.FROZENSET: {
        // The slot stays reserved until the set exists, as CPython's r_ref_reserve does.
        const n = this.size('set');
        const items: CodeConst[] = [];
        for (let i = 0; i < n; i++) {
          const x = this.object();
          if (x === null) throw new MarshalError('TypeError', 'NULL object in marshal data for set');
          items.push(x as CodeConst);
        }
        // marshal stores elements sorted and marshal.loads adds them once, in that order.
        v = new ConstFrozenset(items, 1);
        break;
      }
      case T.CODE:
        v = this.code();
        break;
      case T.REF: {
        const n = this.int32();
        const r = n >= 0 && n < this.refs.length ? this.refs[n] : RESERVED;
        if (r === RESERVED) throw new MarshalError('ValueError', 'bad marshal data (invalid reference)');
        return r;
      }
      default:
        throw new MarshalError('ValueError', 'bad marshal data (unknown type code)');
    }
    if (flag) this.refs[slot] = v;
    return v;
  }

  private expect<V>(what: string, test: (v: MarshalValue) => v is MarshalValue & V): V {
    const v = this.objectNotNull('object');
    if (!test(v)) throw new MarshalError('ValueError', `bad marshal data (code object ${what})`);
    return v;
  }

  private code(): CodeObject {
    const isBytes = (v: MarshalValue): v is PyBytes => v instanceof PyBytes;
    const isStr = (v: MarshalValue): v is string => typeof v === 'string';
    const isTuple = (v: MarshalValue): v is ConstTuple => v instanceof ConstTuple;
    const strTuple = (what: string): string[] => {
      const t = this.expect(what, isTuple);
      if (!t.items.every((x) => typeof x === 'string')) {
        throw new MarshalError('ValueError', `bad marshal data (code object ${what})`);
      }
      return t.items as string[];
    };
    const co_argcount = this.int32();
    const co_posonlyargcount = this.int32();
    const co_kwonlyargcount = this.int32();
    const co_stacksize = this.int32();
    const co_flags = this.int32();
    const co_code = this.expect('co_code', isBytes).bytes;
    const co_consts = [...this.expect('co_consts', isTuple).items];
    const co_names = strTuple('co_names');
    const co_localsplusnames = strTuple('co_localsplusnames');
    const co_localspluskinds = this.expect('co_localspluskinds', isBytes).bytes;
    const co_filename = this.expect('co_filename', isStr);
    const co_name = this.expect('co_name', isStr);
    const co_qualname = this.expect('co_qualname', isStr);
    const co_firstlineno = this.int32();
    const co_linetable = this.expect('co_linetable', isBytes).bytes;
    const co_exceptiontable = this.expect('co_exceptiontable', isBytes).bytes;
    if (co_code.length % 2 !== 0) throw new MarshalError('ValueError', 'code: co_code is malformed');
    if (co_localspluskinds.length !== co_localsplusnames.length) {
      throw new MarshalError('ValueError', 'code: co_localsplusnames and co_localspluskinds differ in size');
    }
    return new CodeObject({
      co_argcount,
      co_posonlyargcount,
      co_kwonlyargcount,
      co_stacksize,
      co_flags,
      co_code,
      co_consts,
      co_names,
      co_localsplusnames,
      co_localspluskinds,
      co_filename,
      co_name,
      co_qualname,
      co_firstlineno,
      co_linetable,
      co_exceptiontable,
    });
  }
}

/** marshal.loads: the first object in `data` (trailing bytes are ignored, as CPython does). */
export function loadMarshal(data: Uint8Array): MarshalValue {
  const r = new Reader(data);
  let v: MarshalValue | null;
  try {
    v = r.object();
  } catch (e) {
    // Deep nesting can exhaust the host stack before marshal's own depth limit when the caller
    // is itself deep; report it as CPython reports too-deep data.
    if (e instanceof RangeError && /call stack/.test(e.message)) {
      throw new MarshalError('ValueError', 'recursion limit exceeded');
    }
    throw e;
  }
  if (v === null) throw new MarshalError('TypeError', 'NULL object in marshal data for object');
  return v;
}

/** Magic number of CPython 3.11 .pyc files (3495), as the first four bytes. */
export const PYC_MAGIC = Uint8Array.from([0xa7, 0x0d, 0x0d, 0x0a]);

export interface PycFile {
  /** PEP 552 flags: bit 0 = hash-based, bit 1 = check_source. */
  flags: number;
  /** Timestamp-based: source mtime and size. */
  mtime: number | null;
  sourceSize: number | null;
  /** Hash-based: the 8-byte SipHash of the source. */
  sourceHash: Uint8Array | null;
  code: CodeObject;
}

/** Reads a 3.11 .pyc: 16-byte header, then the marshalled module code object. */
export function loadPyc(data: Uint8Array, name = '<pyc>'): PycFile {
  if (data.length < 16) throw new MarshalError('EOFError', `bad pyc file ${name}: too short`);
  for (let i = 0; i < 4; i++) {
    if (data[i] !== PYC_MAGIC[i]) throw new MarshalError('ValueError', `bad magic number in ${name}: ${bytesLiteral(data.subarray(0, 4))}`);
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const flags = view.getUint32(4, true);
  const hashBased = (flags & 1) !== 0;
  const code = loadMarshal(data.subarray(16));
  if (!(code instanceof CodeObject)) throw new MarshalError('ValueError', `Non-code object in ${name}`);
  return {
    flags,
    mtime: hashBased ? null : view.getUint32(8, true),
    sourceSize: hashBased ? null : view.getUint32(12, true),
    sourceHash: hashBased ? data.slice(8, 16) : null,
    code,
  };
}

function bytesLiteral(b: Uint8Array): string {
  return "b'" + [...b].map((c) => (c >= 0x20 && c < 0x7f && c !== 0x27 && c !== 0x5c ? String.fromCharCode(c) : '\\x' + c.toString(16).padStart(2, '0'))).join('') + "'";
}

// ---- writer ----

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
