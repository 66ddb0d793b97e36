// Values of NUMBER tokens (the tokenizer has already checked their syntax).
import { PyComplex, PyFloat, makeInt, type LiteralValue } from '../values';

/** The value of a number literal: int (number or bigint), PyFloat or imaginary PyComplex. */
export function parseNumber(text: string): LiteralValue {
  let s = text.indexOf('_') >= 0 ? text.replace(/_/g, '') : text;
  const last = s.charCodeAt(s.length - 1) | 32;
  if (last === 106) {
    s = s.slice(0, -1);
    return new PyComplex(0, Number(s));
  }
  const c1 = s.charCodeAt(1) | 32;
  if (s.charCodeAt(0) === 48 && (c1 === 120 || c1 === 111 || c1 === 98)) {
    const n = s.length < 12 ? parseInt(s.slice(2), c1 === 120 ? 16 : c1 === 111 ? 8 : 2) : null;
    if (n !== null && Number.isSafeInteger(n)) return n;
    return makeInt(BigInt(s.toLowerCase()));
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 || (c | 32) === 101) return new PyFloat(Number(s));
  }
  if (s.length < 16) return Number(s);
  return makeInt(BigInt(s));
}

