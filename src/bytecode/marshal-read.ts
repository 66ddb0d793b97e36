// The marshal reader: CPython's marshal data (and .pyc files) to our values: code objects ->
// CodeObject, tuples -> ConstTuple, frozensets -> ConstFrozenset, ints -> number/bigint, ...
import { Ellipsis, None, PyBytes, PyComplex, PyFloat, makeInt, type LiteralValue } from '../values';
import { CodeObject, ConstFrozenset, ConstTuple, type CodeConst } from './code';
import {
  FLAG_REF,
  MarshalDict,
  MarshalError,
  MarshalList,
  MarshalSet,
  MAX_MARSHAL_STACK_DEPTH,
  StopIterationMarker,
  T,
  type MarshalValue,
} from './marshal-format';
import { decodeUtf8Surrogatepass, Utf8DecodeError } from './utf8';

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
