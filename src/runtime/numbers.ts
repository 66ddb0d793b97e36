// int, float and complex arithmetic with CPython's semantics and error messages. ints are JS
// numbers while safe and bigints beyond: each operation tries the number path and checks the
// result is a safe integer, falling back to exact bigint arithmetic.
import { PyFloat, PyComplex, makeInt, type PyInt } from '../values';
import { newExc, zeroDivisionError, overflowError, valueError } from './exceptions';
import { T } from './object';

export function big(x: PyInt | boolean): bigint {
  return typeof x === 'bigint' ? x : BigInt(x as number);
}

export function intAdd(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return makeInt(big(a) + big(b));
}
export function intSub(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return makeInt(big(a) - big(b));
}
export function intMul(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r + 0;
  }
  return makeInt(big(a) * big(b));
}
export function intFloorDiv(a: PyInt, b: PyInt): PyInt {
  if (b === 0 || b === 0n) throw zeroDivisionError('integer division or modulo by zero');
  if (typeof a === 'number' && typeof b === 'number' && Math.abs(a) < 2 ** 52) {
    let r = a % b;
    if (r !== 0 && (r < 0) !== (b < 0)) r += b;
    return (a - r) / b + 0;
  }
  const A = big(a);
  const B = big(b);
  let q = A / B;
  if ((A % B !== 0n) && ((A < 0n) !== (B < 0n))) q -= 1n;
  return makeInt(q);
}
export function intMod(a: PyInt, b: PyInt): PyInt {
  if (b === 0 || b === 0n) throw zeroDivisionError('integer modulo by zero');
  if (typeof a === 'number' && typeof b === 'number') {
    let r = a % b;
    if (r !== 0 && (r < 0) !== (b < 0)) r += b;
    return r + 0;
  }
  const B = big(b);
  let r = big(a) % B;
  if (r !== 0n && (r < 0n) !== (B < 0n)) r += B;
  return makeInt(r);
}
export function intTrueDiv(a: PyInt, b: PyInt): PyFloat {
  if (b === 0 || b === 0n) throw zeroDivisionError('division by zero');
  if (typeof a === 'number' && typeof b === 'number') return new PyFloat(a / b);
  // Exact for large operands: scale so that the quotient keeps 53+ significant bits.
  const A = big(a);
  const B = big(b);
  const fa = Number(A);
  const fb = Number(B);
  if (Number.isFinite(fa) && Number.isFinite(fb) && Math.abs(fa) < 2 ** 53 && Math.abs(fb) < 2 ** 53) return new PyFloat(fa / fb);
  const neg = (A < 0n) !== (B < 0n);
  const an = A < 0n ? -A : A;
  const bn = B < 0n ? -B : B;
  const shift = BigInt(Math.max(0, 64 - (an.toString(2).length - bn.toString(2).length)));
  const q = (an << shift) / bn;
  const r = Number(q) / 2 ** Number(shift);
  if (!Number.isFinite(r)) throw overflowError('integer division result too large for a float');
  return new PyFloat(neg ? -r : r);
}
export function intPow(a: PyInt, b: PyInt): PyInt | PyFloat {
  if (b < 0) {
    if (a === 0 || a === 0n) throw zeroDivisionError('0.0 cannot be raised to a negative power');
    return new PyFloat(Math.pow(intToFloat(a), intToFloat(b)));
  }
  if (typeof a === 'number' && typeof b === 'number') {
    const r = Math.pow(a, b);
    if (Math.abs(r) < 2 ** 31) return r + 0;
  }
  return makeInt(big(a) ** big(b));
}
export function intPowMod(a: PyInt, b: PyInt, m: PyInt): PyInt {
  let B = big(b);
  let M = big(m);
  if (M === 0n) throw valueError('pow() 3rd argument cannot be 0');
  let A = big(a);
  const neg = M < 0n;
  if (neg) M = -M;
  if (B < 0n) {
    A = modInverse(A, M);
    B = -B;
  }
  let result = 1n % M;
  A = ((A % M) + M) % M;
  while (B > 0n) {
    if (B & 1n) result = (result * A) % M;
    A = (A * A) % M;
    B >>= 1n;
  }
  if (neg && result !== 0n) result -= M;
  return makeInt(result);
}
function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw valueError('base is not invertible for the given modulus');
  return ((oldS % m) + m) % m;
}
export function intLshift(a: PyInt, b: PyInt): PyInt {
  if (b < 0) throw valueError('negative shift count');
  if (typeof a === 'number' && typeof b === 'number' && b < 31 && Math.abs(a) < 2 ** 21) return a * 2 ** b;
  return makeInt(big(a) << big(b));
}
export function intRshift(a: PyInt, b: PyInt): PyInt {
  if (b < 0) throw valueError('negative shift count');
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a) return b > 31 ? (a < 0 ? -1 : 0) : a >> b;
  return makeInt(big(a) >> big(b));
}
function isI32(x: PyInt): x is number {
  return typeof x === 'number' && (x | 0) === x;
}
export function intAnd(a: PyInt, b: PyInt): PyInt {
  if (isI32(a) && isI32(b)) return a & b;
  return makeInt(big(a) & big(b));
}
export function intOr(a: PyInt, b: PyInt): PyInt {
  if (isI32(a) && isI32(b)) return a | b;
  return makeInt(big(a) | big(b));
}
export function intXor(a: PyInt, b: PyInt): PyInt {
  if (isI32(a) && isI32(b)) return a ^ b;
  return makeInt(big(a) ^ big(b));
}
export function intNeg(a: PyInt): PyInt {
  if (typeof a === 'number') return a === 0 ? 0 : -a;
  return makeInt(-a);
}
export function intInvert(a: PyInt): PyInt {
  if (isI32(a)) return ~a;
  return makeInt(-big(a) - 1n);
}
export function intAbs(a: PyInt): PyInt {
  if (typeof a === 'number') return Math.abs(a);
  return a < 0n ? -a : a;
}
export function intCompare(a: PyInt, b: PyInt): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
export function intToFloat(a: PyInt): number {
  if (typeof a === 'number') return a;
  const f = Number(a);
  if (!Number.isFinite(f)) throw overflowError('int too large to convert to float');
  // Number(bigint) rounds to nearest-even, matching CPython.
  return f;
}

// ---- float ----
export function floatMod(a: number, b: number): number {
  if (b === 0) throw zeroDivisionError('float modulo');
  let mod = a % b;
  if (mod) {
    if ((b < 0) !== (mod < 0)) mod += b;
  } else mod = b < 0 ? -0 : 0;
  return mod;
}
export function floatFloorDiv(a: number, b: number): number {
  if (b === 0) throw zeroDivisionError('float floor division by zero');
  return floatDivmod(a, b)[0];
}
export function floatDivmod(a: number, b: number): [number, number] {
  if (b === 0) throw zeroDivisionError('float divmod()');
  let mod = a % b;
  let div = (a - mod) / b;
  if (mod) {
    if ((b < 0) !== (mod < 0)) {
      mod += b;
      div -= 1;
    }
  } else mod = b < 0 ? -0 : 0;
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else floordiv = a / b < 0 ? -0 : 0;
  return [floordiv, mod];
}
export function floatPow(a: number, b: number): number | PyComplex {
  if (a === 0 && b < 0) throw zeroDivisionError('0.0 cannot be raised to a negative power');
  if (a < 0 && !Number.isInteger(b) && Number.isFinite(b)) return complexPow(new PyComplex(a, 0), new PyComplex(b, 0));
  if (a === 1 || b === 0) return 1;
  const r = Math.pow(a, b);
  if (!Number.isFinite(r) && Number.isFinite(a) && Number.isFinite(b)) throw overflowError('(34, \'Numerical result out of range\')');
  return r;
}

// ---- complex ----
export function complexPow(a: PyComplex, b: PyComplex): PyComplex {
  if (b.real === 0 && b.imag === 0) return new PyComplex(1, 0);
  if (a.real === 0 && a.imag === 0) {
    if (b.imag !== 0 || b.real < 0) throw zeroDivisionError('0.0 to a negative or complex power');
    return new PyComplex(0, 0);
  }
  if (b.imag === 0 && Number.isInteger(b.real) && Math.abs(b.real) <= 100) {
    let n = Math.abs(b.real);
    let r = new PyComplex(1, 0);
    let p = a;
    while (n > 0) {
      if (n & 1) r = complexMul(r, p);
      p = complexMul(p, p);
      n >>= 1;
    }
    return b.real < 0 ? complexDiv(new PyComplex(1, 0), r) : r;
  }
  const vabs = Math.hypot(a.real, a.imag);
  let len = Math.pow(vabs, b.real);
  const at = Math.atan2(a.imag, a.real);
  let phase = at * b.real;
  if (b.imag !== 0) {
    len /= Math.exp(at * b.imag);
    phase += b.imag * Math.log(vabs);
  }
  return new PyComplex(len * Math.cos(phase), len * Math.sin(phase));
}
export function complexMul(a: PyComplex, b: PyComplex): PyComplex {
  return new PyComplex(a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real);
}
export function complexDiv(a: PyComplex, b: PyComplex): PyComplex {
  const absBr = Math.abs(b.real);
  const absBi = Math.abs(b.imag);
  if (b.real === 0 && b.imag === 0) throw zeroDivisionError('complex division by zero');
  if (absBr >= absBi) {
    const ratio = b.imag / b.real;
    const denom = b.real + b.imag * ratio;
    return new PyComplex((a.real + a.imag * ratio) / denom, (a.imag - a.real * ratio) / denom);
  }
  const ratio = b.real / b.imag;
  const denom = b.real * ratio + b.imag;
  return new PyComplex((a.real * ratio + a.imag) / denom, (a.imag * ratio - a.real) / denom);
}

// ---- hashing (CPython's numeric hash: reduction modulo 2**61 - 1) ----
const P = (1n << 61n) - 1n;
const PN = 2 ** 61 - 1;
export function hashInt(x: PyInt | boolean): PyInt {
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (typeof x === 'number') {
    if (x < PN && x > -PN) return x === -1 ? -2 : x;
    x = BigInt(x);
  }
  const neg = x < 0n;
  let r = (neg ? -x : x) % P;
  if (neg) r = -r;
  if (r === -1n) r = -2n;
  return makeInt(r);
}
export function hashFloat(v: number): PyInt {
  if (!Number.isFinite(v)) {
    if (v !== v) return 0; // CPython hashes NaN by identity; any value is acceptable here
    return v > 0 ? 314159 : -314159;
  }
  if (Number.isInteger(v)) return hashInt(Number.isSafeInteger(v) ? v : BigInt(v));
  // v = m * 2**e with m an integer: hash = m * 2**e mod P (2**-k = 2**(61-k) mod P since 2**61 = 1).
  let m = Math.abs(v);
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e--;
  }
  let M = BigInt(m) % P;
  const shift = BigInt(((e % 61) + 61) % 61);
  M = ((M << shift) | (M >> (61n - shift))) & P;
  let r = v < 0 ? -M : M;
  if (r === -1n) r = -2n;
  return makeInt(r);
}

export function floatFromInt(x: PyInt | boolean): PyFloat {
  return new PyFloat(typeof x === 'boolean' ? +x : intToFloat(x));
}

/** Converts an integer-valued float to int (int(1e20), math.floor). */
export function floatToInt(v: number): PyInt {
  if (v !== v) throw valueError('cannot convert float NaN to integer');
  if (!Number.isFinite(v)) throw overflowError('cannot convert float infinity to integer');
  const t = Math.trunc(v);
  if (Number.isSafeInteger(t)) return t + 0;
  return makeInt(BigInt(t));
}

export function newOverflow(msg: string) {
  return newExc(T.OverflowError, msg);
}
