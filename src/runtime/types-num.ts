// int, bool, float and complex: constructors, operators (returning NotImplemented for foreign
// operands so that reflected methods run), conversions and methods.
import { PyFloat, PyComplex, PyBytes, None, makeInt, floatRepr, complexRepr, type PyInt } from '../values';
import { T, typeOf, PyBoxed, PyType } from './object';
import { PyTuple } from './collections';
import { typeError, valueError, overflowError, zeroDivisionError } from './exceptions';
import { method, getset, staticNative, classMethod } from './func';
import { NotImplemented } from './misc';
import {
  intAdd, intSub, intMul, intFloorDiv, intMod, intTrueDiv, intPow, intPowMod, intLshift, intRshift, intAnd,
  intOr, intXor, intNeg, intInvert, intAbs, intToFloat, floatMod, floatFloorDiv, floatDivmod, floatPow,
  complexPow, complexMul, complexDiv, hashInt, hashFloat, floatToInt, big,
} from './numbers';
import { numCompare, cmpResult, callMethod, toIndex, str as pyStr, repr } from './ops';
import { formatInt, formatFloat, formatComplex, fixedDigits } from './format';
import { newInstance } from './types-object';

/** int-like value (int, bool, int subclass) or undefined. */
export function asInt(x: any): PyInt | undefined {
  switch (typeof x) {
    case 'number':
    case 'bigint':
      return x;
    case 'boolean':
      return x ? 1 : 0;
  }
  if (x instanceof PyBoxed) return asInt(x.value);
  return undefined;
}
/** float value of an int/bool/float (or subclass) or undefined. */
export function asFloat(x: any): number | undefined {
  if (x instanceof PyFloat) return x.value;
  if (x instanceof PyBoxed) return asFloat(x.value);
  const i = asInt(x);
  return i === undefined ? undefined : intToFloat(i);
}
function asComplex(x: any): PyComplex | undefined {
  if (x instanceof PyComplex) return x;
  if (x instanceof PyBoxed) return asComplex(x.value);
  const f = asFloat(x);
  return f === undefined ? undefined : new PyComplex(f, 0);
}

function intBin(name: string, rname: string, f: (a: PyInt, b: PyInt) => any): void {
  method(T.int, name, (a) => {
    const x = asInt(a[0]);
    const y = asInt(a[1]);
    if (x === undefined || y === undefined) return NotImplemented;
    return f(x, y);
  });
  method(T.int, rname, (a) => {
    const x = asInt(a[0]);
    const y = asInt(a[1]);
    if (x === undefined || y === undefined) return NotImplemented;
    return f(y, x);
  });
}
intBin('__add__', '__radd__', intAdd);
intBin('__sub__', '__rsub__', intSub);
intBin('__mul__', '__rmul__', intMul);
intBin('__floordiv__', '__rfloordiv__', intFloorDiv);
intBin('__mod__', '__rmod__', intMod);
intBin('__truediv__', '__rtruediv__', intTrueDiv);
intBin('__lshift__', '__rlshift__', intLshift);
intBin('__rshift__', '__rrshift__', intRshift);
intBin('__and__', '__rand__', intAnd);
intBin('__or__', '__ror__', intOr);
intBin('__xor__', '__rxor__', intXor);
intBin('__divmod__', '__rdivmod__', (a, b) => new PyTuple([intFloorDiv(a, b), intMod(a, b)]));
method(T.int, '__pow__', (a) => {
  const x = asInt(a[0]);
  const y = asInt(a[1]);
  if (x === undefined || y === undefined) return NotImplemented;
  if (a.length > 2 && a[2] !== None) {
    const m = asInt(a[2]);
    if (m === undefined) return NotImplemented;
    return intPowMod(x, y, m);
  }
  return intPow(x, y);
});
method(T.int, '__rpow__', (a) => {
  const x = asInt(a[0]);
  const y = asInt(a[1]);
  if (x === undefined || y === undefined) return NotImplemented;
  return intPow(y, x);
});
method(T.int, '__neg__', (a) => intNeg(asInt(a[0])!));
method(T.int, '__pos__', (a) => asInt(a[0])!);
method(T.int, '__invert__', (a) => intInvert(asInt(a[0])!));
method(T.int, '__abs__', (a) => intAbs(asInt(a[0])!));
method(T.int, '__bool__', (a) => asInt(a[0]) !== 0 && asInt(a[0]) !== 0n);
method(T.int, '__int__', (a) => asInt(a[0])!);
method(T.int, '__index__', (a) => asInt(a[0])!);
method(T.int, '__float__', (a) => new PyFloat(intToFloat(asInt(a[0])!)));
method(T.int, '__hash__', (a) => hashInt(asInt(a[0])!));
method(T.int, '__repr__', (a) => String(asInt(a[0])));
method(T.int, '__format__', (a) => a[1] === '' ? pyStr(a[0]) : formatInt(asInt(a[0])!, a[1], typeOf(a[0]) === T.bool && a[1] === '' ? 'bool' : 'int'));
method(T.int, '__trunc__', (a) => asInt(a[0])!);
method(T.int, '__floor__', (a) => asInt(a[0])!);
method(T.int, '__ceil__', (a) => asInt(a[0])!);
method(T.int, '__getnewargs__', (a) => new PyTuple([asInt(a[0])]));
method(T.int, '__round__', (a) => {
  const x = asInt(a[0])!;
  if (a.length < 2 || a[1] === None) return x;
  const n = asInt(toIndex(a[1]))!;
  if (n >= 0) return x;
  const p = 10n ** big(intNeg(n));
  const X = big(x);
  let q = X / p;
  let r = X % p;
  if (r < 0n) {
    r += p;
    q -= 1n;
  }
  if (2n * r > p || (2n * r === p && (q & 1n) === 1n)) q += 1n;
  return makeInt(q * p);
});
method(T.int, 'conjugate', (a) => asInt(a[0])!);
method(T.int, 'bit_length', (a) => {
  const x = intAbs(asInt(a[0])!);
  return x === 0 || x === 0n ? 0 : big(x).toString(2).length;
});
method(T.int, 'bit_count', (a) => [...big(intAbs(asInt(a[0])!)).toString(2)].filter((c) => c === '1').length);
method(T.int, 'as_integer_ratio', (a) => new PyTuple([asInt(a[0]), 1]));
method(T.int, 'is_integer', () => true);
getset(T.int, 'real', (x) => asInt(x));
getset(T.int, 'imag', () => 0);
getset(T.int, 'numerator', (x) => asInt(x));
getset(T.int, 'denominator', () => 1);
method(T.int, 'to_bytes', (a, kw) => {
  const x = big(asInt(a[0])!);
  const length = Number(a[1] ?? kw?.get('length') ?? 1);
  const order = a[2] ?? kw?.get('byteorder') ?? 'big';
  const signed = kw?.get('signed') === true;
  if (x < 0n && !signed) throw overflowError("can't convert negative int to unsigned");
  let v = x < 0n ? (1n << BigInt(8 * length)) + x : x;
  if (v >= 1n << BigInt(8 * length) || (signed && (x >= 1n << BigInt(8 * length - 1) || x < -(1n << BigInt(8 * length - 1))))) throw overflowError('int too big to convert');
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  if (order === 'little') out.reverse();
  return new PyBytes(out);
});
classMethod(T.int, 'from_bytes', (a, kw) => {
  const bytes: Uint8Array = a[1] instanceof PyBytes ? a[1].bytes : Uint8Array.from((a[1] as any).items ?? []);
  const order = a[2] ?? kw?.get('byteorder') ?? 'big';
  const signed = kw?.get('signed') === true;
  const b = order === 'little' ? [...bytes].reverse() : [...bytes];
  let v = 0n;
  for (const x of b) v = (v << 8n) | BigInt(x);
  if (signed && b.length && b[0] & 0x80) v -= 1n << BigInt(8 * b.length);
  return makeInt(v);
});
for (const [i, n] of ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'].entries()) {
  method(T.int, n, (a) => {
    const x = asInt(a[0]);
    const y = asInt(a[1]);
    if (x === undefined || y === undefined) return NotImplemented;
    return cmpResult(x < y ? -1 : x > y ? 1 : 0, i);
  });
  method(T.float, n, (a) => {
    if (asFloat(a[1]) === undefined) return NotImplemented;
    const c = numCompare(a[0], a[1]);
    if (c === null) return NotImplemented;
    if (c !== c) return i === 3;
    return cmpResult(c, i);
  });
}

/** int(x) / int(s, base). */
export function toInt(x: any, base?: any): PyInt {
  if (base !== undefined) {
    const b = Number(toIndex(base));
    if (b !== 0 && (b < 2 || b > 36)) throw valueError('int() base must be >= 2 and <= 36, or 0');
    if (typeof x === 'string') return parseIntLiteral(x, b);
    if (x instanceof PyBytes) return parseIntLiteral(new TextDecoder().decode(x.bytes), b);
    throw typeError("int() can't convert non-string with explicit base");
  }
  if (typeof x === 'string') return parseIntLiteral(x, 10);
  const i = asInt(x);
  if (i !== undefined) return i;
  if (x instanceof PyFloat) return floatToInt(x.value);
  if (x instanceof PyBytes) return parseIntLiteral(new TextDecoder().decode(x.bytes), 10);
  const t = typeOf(x);
  for (const n of ['__int__', '__index__', '__trunc__']) {
    const f = t.lookup(n);
    if (f !== undefined) {
      const r = callMethod(f, x, []);
      const ri = asInt(r);
      if (ri === undefined) throw typeError(`${n} returned non-int (type ${typeOf(r).name})`);
      return ri;
    }
  }
  throw typeError(`int() argument must be a string, a bytes-like object or a real number, not '${t.name}'`);
}

export function parseIntLiteral(s0: string, base: number): PyInt {
  const err = () => valueError(`invalid literal for int() with base ${base}: ${repr(s0)}`);
  let s = s0.trim();
  let neg = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  let b = base;
  const lower = s.toLowerCase();
  const prefixes: [string, number][] = [['0x', 16], ['0o', 8], ['0b', 2]];
  for (const [p, pb] of prefixes) {
    if (lower.startsWith(p) && (b === 0 || b === pb)) {
      b = pb;
      s = s.slice(2);
      if (s.startsWith('_')) s = s.slice(1);
      break;
    }
  }
  if (b === 0) {
    b = 10;
    if (/^0+[_0]*$/.test(s)) return 0;
    if (s.startsWith('0')) throw err();
  }
  if (s === '' || s.startsWith('_') || s.endsWith('_') || s.includes('__')) throw err();
  s = s.replace(/_/g, '');
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, b);
  for (const c of s.toLowerCase()) if (!digits.includes(c)) throw err();
  let v: bigint;
  if (b === 10) v = BigInt(s);
  else if (b === 16) v = BigInt('0x' + s);
  else if (b === 8) v = BigInt('0o' + s);
  else if (b === 2) v = BigInt('0b' + s);
  else {
    v = 0n;
    const B = BigInt(b);
    for (const c of s.toLowerCase()) v = v * B + BigInt(digits.indexOf(c));
  }
  return makeInt(neg ? -v : v);
}

staticNative(T.int, '__new__', (a, kw) => {
  const cls: PyType = a[0];
  let x = a[1];
  let base = a[2];
  if (kw) {
    if (kw.has('base')) base = kw.get('base');
    if (kw.has('x')) x = kw.get('x');
  }
  const v = x === undefined ? 0 : toInt(x, base);
  if (cls === T.int) return v;
  if (cls === T.bool) return v !== 0;
  const o = newInstance(cls) as PyBoxed;
  o.value = v;
  return o;
});
for (const t of [T.int, T.float, T.complex, T.str, T.bytes]) {
  t.alloc = (cls) => new PyBoxed(cls, undefined);
  t.solidBase = t;
}

// ---------------------------------------------------------------- bool
staticNative(T.bool, '__new__', (a) => {
  if (a.length > 2) throw typeError(`bool expected at most 1 argument, got ${a.length - 1}`);
  return a.length > 1 ? truthyLate(a[1]) : false;
});
import { truthy as truthyLate } from './ops';
method(T.bool, '__repr__', (a) => (a[0] ? 'True' : 'False'));
for (const [n, f] of [['__and__', (x: boolean, y: boolean) => x && y], ['__or__', (x: boolean, y: boolean) => x || y], ['__xor__', (x: boolean, y: boolean) => x !== y]] as const) {
  const intF = T.int.ns.get(n);
  const intR = T.int.ns.get('__r' + n.slice(2));
  method(T.bool, n, (a) => (typeof a[0] === 'boolean' && typeof a[1] === 'boolean' ? f(a[0], a[1]) : callMethod(intF, a[0], [a[1]])));
  method(T.bool, '__r' + n.slice(2), (a) => (typeof a[0] === 'boolean' && typeof a[1] === 'boolean' ? f(a[1], a[0]) : callMethod(intR, a[0], [a[1]])));
}

// ---------------------------------------------------------------- float
function floatBin(name: string, rname: string, f: (a: number, b: number) => any): void {
  method(T.float, name, (a) => {
    const x = asFloat(a[0]);
    const y = asFloat(a[1]);
    if (x === undefined || y === undefined) return NotImplemented;
    return wrapF(f(x, y));
  });
  method(T.float, rname, (a) => {
    const x = asFloat(a[0]);
    const y = asFloat(a[1]);
    if (x === undefined || y === undefined) return NotImplemented;
    return wrapF(f(y, x));
  });
}
function wrapF(r: any): any {
  return typeof r === 'number' ? new PyFloat(r) : r;
}
floatBin('__add__', '__radd__', (a, b) => a + b);
floatBin('__sub__', '__rsub__', (a, b) => a - b);
floatBin('__mul__', '__rmul__', (a, b) => a * b);
floatBin('__truediv__', '__rtruediv__', (a, b) => {
  if (b === 0) throw zeroDivisionError('float division by zero');
  return a / b;
});
floatBin('__floordiv__', '__rfloordiv__', floatFloorDiv);
floatBin('__mod__', '__rmod__', floatMod);
floatBin('__divmod__', '__rdivmod__', (a, b) => {
  const [q, r] = floatDivmod(a, b);
  return new PyTuple([new PyFloat(q), new PyFloat(r)]);
});
floatBin('__pow__', '__rpow__', floatPow);
method(T.float, '__neg__', (a) => new PyFloat(-asFloat(a[0])!));
method(T.float, '__pos__', (a) => new PyFloat(asFloat(a[0])!));
method(T.float, '__abs__', (a) => new PyFloat(Math.abs(asFloat(a[0])!)));
method(T.float, '__bool__', (a) => asFloat(a[0]) !== 0);
method(T.float, '__float__', (a) => new PyFloat(asFloat(a[0])!));
method(T.float, '__int__', (a) => floatToInt(asFloat(a[0])!));
method(T.float, '__trunc__', (a) => floatToInt(asFloat(a[0])!));
method(T.float, '__floor__', (a) => floatToInt(Math.floor(asFloat(a[0])!)));
method(T.float, '__ceil__', (a) => floatToInt(Math.ceil(asFloat(a[0])!)));
method(T.float, '__hash__', (a) => hashFloat(asFloat(a[0])!));
method(T.float, '__repr__', (a) => floatRepr(asFloat(a[0])!));
method(T.float, '__format__', (a) => formatFloat(asFloat(a[0])!, a[1]));
method(T.float, 'is_integer', (a) => Number.isInteger(asFloat(a[0])!));
method(T.float, 'conjugate', (a) => new PyFloat(asFloat(a[0])!));
method(T.float, 'hex', (a) => floatHex(asFloat(a[0])!));
getset(T.float, 'real', (x) => new PyFloat(asFloat(x)!));
getset(T.float, 'imag', () => new PyFloat(0));
method(T.float, 'as_integer_ratio', (a) => {
  const x = asFloat(a[0])!;
  if (!Number.isFinite(x)) {
    if (x !== x) throw valueError('cannot convert NaN to integer ratio');
    throw overflowError('cannot convert Infinity to integer ratio');
  }
  let m = x;
  let d = 1n;
  while (!Number.isInteger(m)) {
    m *= 2;
    d *= 2n;
  }
  let n = BigInt(m);
  const g = gcd(n < 0n ? -n : n, d);
  n /= g;
  d /= g;
  return new PyTuple([makeInt(n), makeInt(d)]);
});
function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}
method(T.float, '__round__', (a) => {
  const x = asFloat(a[0])!;
  if (a.length < 2 || a[1] === None) {
    if (x !== x) throw valueError('cannot convert float NaN to integer');
    if (!Number.isFinite(x)) throw overflowError('cannot convert float infinity to integer');
    let r = Math.round(x);
    if (Math.abs(x - Math.trunc(x)) === 0.5) r = 2 * Math.round(x / 2);
    return floatToInt(r);
  }
  const n = Number(toIndex(a[1]));
  return new PyFloat(roundFloat(x, n));
});
export function roundFloat(x: number, n: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (n > 323) return x;
  if (n < -308) return 0 * x;
  let s: string;
  if (n >= 0) s = fixedDigits(Math.abs(x), n);
  else {
    const q = fixedDigits(Math.abs(x) / 1, 0);
    void q;
    // Round to a multiple of 10**-n, half-even, exactly.
    const digits = BigInt(fixedDigits(Math.abs(x), 0).split('.')[0]);
    const frac = Math.abs(x) - Math.trunc(Math.abs(x));
    const p = 10n ** BigInt(-n);
    let qq = digits / p;
    const r = digits % p;
    const twice = 2n * r;
    if (twice > p || (twice === p && (frac > 0 || (qq & 1n) === 1n))) qq += 1n;
    s = (qq * p).toString();
  }
  const r = Number(s);
  return x < 0 ? -r : r;
}
function floatHex(x: number): string {
  if (x !== x) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  x = Math.abs(x);
  if (x === 0) return sign + '0x0.0p+0';
  let e = Math.floor(Math.log2(x));
  if (e < -1022) e = -1022;
  let m = x / 2 ** e;
  while (m >= 2) {
    m /= 2;
    e++;
  }
  while (m < 1 && e > -1022) {
    m *= 2;
    e--;
  }
  const lead = Math.floor(m);
  let frac = m - lead;
  let hex = '';
  for (let i = 0; i < 13; i++) {
    frac *= 16;
    const d = Math.floor(frac);
    hex += d.toString(16);
    frac -= d;
  }
  return `${sign}0x${lead}.${hex}p${e >= 0 ? '+' : ''}${e}`;
}

export function parseFloatLiteral(s0: string): number {
  const s = s0.trim().toLowerCase();
  const err = () => valueError(`could not convert string to float: ${repr(s0)}`);
  const m = /^([+-]?)(inf|infinity|nan)$/.exec(s);
  if (m) return m[2] === 'nan' ? NaN : m[1] === '-' ? -Infinity : Infinity;
  if (!/^[+-]?((\d(_?\d)*)?\.?(\d(_?\d)*)?)(e[+-]?\d(_?\d)*)?$/.test(s) || !/\d/.test(s.split('e')[0])) throw err();
  if (/\._|_\.|_e|e_/.test(s)) throw err();
  return Number(s.replace(/_/g, ''));
}

export function toFloat(x: any): number {
  if (x instanceof PyFloat) return x.value;
  if (typeof x === 'string') return parseFloatLiteral(x);
  const i = asInt(x);
  if (i !== undefined) return intToFloat(i);
  if (x instanceof PyBoxed) return toFloat(x.value);
  const t = typeOf(x);
  const f = t.lookup('__float__');
  if (f !== undefined) {
    const r = callMethod(f, x, []);
    if (!(r instanceof PyFloat)) throw typeError(`${t.name}.__float__ returned non-float (type ${typeOf(r).name})`);
    return r.value;
  }
  const ix = t.lookup('__index__');
  if (ix !== undefined) return intToFloat(toIndex(x));
  throw typeError(`float() argument must be a string or a real number, not '${t.name}'`);
}
staticNative(T.float, '__new__', (a) => {
  const cls: PyType = a[0];
  const v = a.length > 1 ? toFloat(a[1]) : 0;
  if (cls === T.float) return new PyFloat(v);
  const o = newInstance(cls) as PyBoxed;
  o.value = new PyFloat(v);
  return o;
});
classMethod(T.float, 'fromhex', (a) => new PyFloat(parseHexFloat(a[1])));
function parseHexFloat(s: string): number {
  const m = /^\s*([+-]?)(?:0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?\s*$/i.exec(s);
  if (!m) throw valueError('invalid hexadecimal floating-point string');
  let v = parseInt(m[2] || '0', 16);
  const frac = m[3] ?? '';
  for (let i = 0; i < frac.length; i++) v += parseInt(frac[i], 16) / 16 ** (i + 1);
  v *= 2 ** Number(m[4] ?? 0);
  return m[1] === '-' ? -v : v;
}

// ---------------------------------------------------------------- complex
function complexBin(name: string, rname: string, f: (a: PyComplex, b: PyComplex) => PyComplex): void {
  method(T.complex, name, (a) => {
    const x = asComplex(a[0]);
    const y = asComplex(a[1]);
    if (x === undefined || y === undefined) return NotImplemented;
    return f(x, y);
  });
  method(T.complex, rname, (a) => {
    const x = asComplex(a[0]);
    const y = asComplex(a[1]);
    if (x === undefined || y === undefined) return NotImplemented;
    return f(y, x);
  });
}
complexBin('__add__', '__radd__', (a, b) => new PyComplex(a.real + b.real, a.imag + b.imag));
complexBin('__sub__', '__rsub__', (a, b) => new PyComplex(a.real - b.real, a.imag - b.imag));
complexBin('__mul__', '__rmul__', complexMul);
complexBin('__truediv__', '__rtruediv__', complexDiv);
complexBin('__pow__', '__rpow__', complexPow);
for (const [rn, n] of [['__eq__', true], ['__ne__', false]] as const) {
  method(T.complex, rn, (a) => {
    const x = asComplex(a[0])!;
    const y = asComplex(a[1]);
    if (y === undefined) return NotImplemented;
    const e = x.real === y.real && x.imag === y.imag;
    return n ? e : !e;
  });
}
method(T.complex, '__neg__', (a) => new PyComplex(-a[0].real, -a[0].imag));
method(T.complex, '__pos__', (a) => a[0]);
method(T.complex, '__abs__', (a) => new PyFloat(Math.hypot(a[0].real, a[0].imag)));
method(T.complex, '__bool__', (a) => a[0].real !== 0 || a[0].imag !== 0);
method(T.complex, '__repr__', (a) => complexRepr(asComplex(a[0])!.real, asComplex(a[0])!.imag));
method(T.complex, '__hash__', (a) => {
  const c = asComplex(a[0])!;
  const h = BigInt(hashFloat(c.real)) + 1000003n * BigInt(hashFloat(c.imag));
  return hashInt(makeInt(BigInt.asIntN(64, h)));
});
method(T.complex, '__format__', (a) => (a[1] === '' ? pyStr(a[0]) : formatComplex(a[0].real, a[0].imag, a[1])));
method(T.complex, 'conjugate', (a) => new PyComplex(a[0].real, -a[0].imag));
getset(T.complex, 'real', (c) => new PyFloat(asComplex(c)!.real));
getset(T.complex, 'imag', (c) => new PyFloat(asComplex(c)!.imag));
staticNative(T.complex, '__new__', (a) => {
  let re = 0;
  let im = 0;
  if (typeof a[1] === 'string') {
    const s = a[1].trim().replace(/^\((.*)\)$/, '$1');
    const m = /^([+-]?[0-9.e]+(?:[eE][+-]?\d+)?)?(?:([+-]?[0-9.e]*)j)?$/i.exec(s);
    if (!m || s === '') throw valueError('complex() arg is a malformed string');
    re = m[1] ? Number(m[1]) : 0;
    im = m[2] !== undefined ? (m[2] === '' || m[2] === '+' ? 1 : m[2] === '-' ? -1 : Number(m[2])) : 0;
  } else {
    if (a.length > 1) {
      const c = asComplex(a[1]);
      if (c === undefined) throw typeError(`complex() first argument must be a string or a number, not '${typeOf(a[1]).name}'`);
      re = c.real;
      im = c.imag;
    }
    if (a.length > 2) {
      const c = asComplex(a[2]);
      if (c === undefined) throw typeError(`complex() second argument must be a number, not '${typeOf(a[2]).name}'`);
      re -= c.imag;
      im += c.real;
    }
  }
  return new PyComplex(re, im);
});

export { asComplex, hashInt };
void intTrueDiv;
