// AST optimisation before code generation, as CPython 3.11's ast_opt.c: constant folding of unary,
// binary and subscript operations on constants (with the same size limits), tuples of constants,
// `__debug__`, `not (a is b)` -> `a is not b`, `"%s" % (x,)` -> f-string, and literal lists/sets
// iterated by `for` or tested with `in` becoming tuple/frozenset constants. The AST is rewritten
// in place (as CPython does on its own copy).
/* eslint-disable @typescript-eslint/no-explicit-any */
import { ConstFrozenset, ConstTuple } from '../bytecode/code';
import { frozensetIterationOrder, isNameLikeString } from '../bytecode/const-hash';
import { None, Ellipsis, PyBytes, PyComplex, PyFloat, makeInt } from '../values';

const MAX_INT_SIZE = 128;
const MAX_COLLECTION_SIZE = 256;
const MAX_STR_SIZE = 4096;
const MAX_TOTAL_ITEMS = 1024;

/** Marker for "not foldable" (CPython: the operation raised, the error is cleared). */
const FAIL = Symbol('fail');
type Val = any;

function isInt(v: Val): boolean {
  return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
}
function big(v: Val): bigint {
  return typeof v === 'boolean' ? (v ? 1n : 0n) : BigInt(v);
}
function bitLength(v: bigint): number {
  if (v < 0n) v = -v;
  return v === 0n ? 0 : v.toString(2).length;
}
function isFloat(v: Val): v is PyFloat {
  return v instanceof PyFloat;
}
function isComplex(v: Val): v is PyComplex {
  return v instanceof PyComplex;
}
function isNumber(v: Val): boolean {
  return isInt(v) || isFloat(v) || isComplex(v);
}
function strLen(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

function intToFloat(v: Val): number | typeof FAIL {
  const f = Number(big(v));
  return Number.isFinite(f) ? f : FAIL;
}

function toFloat(v: Val): number | typeof FAIL {
  if (isFloat(v)) return v.value;
  return intToFloat(v);
}

function floatDivmod(vx: number, wx: number): [number, number] {
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = Math.sign(wx) * 0 || (Object.is(wx, -0) || wx < 0 ? -0 : 0);
  }
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = (vx / wx < 0 || Object.is(vx / wx, -0)) ? -0 : 0;
  }
  return [floordiv, mod];
}

/** x = m * 2**e with m an odd (or zero) integer. */
function decompose(x: number): [bigint, number] {
  const f = new Float64Array([Math.abs(x)]);
  const u = new BigUint64Array(f.buffer)[0];
  const bexp = Number((u >> 52n) & 0x7ffn);
  let m = u & 0xfffffffffffffn;
  let e: number;
  if (bexp === 0) e = -1074;
  else {
    m |= 1n << 52n;
    e = bexp - 1075;
  }
  while (m !== 0n && (m & 1n) === 0n) {
    m >>= 1n;
    e++;
  }
  return [m, e];
}

function bitLen(v: bigint): number {
  return v === 0n ? 0 : v.toString(2).length;
}

/** The double nearest to p / q * 2**scale (p, q > 0), ties to even. */
function roundRational(p: bigint, q: bigint, scale: number): number {
  // Normalise the quotient to 55 significant bits (53 + guard + room), tracking a sticky bit.
  const k = bitLen(p) - bitLen(q);
  let shift = 55 - k;
  let num = p;
  let den = q;
  if (shift > 0) num <<= BigInt(shift);
  else den <<= BigInt(-shift);
  let quo = num / den;
  let sticky = num % den !== 0n;
  let exp = scale - shift; // value = quo * 2**exp (approximately, quo has 55 or 56 bits)
  // Keep 53 bits (fewer for subnormals).
  let bits = bitLen(quo);
  let drop = bits - 53;
  const minExp = -1074;
  if (exp + drop < minExp) drop = minExp - exp;
  if (drop > 0) {
    const mask = (1n << BigInt(drop)) - 1n;
    const rem = quo & mask;
    const half = 1n << BigInt(drop - 1);
    quo >>= BigInt(drop);
    exp += drop;
    if (rem > half || (rem === half && (sticky || (quo & 1n) === 1n))) quo += 1n;
    sticky = sticky || rem !== 0n;
  }
  bits = bitLen(quo);
  if (bits + exp > 1024) return Infinity;
  return Number(quo) * Math.pow(2, exp);
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLen(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** Rounds r * 2**exp (r > 0 integer; `sticky` = the true value is a bit above r * 2**exp) to a double. */
function roundWithSticky(r: bigint, exp: number, sticky: boolean): number {
  let bits = bitLen(r);
  let drop = bits - 53;
  if (exp + drop < -1074) drop = -1074 - exp;
  if (drop > 0) {
    const mask = (1n << BigInt(drop)) - 1n;
    const rem = r & mask;
    const half = 1n << BigInt(drop - 1);
    r >>= BigInt(drop);
    exp += drop;
    if (rem > half || (rem === half && (sticky || (r & 1n) === 1n))) r += 1n;
  }
  bits = bitLen(r);
  if (bits + exp > 1024) return Infinity;
  return Number(r) * Math.pow(2, exp);
}

/**
 * x ** y correctly rounded when y = Y / 2**k with a small odd Y and k <= 4 (2.5, -0.5, 0.25, ...):
 * the exact power, then k exact integer square roots.
 */
function dyadicPow(x: number, y: number): number | null {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  let k = 0;
  let Y = y;
  while (Y !== Math.floor(Y) && k < 5) {
    Y *= 2;
    k++;
  }
  if (k === 0 || k > 4) return null;
  const n = 1 << k;
  const [m, e] = decompose(x);
  const absY = Math.abs(Y);
  if (bitLen(m) * absY > 4096 || Math.abs(e * Y) > 1e6) return null;
  let A = Y > 0 ? m ** BigInt(absY) : 1n;
  const B = Y > 0 ? 1n : m ** BigInt(absY);
  const E = e * Y;
  const q = Math.floor(E / n);
  const rem = E - q * n;
  A <<= BigInt(rem);
  // Scale so that the root has about 64 bits.
  const s = 64 - Math.floor((bitLen(A) - bitLen(B)) / n);
  let T: bigint;
  let exact: boolean;
  if (s >= 0) {
    const N = A << BigInt(n * s);
    T = N / B;
    exact = N % B === 0n;
  } else {
    const D = B << BigInt(n * -s);
    T = A / D;
    exact = A % D === 0n;
  }
  let R = T;
  for (let i = 0; i < k; i++) {
    const r = isqrt(R);
    if (r * r !== R) exact = false;
    R = r;
  }
  if (R === 0n) return null;
  return roundWithSticky(R, q - s, !exact);
}

function exactIntPow(x: number, n: number): number | null {
  if (!Number.isFinite(x) || x === 0) return null;
  const [m, e] = decompose(x);
  const neg = x < 0 && n % 2 !== 0;
  const k = Math.abs(n);
  const mp = m ** BigInt(k);
  let r: number;
  if (n > 0) r = roundRational(mp, 1n, e * k);
  else r = roundRational(1n, mp, -e * k);
  if (!Number.isFinite(r) || r === 0) return null;
  return neg ? -r : r;
}

function floatPow(iv: number, iw: number): number | typeof FAIL {
  if (iw === 0) return 1.0;
  if (Number.isNaN(iv)) return iv;
  if (Number.isNaN(iw)) return iv === 1.0 ? 1.0 : iw;
  if (!Number.isFinite(iw) || !Number.isFinite(iv)) {
    if (iv === 1.0) return 1.0;
    return Math.pow(iv, iw);
  }
  if (iv === 0) {
    if (iw < 0) return FAIL;
    return Math.pow(iv, iw);
  }
  if (iv < 0 && iw !== Math.floor(iw)) return FAIL;
  if (iv === 1.0) return 1.0;
  // V8's Math.pow is not always correctly rounded (C's pow is, in practice): compute exactly.
  if (iw === Math.floor(iw) && Math.abs(iw) <= 1e6 && bitLen(decompose(iv)[0]) * Math.abs(iw) <= 4096) {
    const exact = exactIntPow(iv, iw);
    if (exact !== null) return exact;
  }
  if (iv > 0) {
    const exact = dyadicPow(iv, iw);
    if (exact !== null) return exact;
  }
  const r = Math.pow(iv, iw);
  if (!Number.isFinite(r)) return FAIL;
  return r;
}

function intBinop(op: string, a: Val, b: Val): Val {
  const x = big(a);
  const y = big(b);
  const bothBool = typeof a === 'boolean' && typeof b === 'boolean';
  switch (op) {
    case 'Add': return makeInt(x + y);
    case 'Sub': return makeInt(x - y);
    case 'Mult': return makeInt(x * y);
    case 'Div': {
      if (y === 0n) return FAIL;
      const fx = Number(x);
      const fy = Number(y);
      if (!Number.isFinite(fx) || !Number.isFinite(fy)) return FAIL;
      return new PyFloat(fx / fy);
    }
    case 'FloorDiv': {
      if (y === 0n) return FAIL;
      let q = x / y;
      if ((x % y !== 0n) && ((x < 0n) !== (y < 0n))) q -= 1n;
      return makeInt(q);
    }
    case 'Mod': {
      if (y === 0n) return FAIL;
      let m = x % y;
      if (m !== 0n && (m < 0n) !== (y < 0n)) m += y;
      return makeInt(m);
    }
    case 'Pow': {
      if (y < 0n) {
        const fx = Number(x);
        const fy = Number(y);
        if (x === 0n) return FAIL;
        const r = floatPow(fx, fy);
        return r === FAIL ? FAIL : new PyFloat(r);
      }
      return makeInt(x ** y);
    }
    case 'LShift':
      if (y < 0n) return FAIL;
      return makeInt(x << y);
    case 'RShift':
      if (y < 0n) return FAIL;
      return makeInt(x >> y);
    case 'BitOr': return bothBool ? a || b : makeInt(x | y);
    case 'BitXor': return bothBool ? a !== b : makeInt(x ^ y);
    case 'BitAnd': return bothBool ? a && b : makeInt(x & y);
  }
  return FAIL;
}

function floatBinop(op: string, a: Val, b: Val): Val {
  const x = toFloat(a);
  const y = toFloat(b);
  if (x === FAIL || y === FAIL) return FAIL;
  switch (op) {
    case 'Add': return new PyFloat(x + y);
    case 'Sub': return new PyFloat(x - y);
    case 'Mult': return new PyFloat(x * y);
    case 'Div':
      if (y === 0) return FAIL;
      return new PyFloat(x / y);
    case 'FloorDiv':
      if (y === 0) return FAIL;
      return new PyFloat(floatDivmod(x, y)[0]);
    case 'Mod': {
      if (y === 0) return FAIL;
      let mod = x % y;
      if (mod) {
        if (y < 0 !== mod < 0) mod += y;
      } else {
        mod = y < 0 || Object.is(y, -0) ? -0 : 0;
      }
      return new PyFloat(mod);
    }
    case 'Pow': {
      if (x < 0 && Number.isFinite(y) && y !== Math.floor(y)) return complexPow([x, 0], [y, 0]);
      const r = floatPow(x, y);
      return r === FAIL ? FAIL : new PyFloat(r);
    }
  }
  return FAIL;
}

function toComplex(v: Val): [number, number] | typeof FAIL {
  if (isComplex(v)) return [v.real, v.imag];
  const f = toFloat(v);
  return f === FAIL ? FAIL : [f, 0];
}

type C = [number, number];
function cProd(a: C, b: C): C {
  return [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
}
function cQuot(a: C, b: C): C | typeof FAIL {
  const [ar, ai] = a;
  const [br, bi] = b;
  const absBr = Math.abs(br);
  const absBi = Math.abs(bi);
  if (absBr >= absBi) {
    if (absBr === 0) return FAIL;
    const ratio = bi / br;
    const denom = br + bi * ratio;
    return [(ar + ai * ratio) / denom, (ai - ar * ratio) / denom];
  } else if (absBi >= absBr) {
    const ratio = br / bi;
    const denom = br * ratio + bi;
    return [(ar * ratio + ai) / denom, (ai * ratio - ar) / denom];
  }
  return [NaN, NaN];
}
/** complex_pow: c_powi for small integral exponents, else _Py_c_pow. */
function complexPow(a: C, b: C): Val {
  let r: C;
  if (b[1] === 0 && b[0] === Math.floor(b[0]) && Math.abs(b[0]) <= 100) {
    const n = b[0];
    const powu = (x: C, m: number): C => {
      let acc: C = [1, 0];
      let p = x;
      for (let mask = 1; mask > 0 && m >= mask; mask *= 2) {
        if (Math.floor(m / mask) % 2) acc = cProd(acc, p);
        p = cProd(p, p);
      }
      return acc;
    };
    if (n > 0) r = powu(a, n);
    else {
      const q = cQuot([1, 0], powu(a, -n));
      if (q === FAIL) return FAIL;
      r = q;
    }
  } else if (b[0] === 0 && b[1] === 0) {
    r = [1, 0];
  } else if (a[0] === 0 && a[1] === 0) {
    if (b[1] !== 0 || b[0] < 0) return FAIL;
    r = [0, 0];
  } else {
    const vabs = Math.hypot(a[0], a[1]);
    let len = Math.pow(vabs, b[0]);
    const at = Math.atan2(a[1], a[0]);
    let phase = at * b[0];
    if (b[1] !== 0) {
      len /= Math.exp(at * b[1]);
      phase += b[1] * Math.log(vabs);
    }
    r = [len * Math.cos(phase), len * Math.sin(phase)];
  }
  if (!Number.isFinite(r[0]) || !Number.isFinite(r[1])) {
    if (Number.isFinite(a[0]) && Number.isFinite(a[1]) && Number.isFinite(b[0]) && Number.isFinite(b[1])) return FAIL;
  }
  return new PyComplex(r[0], r[1]);
}

function complexBinop(op: string, a: Val, b: Val): Val {
  const x = toComplex(a);
  const y = toComplex(b);
  if (x === FAIL || y === FAIL) return FAIL;
  const [ar, ai] = x;
  const [br, bi] = y;
  switch (op) {
    case 'Pow': return complexPow(x, y);
    case 'Add': return new PyComplex(ar + br, ai + bi);
    case 'Sub': return new PyComplex(ar - br, ai - bi);
    case 'Mult': return new PyComplex(ar * br - ai * bi, ar * bi + ai * br);
    case 'Div': {
      // CPython's _Py_c_quot (Smith's algorithm).
      const absBr = Math.abs(br);
      const absBi = Math.abs(bi);
      if (absBr >= absBi) {
        if (absBr === 0) return FAIL;
        const ratio = bi / br;
        const denom = br + bi * ratio;
        return new PyComplex((ar + ai * ratio) / denom, (ai - ar * ratio) / denom);
      } else if (absBi >= absBr) {
        const ratio = br / bi;
        const denom = br * ratio + bi;
        return new PyComplex((ar * ratio + ai) / denom, (ai * ratio - ar) / denom);
      }
      return FAIL;
    }
  }
  return FAIL;
}

function seqLen(v: Val): number {
  if (typeof v === 'string') return strLen(v);
  if (v instanceof PyBytes) return v.bytes.length;
  if (v instanceof ConstTuple || v instanceof ConstFrozenset) return v.items.length;
  return -1;
}

function checkComplexity(v: Val, limit: number): number {
  if (v instanceof ConstTuple) {
    limit -= v.items.length;
    for (const it of v.items) {
      if (limit < 0) break;
      limit = checkComplexity(it, limit);
    }
    return limit;
  }
  if (v instanceof ConstFrozenset) {
    limit -= v.items.length;
    for (const it of v.items) {
      if (limit < 0) break;
      limit = checkComplexity(it, limit);
    }
  }
  return limit;
}

function repeat(seq: Val, n: bigint): Val {
  const count = n < 0n ? 0 : Number(n);
  if (typeof seq === 'string') return seq.repeat(count);
  if (seq instanceof PyBytes) {
    const out = new Uint8Array(seq.bytes.length * count);
    for (let i = 0; i < count; i++) out.set(seq.bytes, i * seq.bytes.length);
    return new PyBytes(out);
  }
  if (seq instanceof ConstTuple) {
    const items: any[] = [];
    for (let i = 0; i < count; i++) items.push(...seq.items);
    return new ConstTuple(items);
  }
  return FAIL;
}

function safeMultiply(v: Val, w: Val): Val {
  if (isInt(v) && isInt(w)) {
    const a = big(v);
    const b = big(w);
    if (a !== 0n && b !== 0n) {
      if (bitLength(a) + bitLength(b) > MAX_INT_SIZE) return FAIL;
    }
    return makeInt(a * b);
  }
  if (isInt(v) && (w instanceof ConstTuple || w instanceof ConstFrozenset)) {
    const size = w.items.length;
    const n = big(v);
    if (size) {
      if (n < 0n || n > BigInt(Math.floor(MAX_COLLECTION_SIZE / size))) return FAIL;
      if (n && checkComplexity(w, Math.floor(MAX_TOTAL_ITEMS / Number(n))) < 0) return FAIL;
    }
    if (w instanceof ConstFrozenset) return FAIL;
    return repeat(w, n);
  }
  if (isInt(v) && (typeof w === 'string' || w instanceof PyBytes)) {
    const size = seqLen(w);
    const n = big(v);
    if (size) {
      if (n < 0n || n > BigInt(Math.floor(MAX_STR_SIZE / size))) return FAIL;
    }
    return repeat(w, n);
  }
  if (isInt(w) && (v instanceof ConstTuple || v instanceof ConstFrozenset || typeof v === 'string' || v instanceof PyBytes)) {
    return safeMultiply(w, v);
  }
  return numberBinop('Mult', v, w);
}

function numberBinop(op: string, a: Val, b: Val): Val {
  if (!isNumber(a) || !isNumber(b)) return FAIL;
  if (isComplex(a) || isComplex(b)) return complexBinop(op, a, b);
  if (isFloat(a) || isFloat(b)) return floatBinop(op, a, b);
  return intBinop(op, a, b);
}

function concat(a: Val, b: Val): Val {
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  if (a instanceof PyBytes && b instanceof PyBytes) {
    const out = new Uint8Array(a.bytes.length + b.bytes.length);
    out.set(a.bytes);
    out.set(b.bytes, a.bytes.length);
    return new PyBytes(out);
  }
  if (a instanceof ConstTuple && b instanceof ConstTuple) return new ConstTuple([...a.items, ...b.items]);
  return numberBinop('Add', a, b);
}

function binop(op: string, lv: Val, rv: Val): Val {
  switch (op) {
    case 'Add': return concat(lv, rv);
    case 'Mult': return safeMultiply(lv, rv);
    case 'Mod':
      if (typeof lv === 'string' || lv instanceof PyBytes) return FAIL;
      return numberBinop(op, lv, rv);
    case 'Pow':
      if (isInt(lv) && isInt(rv) && big(lv) !== 0n && big(rv) > 0n) {
        const vbits = bitLength(big(lv));
        const wbits = big(rv);
        if (BigInt(vbits) > BigInt(Math.floor(MAX_INT_SIZE / Number(wbits > 1000000n ? 1000000n : wbits)))) return FAIL;
      }
      return numberBinop(op, lv, rv);
    case 'LShift':
      if (isInt(lv) && isInt(rv)) {
        const v = big(lv);
        const w = big(rv);
        if (w < 0n) return FAIL;
        if (v !== 0n && w !== 0n) {
          if (w > BigInt(MAX_INT_SIZE) || BigInt(bitLength(v)) > BigInt(MAX_INT_SIZE) - w) return FAIL;
        }
        return intBinop(op, lv, rv);
      }
      return FAIL;
    case 'RShift':
    case 'BitOr':
    case 'BitXor':
    case 'BitAnd':
      if (isInt(lv) && isInt(rv)) return intBinop(op, lv, rv);
      return FAIL;
    case 'Sub':
    case 'Div':
    case 'FloorDiv':
      return numberBinop(op, lv, rv);
  }
  return FAIL;
}

export function isTrue(v: Val): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'string') return v.length > 0;
  if (v === None) return false;
  if (v === Ellipsis) return true;
  if (v instanceof PyFloat) return v.value !== 0;
  if (v instanceof PyComplex) return v.real !== 0 || v.imag !== 0;
  if (v instanceof PyBytes) return v.bytes.length > 0;
  if (v instanceof ConstTuple || v instanceof ConstFrozenset) return v.items.length > 0;
  return true;
}

function unaryop(op: string, v: Val): Val {
  switch (op) {
    case 'Not': return !isTrue(v);
    case 'Invert':
      if (isInt(v)) return makeInt(~big(v));
      return FAIL;
    case 'UAdd':
      if (typeof v === 'boolean') return v ? 1 : 0;
      if (isNumber(v)) return v;
      return FAIL;
    case 'USub':
      if (isInt(v)) return makeInt(-big(v));
      if (isFloat(v)) return new PyFloat(-v.value);
      if (isComplex(v)) return new PyComplex(-v.real, -v.imag);
      return FAIL;
  }
  return FAIL;
}

function subscr(v: Val, idx: Val): Val {
  if (!isInt(idx)) return FAIL;
  const i0 = big(idx);
  if (typeof v === 'string') {
    const chars = Array.from(v);
    let i = i0;
    if (i < 0n) i += BigInt(chars.length);
    if (i < 0n || i >= BigInt(chars.length)) return FAIL;
    return chars[Number(i)];
  }
  if (v instanceof PyBytes) {
    let i = i0;
    if (i < 0n) i += BigInt(v.bytes.length);
    if (i < 0n || i >= BigInt(v.bytes.length)) return FAIL;
    return v.bytes[Number(i)];
  }
  if (v instanceof ConstTuple) {
    let i = i0;
    if (i < 0n) i += BigInt(v.items.length);
    if (i < 0n || i >= BigInt(v.items.length)) return FAIL;
    return v.items[Number(i)];
  }
  return FAIL;
}

function makeConst(node: any, val: Val): void {
  if (val === FAIL) return;
  for (const k of Object.keys(node)) {
    if (k !== 'lineno' && k !== 'col_offset' && k !== 'end_lineno' && k !== 'end_col_offset') delete node[k];
  }
  node._type = 'Constant';
  node.value = val;
  node.kind = null;
}

function hasStarred(elts: any[]): boolean {
  return elts.some((e) => e._type === 'Starred');
}

function makeConstTuple(elts: any[]): Val {
  for (const e of elts) if (e._type !== 'Constant') return FAIL;
  return new ConstTuple(elts.map((e) => e.value));
}

export class AstOptimizer {
  constructor(
    private readonly optimize: number,
    private readonly futureAnnotations: boolean,
    private readonly identifiers: () => ReadonlySet<string> = () => new Set(),
  ) {}

  mod(m: any): void {
    switch (m._type) {
      case 'Module':
        this.body(m.body);
        break;
      case 'Interactive':
        for (const s of m.body) this.stmt(s);
        break;
      case 'Expression':
        m.body = this.expr(m.body);
        break;
    }
  }

  private body(stmts: any[]): void {
    const hadDoc = isDocstring(stmts);
    for (const s of stmts) this.stmt(s);
    if (!hadDoc && isDocstring(stmts)) {
      const st = stmts[0];
      st.value = {
        _type: 'JoinedStr', values: [st.value], lineno: st.lineno, col_offset: st.col_offset,
        end_lineno: st.end_lineno, end_col_offset: st.end_col_offset,
      };
    }
  }

  private stmts(list: any[]): void {
    for (const s of list) this.stmt(s);
  }

  private exprs(list: any[]): void {
    for (let i = 0; i < list.length; i++) if (list[i]) this.expr(list[i]);
  }

  private arguments(a: any): void {
    const annot = (x: any) => {
      if (x && x.annotation && !this.futureAnnotations) this.expr(x.annotation);
    };
    a.posonlyargs.forEach(annot);
    a.args.forEach(annot);
    annot(a.vararg);
    a.kwonlyargs.forEach(annot);
    this.exprs(a.kw_defaults);
    annot(a.kwarg);
    this.exprs(a.defaults);
  }

  private stmt(s: any): void {
    switch (s._type) {
      case 'FunctionDef':
      case 'AsyncFunctionDef':
        this.arguments(s.args);
        this.body(s.body);
        this.exprs(s.decorator_list);
        if (!this.futureAnnotations && s.returns) this.expr(s.returns);
        break;
      case 'ClassDef':
        this.exprs(s.bases);
        for (const k of s.keywords) this.expr(k.value);
        this.body(s.body);
        this.exprs(s.decorator_list);
        break;
      case 'Return':
        if (s.value) this.expr(s.value);
        break;
      case 'Delete':
        this.exprs(s.targets);
        break;
      case 'Assign':
        this.exprs(s.targets);
        this.expr(s.value);
        break;
      case 'AugAssign':
        this.expr(s.target);
        this.expr(s.value);
        break;
      case 'AnnAssign':
        this.expr(s.target);
        if (!this.futureAnnotations) this.expr(s.annotation);
        if (s.value) this.expr(s.value);
        break;
      case 'For':
        this.expr(s.target);
        this.expr(s.iter);
        this.stmts(s.body);
        this.stmts(s.orelse);
        this.foldIter(s.iter);
        break;
      case 'AsyncFor':
        this.expr(s.target);
        this.expr(s.iter);
        this.stmts(s.body);
        this.stmts(s.orelse);
        break;
      case 'While':
      case 'If':
        this.expr(s.test);
        this.stmts(s.body);
        this.stmts(s.orelse);
        break;
      case 'With':
      case 'AsyncWith':
        for (const it of s.items) {
          this.expr(it.context_expr);
          if (it.optional_vars) this.expr(it.optional_vars);
        }
        this.stmts(s.body);
        break;
      case 'Raise':
        if (s.exc) this.expr(s.exc);
        if (s.cause) this.expr(s.cause);
        break;
      case 'Try':
      case 'TryStar':
        this.stmts(s.body);
        for (const h of s.handlers) {
          if (h.type) this.expr(h.type);
          this.stmts(h.body);
        }
        this.stmts(s.orelse);
        this.stmts(s.finalbody);
        break;
      case 'Assert':
        this.expr(s.test);
        if (s.msg) this.expr(s.msg);
        break;
      case 'Expr':
        this.expr(s.value);
        break;
      case 'Match':
        this.expr(s.subject);
        for (const c of s.cases) {
          this.pattern(c.pattern);
          if (c.guard) this.expr(c.guard);
          this.stmts(c.body);
        }
        break;
      default:
        break;
    }
  }

  private pattern(p: any): void {
    switch (p._type) {
      case 'MatchValue':
        this.expr(p.value);
        break;
      case 'MatchSequence':
        for (const q of p.patterns) this.pattern(q);
        break;
      case 'MatchMapping':
        this.exprs(p.keys);
        for (const q of p.patterns) this.pattern(q);
        break;
      case 'MatchClass':
        this.expr(p.cls);
        for (const q of p.patterns) this.pattern(q);
        for (const q of p.kwd_patterns) this.pattern(q);
        break;
      case 'MatchAs':
        if (p.pattern) this.pattern(p.pattern);
        break;
      case 'MatchOr':
        for (const q of p.patterns) this.pattern(q);
        break;
    }
  }

  private comprehensions(gens: any[]): void {
    for (const g of gens) {
      this.expr(g.target);
      this.expr(g.iter);
      this.exprs(g.ifs);
      this.foldIter(g.iter);
    }
  }

  private foldIter(arg: any): void {
    let newval: Val;
    if (arg._type === 'List') {
      if (hasStarred(arg.elts)) return;
      arg._type = 'Tuple';
      newval = makeConstTuple(arg.elts);
    } else if (arg._type === 'Set') {
      const t = makeConstTuple(arg.elts);
      newval = t === FAIL ? FAIL : makeFrozenset(t.items, this.identifiers);
    } else {
      return;
    }
    makeConst(arg, newval);
  }

  expr(e: any): any {
    switch (e._type) {
      case 'BoolOp':
        this.exprs(e.values);
        break;
      case 'BinOp':
        this.expr(e.left);
        this.expr(e.right);
        this.foldBinop(e);
        break;
      case 'UnaryOp':
        this.expr(e.operand);
        this.foldUnaryop(e);
        break;
      case 'Lambda':
        this.arguments(e.args);
        this.expr(e.body);
        break;
      case 'IfExp':
        this.expr(e.test);
        this.expr(e.body);
        this.expr(e.orelse);
        break;
      case 'Dict':
        this.exprs(e.keys);
        this.exprs(e.values);
        break;
      case 'Set':
        this.exprs(e.elts);
        break;
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
        this.expr(e.elt);
        this.comprehensions(e.generators);
        break;
      case 'DictComp':
        this.expr(e.key);
        this.expr(e.value);
        this.comprehensions(e.generators);
        break;
      case 'Await':
      case 'YieldFrom':
        this.expr(e.value);
        break;
      case 'Yield':
        if (e.value) this.expr(e.value);
        break;
      case 'Compare': {
        this.expr(e.left);
        this.exprs(e.comparators);
        const i = e.ops.length - 1;
        const op = e.ops[i]._type;
        if (op === 'In' || op === 'NotIn') this.foldIter(e.comparators[i]);
        break;
      }
      case 'Call':
        this.expr(e.func);
        this.exprs(e.args);
        for (const k of e.keywords) this.expr(k.value);
        break;
      case 'FormattedValue':
        this.expr(e.value);
        if (e.format_spec) this.expr(e.format_spec);
        break;
      case 'JoinedStr':
        this.exprs(e.values);
        break;
      case 'Attribute':
      case 'Starred':
        this.expr(e.value);
        break;
      case 'Subscript':
        this.expr(e.value);
        this.expr(e.slice);
        if (e.ctx._type === 'Load' && e.value._type === 'Constant' && e.slice._type === 'Constant') {
          makeConst(e, subscr(e.value.value, e.slice.value));
        }
        break;
      case 'Slice':
        if (e.lower) this.expr(e.lower);
        if (e.upper) this.expr(e.upper);
        if (e.step) this.expr(e.step);
        break;
      case 'List':
        this.exprs(e.elts);
        break;
      case 'Tuple':
        this.exprs(e.elts);
        if (e.ctx._type === 'Load') makeConst(e, makeConstTuple(e.elts));
        break;
      case 'Name':
        if (e.ctx._type === 'Load' && e.id === '__debug__') makeConst(e, !this.optimize);
        break;
      case 'NamedExpr':
        this.expr(e.value);
        break;
      default:
        break;
    }
    return e;
  }

  private foldUnaryop(node: any): void {
    const arg = node.operand;
    if (arg._type !== 'Constant') {
      if (node.op._type === 'Not' && arg._type === 'Compare' && arg.ops.length === 1) {
        const inv: Record<string, string> = { Is: 'IsNot', IsNot: 'Is', In: 'NotIn', NotIn: 'In' };
        const op = inv[arg.ops[0]._type];
        if (op) {
          for (const k of Object.keys(node)) delete node[k];
          Object.assign(node, arg);
          node.ops = [{ _type: op }];
        }
      }
      return;
    }
    makeConst(node, unaryop(node.op._type, arg.value));
  }

  private foldBinop(node: any): void {
    const lhs = node.left;
    const rhs = node.right;
    if (lhs._type !== 'Constant') return;
    const lv = lhs.value;
    if (node.op._type === 'Mod' && rhs._type === 'Tuple' && typeof lv === 'string' && !hasStarred(rhs.elts)) {
      optimizeFormat(node, lv, rhs.elts);
      return;
    }
    if (rhs._type !== 'Constant') return;
    if (node.op._type === 'MatMult') return;
    makeConst(node, binop(node.op._type, lv, rhs.value));
  }
}

/**
 * Names CPython has interned before compiling anything (the builtins module's names and the
 * keywords; from python3 3.11's dir(builtins) and keyword.kwlist).
 */
const STARTUP_INTERNED = new Set((
  'ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup BlockingIOError ' +
  'BrokenPipeError BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ' +
  'ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError Ellipsis EncodingWarning ' +
  'EnvironmentError Exception ExceptionGroup False FileExistsError FileNotFoundError FloatingPointError ' +
  'FutureWarning GeneratorExit IOError ImportError ImportWarning IndentationError IndexError ' +
  'InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError ' +
  'ModuleNotFoundError NameError None NotADirectoryError NotImplemented NotImplementedError OSError ' +
  'OverflowError PendingDeprecationWarning PermissionError ProcessLookupError RecursionError ' +
  'ReferenceError ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration StopIteration ' +
  'SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError True TypeError ' +
  'UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError ' +
  'UnicodeWarning UserWarning ValueError Warning ZeroDivisionError __build_class__ __debug__ __doc__ ' +
  '__import__ __loader__ __name__ __package__ __spec__ abs aiter all and anext any as ascii assert ' +
  'async await bin bool break breakpoint bytearray bytes callable chr class classmethod compile complex ' +
  'continue copyright credits def del delattr dict dir divmod elif else enumerate eval except exec exit ' +
  'filter finally float for format from frozenset getattr global globals hasattr hash help hex id if ' +
  'import in input int is isinstance issubclass iter lambda len license list locals map max memoryview ' +
  'min next nonlocal not object oct open or ord pass pow print property quit raise range repr return ' +
  'reversed round set setattr slice sorted staticmethod str sum super try tuple type vars while with ' +
  'yield zip'
).split(' '));

/**
 * A frozenset constant in CPython's iteration order. CPython builds it from source order, rebuilds
 * it when merging constants, and once more when interning its strings replaced one by an
 * already-interned equal string (a name-like string equal to an identifier of the module).
 */
export function makeFrozenset(items: readonly any[], identifiers: () => ReadonlySet<string> = () => new Set()): ConstFrozenset {
  // Duplicates collapse as in a Python set (equal constants of equal type; 1 == 1.0 == True also do).
  const out: any[] = [];
  for (const it of items) {
    if (!out.some((o) => constEq(o, it))) out.push(it);
  }
  const reinterned = out.some((x) => typeof x === 'string' && x.length > 1 && isNameLikeString(x) &&
    (STARTUP_INTERNED.has(x) || identifiers().has(x)));
  return new ConstFrozenset(frozensetIterationOrder(out, reinterned ? 3 : 2));
}

function numValue(v: Val): number | bigint | null {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (v instanceof PyFloat) return v.value;
  return null;
}

/** Python `==` between two constants (for set literal de-duplication). */
function constEq(a: Val, b: Val): boolean {
  const na = numValue(a);
  const nb = numValue(b);
  if (na !== null && nb !== null) return na == nb; // eslint-disable-line eqeqeq
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (a instanceof PyBytes && b instanceof PyBytes) {
    return a.bytes.length === b.bytes.length && a.bytes.every((x, i) => x === b.bytes[i]);
  }
  if (a instanceof ConstTuple && b instanceof ConstTuple) {
    return a.items.length === b.items.length && a.items.every((x, i) => constEq(x, b.items[i]));
  }
  if (a instanceof PyComplex && b instanceof PyComplex) return a.real === b.real && a.imag === b.imag;
  return a === b;
}

function isDocstring(stmts: any[]): boolean {
  if (stmts.length === 0) return false;
  const s = stmts[0];
  return s._type === 'Expr' && s.value._type === 'Constant' && typeof s.value.value === 'string';
}

const NOLOC = { lineno: -1, col_offset: -1, end_lineno: -1, end_col_offset: -1 };

function optimizeFormat(node: any, fmt: string, elts: any[]): void {
  const seq: any[] = [];
  let pos = 0;
  let cnt = 0;
  const size = fmt.length;
  for (;;) {
    // parse_literal
    const start = pos;
    let hasPercents = false;
    while (pos < size) {
      if (fmt[pos] !== '%') pos++;
      else if (pos + 1 < size && fmt[pos + 1] === '%') {
        hasPercents = true;
        pos += 2;
      } else break;
    }
    if (pos !== start) {
      let str = fmt.slice(start, pos);
      if (hasPercents) str = str.split('%%').join('%');
      seq.push({ _type: 'Constant', value: str, kind: null, ...NOLOC });
    }
    if (pos >= size) break;
    if (cnt >= elts.length) return;
    pos++;
    // simple_format_arg_parse
    let flags = 0;
    let width = -1;
    let prec = -1;
    let ch = '';
    const next = (): boolean => {
      if (pos >= size) return false;
      ch = fmt[pos++];
      return true;
    };
    if (!next()) return;
    for (;;) {
      if (ch === '-') flags |= 1;
      else if (ch === '+' || ch === ' ' || ch === '#' || ch === '0') flags |= 2;
      else break;
      if (!next()) return;
    }
    if (ch >= '0' && ch <= '9') {
      width = 0;
      let digits = 0;
      while (ch >= '0' && ch <= '9') {
        width = width * 10 + (ch.charCodeAt(0) - 48);
        if (!next()) return;
        if (++digits >= 3) return;
      }
    }
    if (ch === '.') {
      if (!next()) return;
      prec = 0;
      let digits = 0;
      while (ch >= '0' && ch <= '9') {
        prec = prec * 10 + (ch.charCodeAt(0) - 48);
        if (!next()) return;
        if (++digits >= 3) return;
      }
    }
    const arg = elts[cnt++];
    if (ch !== 's' && ch !== 'r' && ch !== 'a') return;
    let spec = '';
    if (!(flags & 1) && width > 0) spec += '>';
    if (width >= 0) spec += String(width);
    if (prec >= 0) spec += '.' + String(prec);
    const formatSpec = spec ? { _type: 'Constant', value: spec, kind: null, ...NOLOC } : null;
    seq.push({
      _type: 'FormattedValue', value: arg, conversion: ch.charCodeAt(0), format_spec: formatSpec,
      lineno: arg.lineno, col_offset: arg.col_offset, end_lineno: arg.end_lineno, end_col_offset: arg.end_col_offset,
    });
  }
  if (cnt < elts.length) return;
  const { lineno, col_offset, end_lineno, end_col_offset } = node;
  for (const k of Object.keys(node)) delete node[k];
  Object.assign(node, { _type: 'JoinedStr', values: seq, lineno, col_offset, end_lineno, end_col_offset });
}

/** Every identifier of a module's AST (CPython's parser interns them all before compiling). */
export function collectIdentifiers(node: any, out: Set<string> = new Set()): Set<string> {
  const stack = [node];
  while (stack.length) {
    const n = stack.pop();
    if (Array.isArray(n)) {
      for (const x of n) if (x !== null && typeof x === 'object') stack.push(x);
      continue;
    }
    if (n === null || typeof n !== 'object' || !('_type' in n)) continue;
    switch (n._type) {
      case 'Name': out.add(n.id); break;
      case 'Attribute': out.add(n.attr); break;
      case 'arg': out.add(n.arg); break;
      case 'keyword': if (n.arg) out.add(n.arg); break;
      case 'FunctionDef': case 'AsyncFunctionDef': case 'ClassDef': out.add(n.name); break;
      case 'alias':
        for (const p of n.name.split('.')) out.add(p);
        if (n.asname) out.add(n.asname);
        break;
      case 'ImportFrom': if (n.module) for (const p of n.module.split('.')) out.add(p); break;
      case 'Global': case 'Nonlocal': for (const x of n.names) out.add(x); break;
      case 'ExceptHandler': if (n.name) out.add(n.name); break;
      case 'MatchAs': case 'MatchStar': if (n.name) out.add(n.name); break;
      case 'MatchMapping': if (n.rest) out.add(n.rest); break;
      case 'MatchClass': for (const x of n.kwd_attrs) out.add(x); break;
    }
    for (const k in n) {
      const v = n[k];
      if (v !== null && typeof v === 'object') stack.push(v);
    }
  }
  return out;
}
