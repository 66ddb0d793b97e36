// repr() of literal values, exactly as CPython 3.11 prints them.
import { PyBytes, PyComplex, PyEllipsisType, PyFloat, PyNoneType, type LiteralValue } from './literals';
import { NON_PRINTABLE_RANGES } from './printable-data';

/** Splits a finite non-zero |x| into its shortest round-trip digits and decimal point position. */
function shortestDigits(x: number): { digits: string; decpt: number } {
  const [mant, exp] = Math.abs(x).toExponential().split('e');
  return { digits: mant.replace('.', ''), decpt: Number(exp) + 1 };
}

/** Python's 'r' float formatting; addDot appends '.0' to integral values as repr(float) does. */
function formatFloatR(x: number, addDot: boolean): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return sign + (addDot ? '0.0' : '0');
  const { digits, decpt } = shortestDigits(x);
  let body: string;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) body = '0.' + '0'.repeat(-decpt) + digits;
    else if (decpt >= digits.length) body = digits + '0'.repeat(decpt - digits.length) + (addDot ? '.0' : '');
    else body = digits.slice(0, decpt) + '.' + digits.slice(decpt);
  } else {
    const e = decpt - 1;
    const mant = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    body = mant + 'e' + (e < 0 ? '-' : '+') + String(Math.abs(e)).padStart(2, '0');
  }
  return sign + body;
}

/** repr(float). */
export function floatRepr(x: number): string {
  return formatFloatR(x, true);
}

/** The 'r' format without the trailing '.0' (used for complex parts). */
export function floatReprNoDot(x: number): string {
  return formatFloatR(x, false);
}

/** repr(complex). */
export function complexRepr(real: number, imag: number): string {
  const im = floatReprNoDot(imag);
  if (real === 0 && !Object.is(real, -0)) return im + 'j';
  const re = floatReprNoDot(real);
  const imSigned = im.startsWith('-') ? im : '+' + im;
  return `(${re}${imSigned}j)`;
}

export function intRepr(v: number | bigint): string {
  return typeof v === 'bigint' ? v.toString() : String(v);
}

/** str.isprintable() for one code point, by Python 3.11's own table (binary search over ranges). */
export function isPrintableCodePoint(cp: number): boolean {
  const r = NON_PRINTABLE_RANGES;
  let lo = 0;
  let hi = (r.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < r[mid * 2]) hi = mid - 1;
    else if (cp > r[mid * 2 + 1]) lo = mid + 1;
    else return false;
  }
  return true;
}

function hexEscape(cp: number): string {
  if (cp < 0x100) return '\\x' + cp.toString(16).padStart(2, '0');
  if (cp < 0x10000) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}

/** repr(str): quote choice, escapes and printable test as unicode_repr does. */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += hexEscape(cp);
    else if (cp < 0x7f) out += ch;
    else if (!isPrintableCodePoint(cp)) out += hexEscape(cp);
    else out += ch;
  }
  return out + quote;
}

/** repr(bytes). */
export function bytesRepr(b: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const c of b) {
    if (c === 0x27) hasSingle = true;
    else if (c === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? 0x22 : 0x27;
  let out = 'b' + String.fromCharCode(quote);
  for (const c of b) {
    if (c === quote || c === 0x5c) out += '\\' + String.fromCharCode(c);
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += String.fromCharCode(c);
  }
  return out + String.fromCharCode(quote);
}

/** repr() of any literal value. */
export function literalRepr(v: LiteralValue): string {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return intRepr(v);
    case 'boolean':
      return v ? 'True' : 'False';
    case 'string':
      return strRepr(v);
  }
  if (v instanceof PyFloat) return floatRepr(v.value);
  if (v instanceof PyComplex) return complexRepr(v.real, v.imag);
  if (v instanceof PyBytes) return bytesRepr(v.bytes);
  if (v instanceof PyNoneType) return 'None';
  if (v instanceof PyEllipsisType) return 'Ellipsis';
  throw new TypeError('not a literal value');
}
