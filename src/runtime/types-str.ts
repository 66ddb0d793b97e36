// str and bytes methods. str is a JS string; where Python's code-point semantics differ from
// UTF-16 (astral characters), indexing/len/slicing go through an array of code points.
import { PyBytes, None, strRepr, bytesRepr } from '../values';
import { T, typeOf, PyType, PyBoxed } from './object';
import { PyTuple, PyList, PyDict, PyHashed } from './collections';
import { typeError, valueError, indexError, newExc } from './exceptions';
import { method, staticNative, getset } from './func';
import { NotImplemented, PySlice } from './misc';
import { repr, str as pyStr, toIndex, getIter, next, toArray, getitem, strHash, eq, realValue, call } from './ops';
import { formatStr, strFormat, percentFormat } from './format';
import { newInstance } from './types-object';
import { StrIter } from './iter';
import { arity } from './args';

const SURROGATE = /[\uD800-\uDFFF]/;
export function hasAstral(s: string): boolean {
  return SURROGATE.test(s);
}
export function codePoints(s: string): string[] {
  return Array.from(s);
}

/** PySlice_GetIndicesEx: [start, stop, step, length]. */
export function sliceIndices(sl: PySlice, n: number): [number, number, number, number] {
  const step = sl.step === None ? 1 : Number(toIndex(sl.step));
  if (step === 0) throw valueError('slice step cannot be zero');
  let start: number;
  let stop: number;
  const lo = step < 0 ? -1 : 0;
  const hi = step < 0 ? n - 1 : n;
  if (sl.start === None) start = step < 0 ? hi : lo;
  else {
    start = Number(toIndex(sl.start));
    if (start < 0) {
      start += n;
      if (start < 0) start = lo;
    } else if (start > hi) start = hi;
  }
  if (sl.stop === None) stop = step < 0 ? lo : hi;
  else {
    stop = Number(toIndex(sl.stop));
    if (stop < 0) {
      stop += n;
      if (stop < 0) stop = lo;
    } else if (stop > hi) stop = hi;
  }
  let len = 0;
  if (step > 0 ? start < stop : stop < start) len = Math.floor((Math.abs(stop - start) - 1) / Math.abs(step)) + 1;
  return [start, stop, step, len];
}

export function sliceArray<X>(items: X[], sl: PySlice): X[] {
  const [start, stop, step, len] = sliceIndices(sl, items.length);
  if (step === 1) return items.slice(start, Math.max(start, stop));
  const out: X[] = new Array(len);
  for (let i = 0, j = start; i < len; i++, j += step) out[i] = items[j];
  return out;
}

function selfStr(x: any, name: string): string {
  if (typeof x === 'string') return x;
  if (x instanceof PyBoxed && typeof x.value === 'string') return x.value;
  throw typeError(`descriptor '${name}' requires a 'str' object but received a '${typeOf(x).name}'`);
}
function argStr(x: any, fname: string, pos = 1): string {
  if (typeof x === 'string') return x;
  if (x instanceof PyBoxed && typeof x.value === 'string') return x.value;
  void pos;
  throw typeError(`${fname} arg must be None or str`);
}
function strArg(x: any): string | undefined {
  if (typeof x === 'string') return x;
  if (x instanceof PyBoxed && typeof x.value === 'string') return x.value;
  return undefined;
}

function m(name: string, fn: (s: string, a: any[], kw: Map<string, any> | null) => any): void {
  method(T.str, name, (a, kw) => fn(selfStr(a[0], name), a, kw));
}

m('__len__', (s) => (hasAstral(s) ? codePoints(s).length : s.length));
m('__hash__', (s) => strHash(s));
m('__str__', (s) => s);
m('__repr__', (s) => strRepr(s));
m('__format__', (s, a) => formatStr(s, argStr(a[1], 'format')));
m('__iter__', (s) => new StrIter(s));
m('__contains__', (s, a) => {
  const x = strArg(a[1]);
  if (x === undefined) throw typeError(`'in <string>' requires string as left operand, not ${typeOf(a[1]).name}`);
  return s.includes(x);
});
m('__add__', (s, a) => {
  const x = strArg(a[1]);
  return x === undefined ? NotImplemented : s + x;
});
m('__mul__', (s, a) => {
  const n = realIndexOrNI(a[1]);
  if (n === undefined) return NotImplemented;
  return n <= 0 ? '' : s.repeat(n);
});
m('__rmul__', (s, a) => {
  const n = realIndexOrNI(a[1]);
  if (n === undefined) return NotImplemented;
  return n <= 0 ? '' : s.repeat(n);
});
m('__mod__', (s, a) => percentFormat(s, a[1]));
m('__rmod__', () => NotImplemented);
function realIndexOrNI(x: any): number | undefined {
  if (typeof x === 'number') return x;
  if (typeof x === 'boolean') return +x;
  if (typeof x === 'bigint') throw newExc(T.OverflowError, "cannot fit 'int' into an index-sized integer");
  if (typeOf(x).lookup('__index__') !== undefined) return Number(toIndex(x));
  return undefined;
}
for (const [i, n] of ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'].entries()) {
  m(n, (s, a) => {
    const o = strArg(a[1]);
    if (o === undefined) return NotImplemented;
    const c = s < o ? -1 : s > o ? 1 : 0;
    return [c < 0, c <= 0, c === 0, c !== 0, c > 0, c >= 0][i];
  });
}
m('__getitem__', (s, a) => {
  const k = a[1];
  if (k instanceof PySlice) {
    if (!hasAstral(s)) {
      const [start, stop, step] = sliceIndices(k, s.length);
      if (step === 1) return s.slice(start, Math.max(start, stop));
      return sliceArray(s.split(''), k).join('');
    }
    return sliceArray(codePoints(s), k).join('');
  }
  if (typeof k !== 'number' && typeof k !== 'boolean' && typeOf(k).lookup('__index__') === undefined)
    throw typeError(`string indices must be integers, not '${typeOf(k).name}'`);
  const i0 = Number(toIndex(k));
  if (!hasAstral(s)) {
    const i = i0 < 0 ? i0 + s.length : i0;
    if (i < 0 || i >= s.length) throw indexError('string index out of range');
    return s[i];
  }
  const cps = codePoints(s);
  const i = i0 < 0 ? i0 + cps.length : i0;
  if (i < 0 || i >= cps.length) throw indexError('string index out of range');
  return cps[i];
});
m('__getnewargs__', (s) => new PyTuple([s]));

m('join', (s, a) => {
  const items = toArray(a[1]);
  for (let i = 0; i < items.length; i++) {
    const x = items[i];
    if (typeof x !== 'string') {
      const v = strArg(x);
      if (v === undefined) throw typeError(`sequence item ${i}: expected str instance, ${typeOf(x).name} found`);
      items[i] = v;
    }
  }
  return items.join(s);
});
function splitWhitespace(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = 0;
  const n = s.length;
  const ws = (c: string) => /\s/.test(c) || c === '\x1c' || c === '\x1d' || c === '\x1e' || c === '\x1f';
  while (i < n) {
    while (i < n && ws(s[i])) i++;
    if (i >= n) break;
    if (maxsplit >= 0 && out.length === maxsplit) {
      let rest = s.slice(i);
      rest = rest.replace(/\s+$/, '');
      out.push(rest);
      return out;
    }
    let j = i;
    while (j < n && !ws(s[j])) j++;
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}
function splitArgs(a: any[], kw: Map<string, any> | null): [any, number] {
  let sep = a[1] ?? kw?.get('sep') ?? None;
  let maxsplit = a[2] ?? kw?.get('maxsplit') ?? -1;
  maxsplit = Number(toIndex(maxsplit));
  if (sep !== None && typeof sep !== 'string') throw typeError(`must be str or None, not ${typeOf(sep).name}`);
  if (sep === '') throw valueError('empty separator');
  return [sep, maxsplit];
}
m('split', (s, a, kw) => {
  const [sep, maxsplit] = splitArgs(a, kw);
  if (sep === None) return new PyList(splitWhitespace(s, maxsplit));
  const parts = s.split(sep);
  if (maxsplit >= 0 && parts.length > maxsplit + 1) {
    const head = parts.slice(0, maxsplit);
    head.push(parts.slice(maxsplit).join(sep));
    return new PyList(head);
  }
  return new PyList(parts);
});
m('rsplit', (s, a, kw) => {
  const [sep, maxsplit] = splitArgs(a, kw);
  if (sep === None) {
    if (maxsplit < 0) return new PyList(splitWhitespace(s, -1));
    const rev = splitWhitespace([...s].reverse().join(''), maxsplit).map((x) => [...x].reverse().join(''));
    return new PyList(rev.reverse());
  }
  const parts = s.split(sep);
  if (maxsplit >= 0 && parts.length > maxsplit + 1) {
    const tail = parts.slice(parts.length - maxsplit);
    return new PyList([parts.slice(0, parts.length - maxsplit).join(sep), ...tail]);
  }
  return new PyList(parts);
});
m('splitlines', (s, a, kw) => {
  const keep = !!(a[1] ?? kw?.get('keepends') ?? false);
  const out: string[] = [];
  const re = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;
  let last = 0;
  let mm: RegExpExecArray | null;
  while ((mm = re.exec(s))) {
    out.push(s.slice(last, keep ? mm.index + mm[0].length : mm.index));
    last = mm.index + mm[0].length;
  }
  if (last < s.length) out.push(s.slice(last));
  return new PyList(out);
});
function stripChars(a: any[], name: string): string | null {
  const c = a[1];
  if (c === undefined || c === None) return null;
  if (typeof c !== 'string') throw typeError(`${name} arg must be None or str`);
  return c;
}
function lstrip(s: string, chars: string | null): string {
  if (chars === null) return s.replace(/^\s+/, '');
  let i = 0;
  while (i < s.length && chars.includes(s[i])) i++;
  return s.slice(i);
}
function rstrip(s: string, chars: string | null): string {
  if (chars === null) return s.replace(/\s+$/, '');
  let i = s.length;
  while (i > 0 && chars.includes(s[i - 1])) i--;
  return s.slice(0, i);
}
m('strip', (s, a) => rstrip(lstrip(s, stripChars(a, 'strip')), stripChars(a, 'strip')));
m('lstrip', (s, a) => lstrip(s, stripChars(a, 'lstrip')));
m('rstrip', (s, a) => rstrip(s, stripChars(a, 'rstrip')));
m('replace', (s, a) => {
  const old = argStr(a[1], 'replace');
  const nw = argStr(a[2], 'replace');
  let count = a[3] === undefined ? -1 : Number(toIndex(a[3]));
  if (count < 0) {
    if (old === '') {
      const cps = codePoints(s);
      return nw + cps.join(nw) + (cps.length ? nw : '');
    }
    return s.split(old).join(nw);
  }
  let out = '';
  let i = 0;
  while (count-- > 0) {
    const j = old === '' ? (i <= s.length ? i : -1) : s.indexOf(old, i);
    if (j < 0) break;
    if (old === '') {
      out += nw + (j < s.length ? s[j] : '');
      i = j + 1;
      continue;
    }
    out += s.slice(i, j) + nw;
    i = j + old.length;
  }
  return out + s.slice(i);
});
function rangeArgs(s: string, a: any[]): [number, number] {
  const n = s.length;
  let start = a[2] === undefined || a[2] === None ? 0 : Number(toIndex(a[2]));
  let end = a[3] === undefined || a[3] === None ? n : Number(toIndex(a[3]));
  if (start < 0) start = Math.max(0, start + n);
  if (end < 0) end = Math.max(0, end + n);
  if (end > n) end = n;
  return [start, end];
}
function findImpl(s: string, a: any[], rev: boolean): number {
  const sub = strArg(a[1]);
  if (sub === undefined) throw typeError(`must be str, not ${typeOf(a[1]).name}`);
  const [start, end] = rangeArgs(s, a);
  if (start > end) return -1;
  const seg = s.slice(start, end);
  const i = rev ? seg.lastIndexOf(sub) : seg.indexOf(sub);
  if (i < 0) return -1;
  return cpIndex(s, i + start);
}
/** Converts a UTF-16 index to a code-point index. */
function cpIndex(s: string, i: number): number {
  if (!hasAstral(s)) return i;
  return codePoints(s.slice(0, i)).length;
}
m('find', (s, a) => findImpl(s, a, false));
m('rfind', (s, a) => findImpl(s, a, true));
m('index', (s, a) => {
  const r = findImpl(s, a, false);
  if (r < 0) throw valueError('substring not found');
  return r;
});
m('rindex', (s, a) => {
  const r = findImpl(s, a, true);
  if (r < 0) throw valueError('substring not found');
  return r;
});
m('count', (s, a) => {
  const sub = argStr(a[1], 'count');
  const [start, end] = rangeArgs(s, a);
  if (start > end) return 0;
  const seg = s.slice(start, end);
  if (sub === '') return codePoints(seg).length + 1;
  return seg.split(sub).length - 1;
});
function affix(s: string, a: any[], name: string, end: boolean): boolean {
  const p = a[1];
  const [start, stop] = rangeArgs(s, a);
  const seg = s.slice(start, stop);
  if (start > s.length) return false;
  const check = (x: any) => {
    const v = strArg(x);
    if (v === undefined) throw typeError(`tuple for ${name} must only contain str, not ${typeOf(x).name}`);
    return end ? seg.endsWith(v) : seg.startsWith(v);
  };
  if (p instanceof PyTuple) return p.items.some(check);
  if (strArg(p) === undefined) throw typeError(`${name} first arg must be str or a tuple of str, not ${typeOf(p).name}`);
  return check(p);
}
m('startswith', (s, a) => affix(s, a, 'startswith', false));
m('endswith', (s, a) => affix(s, a, 'endswith', true));
m('upper', (s) => s.toUpperCase());
m('lower', (s) => s.toLowerCase());
m('casefold', (s) => s.toLowerCase().replace(/ß/g, 'ss'));
m('swapcase', (s) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''));
m('capitalize', (s) => {
  const cps = codePoints(s);
  if (!cps.length) return '';
  return cps[0].toUpperCase() + cps.slice(1).join('').toLowerCase();
});
const TITLECASE: Record<string, string> = { Ǆ: 'ǅ', ǅ: 'ǅ', ǆ: 'ǅ', Ǉ: 'ǈ', ǈ: 'ǈ', ǉ: 'ǈ', Ǌ: 'ǋ', ǋ: 'ǋ', ǌ: 'ǋ', Ǳ: 'ǲ', ǲ: 'ǲ', ǳ: 'ǲ' };
m('title', (s) => {
  let out = '';
  let prevCased = false;
  for (const c of s) {
    const cased = c.toLowerCase() !== c.toUpperCase();
    out += prevCased ? c.toLowerCase() : TITLECASE[c] ?? c.toUpperCase();
    prevCased = cased;
  }
  return out;
});
function charTest(name: string, re: RegExp, emptyValue = false): void {
  m(name, (s) => (s.length === 0 ? emptyValue : re.test(s)));
}
charTest('isdigit', /^[\p{Nd}\u00B2\u00B3\u00B9\u2070-\u2079\u2080-\u2089]+$/u);
charTest('isdecimal', /^\p{Nd}+$/u);
charTest('isnumeric', /^[\p{N}]+$/u);
charTest('isalpha', /^[\p{L}]+$/u);
charTest('isalnum', /^[\p{L}\p{N}]+$/u);
charTest('isspace', /^[\s\x1c-\x1f\x85]+$/);
charTest('isascii', /^[\x00-\x7f]*$/, true);
charTest('isprintable', /^[^\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]*$/u, true);
m('isidentifier', (s) => /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(s));
m('isupper', (s) => /\p{Lu}|\p{Lt}/u.test(s) && s === s.toUpperCase() && !/\p{Ll}/u.test(s));
m('islower', (s) => /\p{Ll}/u.test(s) && s === s.toLowerCase() && !/\p{Lu}|\p{Lt}/u.test(s));
m('istitle', (s) => {
  let prevCased = false;
  let any = false;
  for (const c of s) {
    const upper = /\p{Lu}|\p{Lt}/u.test(c);
    const lower = /\p{Ll}/u.test(c);
    if (upper) {
      if (prevCased) return false;
      prevCased = true;
      any = true;
    } else if (lower) {
      if (!prevCased) return false;
      prevCased = true;
      any = true;
    } else prevCased = false;
  }
  return any;
});
function fillArg(a: any[], name: string): string {
  const f = a[2] ?? ' ';
  if (typeof f !== 'string' || codePoints(f).length !== 1) throw typeError(`The fill character must be exactly one character long`);
  void name;
  return f;
}
m('center', (s, a) => {
  const w = Number(toIndex(a[1]));
  const f = fillArg(a, 'center');
  const n = codePoints(s).length;
  if (w <= n) return s;
  const marg = w - n;
  const left = Math.floor(marg / 2) + (marg & w & 1);
  return f.repeat(left) + s + f.repeat(marg - left);
});
m('ljust', (s, a) => {
  const w = Number(toIndex(a[1]));
  const n = codePoints(s).length;
  return w <= n ? s : s + fillArg(a, 'ljust').repeat(w - n);
});
m('rjust', (s, a) => {
  const w = Number(toIndex(a[1]));
  const n = codePoints(s).length;
  return w <= n ? s : fillArg(a, 'rjust').repeat(w - n) + s;
});
m('zfill', (s, a) => {
  const w = Number(toIndex(a[1]));
  if (s.length >= w) return s;
  const sign = s[0] === '+' || s[0] === '-' ? s[0] : '';
  return sign + '0'.repeat(w - s.length) + s.slice(sign.length);
});
m('format', (s, a, kw) => strFormat(s, a.slice(1), kw));
m('format_map', (s, a) => {
  const mp = a[1];
  const kw = new Map<string, any>();
  if (mp instanceof PyDict) for (const k of mp.keyList()) kw.set(k, mp.get(k));
  return strFormat(s, [], kw);
});
m('partition', (s, a) => {
  const sep = argStr(a[1], 'partition');
  if (sep === '') throw valueError('empty separator');
  const i = s.indexOf(sep);
  return i < 0 ? new PyTuple([s, '', '']) : new PyTuple([s.slice(0, i), sep, s.slice(i + sep.length)]);
});
m('rpartition', (s, a) => {
  const sep = argStr(a[1], 'rpartition');
  if (sep === '') throw valueError('empty separator');
  const i = s.lastIndexOf(sep);
  return i < 0 ? new PyTuple(['', '', s]) : new PyTuple([s.slice(0, i), sep, s.slice(i + sep.length)]);
});
m('removeprefix', (s, a) => (s.startsWith(a[1]) ? s.slice(a[1].length) : s));
m('removesuffix', (s, a) => (a[1] && s.endsWith(a[1]) ? s.slice(0, s.length - a[1].length) : s));
m('expandtabs', (s, a) => {
  const ts = a[1] === undefined ? 8 : Number(toIndex(a[1]));
  let out = '';
  let col = 0;
  for (const c of s) {
    if (c === '\t') {
      if (ts > 0) {
        const n = ts - (col % ts);
        out += ' '.repeat(n);
        col += n;
      }
    } else {
      out += c;
      col = c === '\n' || c === '\r' ? 0 : col + 1;
    }
  }
  return out;
});
m('encode', (s, a, kw) => {
  const enc = String(a[1] ?? kw?.get('encoding') ?? 'utf-8').toLowerCase().replace('_', '-');
  if (enc === 'utf-8' || enc === 'utf8') return new PyBytes(new TextEncoder().encode(s));
  if (enc === 'ascii' || enc === 'latin-1' || enc === 'latin1' || enc === 'iso-8859-1') {
    const limit = enc === 'ascii' ? 128 : 256;
    const out: number[] = [];
    let idx = 0;
    for (const c of s) {
      const cp = c.codePointAt(0)!;
      if (cp >= limit) {
        const errors = a[2] ?? kw?.get('errors') ?? 'strict';
        if (errors === 'ignore') continue;
        if (errors === 'replace') {
          out.push(63);
          continue;
        }
        throw newExc(T.UnicodeEncodeError, `'${enc === 'ascii' ? 'ascii' : 'latin-1'}' codec can't encode character '\\x${cp.toString(16)}' in position ${idx}: ordinal not in range(${limit})`);
      }
      out.push(cp);
      idx++;
    }
    return new PyBytes(Uint8Array.from(out));
  }
  throw newExc(T.LookupError, `unknown encoding: ${a[1]}`);
});
staticNative(T.str, 'maketrans', (a) => {
  const d = new PyDict();
  if (a.length === 1) {
    const src = a[0] as PyDict;
    for (const k of src.keyList()) d.set(typeof k === 'string' ? k.codePointAt(0) : k, src.get(k));
  } else {
    const x = codePoints(a[0]);
    const y = codePoints(a[1]);
    if (x.length !== y.length) throw valueError('the first two maketrans arguments must have equal length');
    x.forEach((c, i) => d.set(c.codePointAt(0), y[i].codePointAt(0)));
    if (a[2]) for (const c of codePoints(a[2])) d.set(c.codePointAt(0), None);
  }
  return d;
});
m('translate', (s, a) => {
  let out = '';
  for (const c of s) {
    let r: any;
    try {
      r = getitem(a[1], c.codePointAt(0));
    } catch (e: any) {
      if (e?.cls?.isSubtypeOf(T.LookupError)) {
        out += c;
        continue;
      }
      throw e;
    }
    if (r === None) continue;
    out += typeof r === 'string' ? r : String.fromCodePoint(Number(r));
  }
  return out;
});
staticNative(T.str, '__new__', (a, kw) => {
  const cls: PyType = a[0];
  let v: string;
  const obj = a[1] ?? kw?.get('object');
  if (obj === undefined) v = '';
  else if ((a.length > 2 || kw?.has('encoding')) && obj instanceof PyBytes) {
    v = new TextDecoder('utf-8').decode(obj.bytes);
  } else v = pyStr(obj);
  if (cls === T.str) return v;
  const o = newInstance(cls) as PyBoxed;
  o.value = v;
  return o;
});

// ---------------------------------------------------------------- bytes
function selfBytes(x: any): Uint8Array {
  if (x instanceof PyBytes) return x.bytes;
  if (x instanceof PyBoxed && x.value instanceof PyBytes) return x.value.bytes;
  if (x instanceof PyByteArray) return Uint8Array.from(x.items);
  throw typeError(`a bytes-like object is required, not '${typeOf(x).name}'`);
}
export class PyByteArray extends PyList {
  constructor(items: number[], cls: PyType = T.bytearray) {
    super(items, cls);
  }
}
T.bytearray.alloc = (cls) => new PyByteArray([], cls);
T.bytearray.solidBase = T.bytearray;

export function bytesFrom(x: any, what = 'bytes'): Uint8Array {
  if (x instanceof PyBytes) return x.bytes;
  if (x instanceof PyByteArray) return Uint8Array.from(x.items);
  if (typeof x === 'number' || typeof x === 'boolean') {
    const n = Number(x);
    if (n < 0) throw valueError('negative count');
    return new Uint8Array(n);
  }
  if (typeof x === 'string') throw typeError('string argument without an encoding');
  const items = toArray(x);
  return Uint8Array.from(items.map((v) => {
    const n = Number(toIndex(v));
    if (n < 0 || n > 255) throw valueError('bytes must be in range(0, 256)');
    return n;
  }));
  void what;
}
function bm(name: string, fn: (b: Uint8Array, a: any[], kw: Map<string, any> | null) => any): void {
  method(T.bytes, name, (a, kw) => fn(selfBytes(a[0]), a, kw));
}
const latin1 = (b: Uint8Array) => {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return s;
};
const fromLatin1 = (s: string) => new PyBytes(Uint8Array.from(s, (c) => c.charCodeAt(0)));
bm('__len__', (b) => b.length);
bm('__repr__', (b) => bytesRepr(b));
bm('__str__', (b) => bytesRepr(b));
bm('__hash__', (b) => strHash('b' + latin1(b)));
bm('__iter__', (b) => getIter(new PyBytes(b)));
bm('__getitem__', (b, a) => {
  if (a[1] instanceof PySlice) return new PyBytes(Uint8Array.from(sliceArray([...b], a[1])));
  const i0 = Number(toIndex(a[1]));
  const i = i0 < 0 ? i0 + b.length : i0;
  if (i < 0 || i >= b.length) throw indexError('index out of range');
  return b[i];
});
bm('__add__', (b, a) => {
  const o = a[1];
  if (!(o instanceof PyBytes) && !(o instanceof PyByteArray)) {
    if (typeof o === 'string' || typeOf(o).lookup('__radd__') === undefined) throw typeError(`can't concat ${typeOf(o).name} to bytes`);
    return NotImplemented;
  }
  const ob = selfBytes(o);
  const r = new Uint8Array(b.length + ob.length);
  r.set(b);
  r.set(ob, b.length);
  return new PyBytes(r);
});
bm('__mul__', (b, a) => {
  const n = realIndexOrNI(a[1]);
  if (n === undefined) return NotImplemented;
  return fromLatin1(latin1(b).repeat(Math.max(0, n)));
});
bm('__rmul__', (b, a) => {
  const n = realIndexOrNI(a[1]);
  if (n === undefined) return NotImplemented;
  return fromLatin1(latin1(b).repeat(Math.max(0, n)));
});
bm('__contains__', (b, a) => {
  if (typeof a[1] === 'number') return b.includes(a[1]);
  return latin1(b).includes(latin1(selfBytes(a[1])));
});
for (const [i, n] of ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'].entries()) {
  bm(n, (b, a) => {
    if (!(a[1] instanceof PyBytes)) return i === 2 ? (a[1] instanceof PyByteArray ? latin1(b) === latin1(selfBytes(a[1])) : NotImplemented) : i === 3 ? NotImplemented : NotImplemented;
    const x = latin1(b);
    const y = latin1(a[1].bytes);
    const c = x < y ? -1 : x > y ? 1 : 0;
    return [c < 0, c <= 0, c === 0, c !== 0, c > 0, c >= 0][i];
  });
}
bm('decode', (b, a, kw) => {
  const enc = String(a[1] ?? kw?.get('encoding') ?? 'utf-8').toLowerCase();
  if (enc === 'ascii' || enc === 'latin-1' || enc === 'latin1') return latin1(b);
  try {
    return new TextDecoder('utf-8', { fatal: (a[2] ?? kw?.get('errors') ?? 'strict') === 'strict' }).decode(b);
  } catch {
    throw newExc(T.UnicodeDecodeError, `'utf-8' codec can't decode bytes`);
  }
});
bm('hex', (b) => [...b].map((x) => x.toString(16).padStart(2, '0')).join(''));
for (const name of ['upper', 'lower', 'strip', 'lstrip', 'rstrip', 'split', 'replace', 'startswith', 'endswith', 'find', 'count', 'join', 'isdigit', 'isalpha', 'isspace', 'index', 'title', 'capitalize', 'center', 'ljust', 'rjust', 'partition', 'rsplit']) {
  const sm = T.str.ns.get(name);
  bm(name, (b, a, kw) => {
    const conv = (x: any): any => (x instanceof PyBytes ? latin1(x.bytes) : x instanceof PyTuple ? new PyTuple(x.items.map(conv)) : x instanceof PyList ? new PyList(x.items.map(conv)) : x);
    const r = (sm as any).fn([latin1(b), ...a.slice(1).map(conv)], kw);
    const back = (x: any): any => (typeof x === 'string' ? fromLatin1(x) : x instanceof PyList ? new PyList(x.items.map(back)) : x instanceof PyTuple ? new PyTuple(x.items.map(back)) : x);
    return back(r);
  });
}
staticNative(T.bytes, 'fromhex', (a) => {
  const s = String(a[0] ?? a[1]).replace(/\s+/g, '');
  const out: number[] = [];
  for (let i = 0; i < s.length; i += 2) out.push(parseInt(s.slice(i, i + 2), 16));
  return new PyBytes(Uint8Array.from(out));
});
staticNative(T.bytes, '__new__', (a, kw) => {
  const src = a[1];
  let bytes: Uint8Array;
  if (src === undefined) bytes = new Uint8Array(0);
  else if (typeof src === 'string') {
    const enc = a[2] ?? kw?.get('encoding');
    if (enc === undefined) throw typeError('string argument without an encoding');
    bytes = (T.str.ns.get('encode') as any).fn([src, enc], null).bytes;
  } else {
    const f = typeOf(src).lookup('__bytes__');
    bytes = f !== undefined ? call(f, [src]).bytes : bytesFrom(src);
  }
  return new PyBytes(bytes);
});

// bytearray: a PyList of byte values.
staticNative(T.bytearray, '__new__', (a) => new PyByteArray([], a[0]));
method(T.bytearray, '__init__', (a) => {
  const ba: PyByteArray = a[0];
  if (a[1] === undefined) ba.items = [];
  else if (typeof a[1] === 'string') ba.items = [...(T.str.ns.get('encode') as any).fn([a[1], a[2] ?? 'utf-8'], null).bytes];
  else ba.items = [...bytesFrom(a[1])];
  return None;
});
method(T.bytearray, '__repr__', (a) => `bytearray(${bytesRepr(Uint8Array.from(a[0].items))})`);
method(T.bytearray, '__len__', (a) => a[0].items.length);
method(T.bytearray, 'decode', (a, kw) => (T.bytes.ns.get('decode') as any).fn([new PyBytes(Uint8Array.from(a[0].items)), ...a.slice(1)], kw));
method(T.bytearray, '__eq__', (a) => {
  const o = a[1];
  if (o instanceof PyBytes || o instanceof PyByteArray) return latin1(Uint8Array.from(a[0].items)) === latin1(selfBytes(o));
  return NotImplemented;
});

export { repr, eq, realValue, next, arity, getset, PyHashed };
