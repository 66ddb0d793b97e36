// CPython 3.11's hash() of constant values, with string hashing as under PYTHONHASHSEED=0
// (SipHash-1-3 with an all-zero key), and the iteration order of a frozenset built from them.
// dis prints a frozenset constant in its hash-table order, so matching `python3 -m dis` needs
// this; it only holds for python3 runs with PYTHONHASHSEED=0 (otherwise str hashes are random).
// NaN and code objects hash by address and have no reproducible hash; None and Ellipsis do too,
// but only their low bits matter for small sets (see NONE_HASH).
import { PyBytes, PyComplex, PyEllipsisType, PyFloat, PyNoneType } from '../values';
import { ConstTuple, type CodeConst } from './code';

const M64 = (1n << 64n) - 1n;
const MODULUS = (1n << 61n) - 1n; // sys.hash_info.modulus
const HASH_INF = 314159n;
const HASH_IMAG = 1000003n;

const rotl = (x: bigint, b: bigint) => ((x << b) | (x >> (64n - b))) & M64;

/** SipHash-1-3 (one compression round, three finalisation rounds), key (k0, k1). */
function siphash13(k0: bigint, k1: bigint, data: Uint8Array): bigint {
  let v0 = k0 ^ 0x736f6d6570736575n;
  let v1 = k1 ^ 0x646f72616e646f6dn;
  let v2 = k0 ^ 0x6c7967656e657261n;
  let v3 = k1 ^ 0x7465646279746573n;
  const round = () => {
    v0 = (v0 + v1) & M64;
    v2 = (v2 + v3) & M64;
    v1 = rotl(v1, 13n) ^ v0;
    v3 = rotl(v3, 16n) ^ v2;
    v0 = rotl(v0, 32n);
    v2 = (v2 + v1) & M64;
    v0 = (v0 + v3) & M64;
    v1 = rotl(v1, 17n) ^ v2;
    v3 = rotl(v3, 21n) ^ v0;
    v2 = rotl(v2, 32n);
  };
  const n = data.length;
  const whole = n - (n % 8);
  for (let i = 0; i < whole; i += 8) {
    let m = 0n;
    for (let k = 7; k >= 0; k--) m = (m << 8n) | BigInt(data[i + k]);
    v3 ^= m;
    round();
    v0 ^= m;
  }
  let b = (BigInt(n) << 56n) & M64;
  for (let k = n - 1; k >= whole; k--) b |= BigInt(data[k]) << BigInt(8 * (k - whole));
  v3 ^= b;
  round();
  v0 ^= b;
  v2 ^= 0xffn;
  round();
  round();
  round();
  return v0 ^ v1 ^ v2 ^ v3;
}

/** Signed 64-bit view of an unsigned hash, with -1 reserved for errors (becomes -2). */
function finish(u: bigint): bigint {
  let s = BigInt.asIntN(64, u);
  if (s === -1n) s = -2n;
  return s;
}

function hashBytes(data: Uint8Array): bigint {
  if (data.length === 0) return 0n;
  return finish(siphash13(0n, 0n, data));
}

/** CPython hashes a str over its compact storage: 1, 2 or 4 bytes per code point. */
function hashStr(s: string): bigint {
  const cps = Array.from(s, (ch) => ch.codePointAt(0)!);
  const max = cps.reduce((m, c) => Math.max(m, c), 0);
  const kind = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
  const data = new Uint8Array(cps.length * kind);
  cps.forEach((c, i) => {
    for (let k = 0; k < kind; k++) data[i * kind + k] = (c >> (8 * k)) & 0xff;
  });
  return hashBytes(data);
}

function hashInt(v: bigint): bigint {
  const mag = (v < 0n ? -v : v) % MODULUS;
  const h = v < 0n ? -mag : mag;
  return h === -1n ? -2n : h;
}

/** Numeric hash of a finite double: its exact rational value reduced modulo 2**61 - 1. */
function hashFloat(x: number): bigint | null {
  if (Number.isNaN(x)) return null; // hashed by identity in 3.11
  if (x === Infinity) return HASH_INF;
  if (x === -Infinity) return -HASH_INF;
  if (x === 0) return 0n;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const expBits = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let exp: number;
  if (expBits === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = expBits - 1075;
  }
  // 2**61 ≡ 1 (mod 2**61 - 1), so a power of two reduces by its exponent modulo 61.
  const e = ((exp % 61) + 61) % 61;
  let h = ((mant % MODULUS) << BigInt(e)) % MODULUS;
  if (x < 0) h = -h;
  return h === -1n ? -2n : h;
}

const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

function hashTuple(items: readonly CodeConst[]): bigint | null {
  let acc = XXPRIME_5;
  for (const item of items) {
    // Only the low bits of None's hash are known, and the tuple hash mixes all of them.
    if (item instanceof PyNoneType || item instanceof PyEllipsisType) return null;
    const lane = constHash(item);
    if (lane === null) return null;
    acc = (acc + ((lane & M64) * XXPRIME_2)) & M64;
    acc = rotl(acc, 31n);
    acc = (acc * XXPRIME_1) & M64;
  }
  acc = (acc + (BigInt(items.length) ^ (XXPRIME_5 ^ 3527539n))) & M64;
  if (acc === M64) return 1546275796n;
  return BigInt.asIntN(64, acc);
}

/**
 * None and Ellipsis hash by address in 3.11. Under ASLR only the page offset of the static
 * objects is stable, so these values (measured on the reference python3 3.11.7 binary) are right
 * in their low 12 bits, which decide a constant set's order unless probing goes past them.
 */
const NONE_HASH = 0x7fbef785bben;
const ELLIPSIS_HASH = 0x7fbef785de6n;

/** hash(c) as python3 computes it with PYTHONHASHSEED=0; null where it is not reproducible. */
export function constHash(c: CodeConst): bigint | null {
  switch (typeof c) {
    case 'number':
      return hashInt(BigInt(c));
    case 'bigint':
      return hashInt(c);
    case 'boolean':
      return c ? 1n : 0n;
    case 'string':
      return hashStr(c);
  }
  if (c instanceof PyFloat) return hashFloat(c.value);
  if (c instanceof PyBytes) return hashBytes(c.bytes);
  if (c instanceof PyComplex) {
    const re = hashFloat(c.real);
    const im = hashFloat(c.imag);
    if (re === null || im === null) return null;
    return finish((re & M64) + HASH_IMAG * (im & M64));
  }
  if (c instanceof ConstTuple) return hashTuple(c.items);
  if (c instanceof PyNoneType) return NONE_HASH;
  if (c instanceof PyEllipsisType) return ELLIPSIS_HASH;
  return null; // frozensets, code objects
}

const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5n;
const SET_MINSIZE = 8;

interface Slot {
  hash: bigint;
  item: CodeConst;
}

/** Inserts into a table without dummies (set_insert_clean / the probing of set_add_entry). */
function insertClean(table: (Slot | null)[], mask: number, slot: Slot): void {
  let perturb = slot.hash & M64;
  let i = Number(perturb & BigInt(mask));
  for (;;) {
    if (table[i] === null) {
      table[i] = slot;
      return;
    }
    if (i + LINEAR_PROBES <= mask) {
      for (let j = 1; j <= LINEAR_PROBES; j++) {
        if (table[i + j] === null) {
          table[i + j] = slot;
          return;
        }
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = Number((BigInt(i) * 5n + 1n + perturb) & BigInt(mask));
  }
}

/** Value equality of two hashable constants with equal hashes (1 == 1.0 == True, as in a set). */
function constEquals(a: CodeConst, b: CodeConst): boolean {
  const num = (v: CodeConst): number | bigint | null =>
    typeof v === 'number' || typeof v === 'bigint' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : v instanceof PyFloat ? v.value : null;
  const na = num(a);
  const nb = num(b);
  if (na !== null || nb !== null) {
    if (na === null || nb === null) {
      // A complex with zero imaginary part equals the real number.
      const c = na === null ? a : b;
      const r = na === null ? nb : na;
      return c instanceof PyComplex && c.imag === 0 && r !== null && c.real == r; // eslint-disable-line eqeqeq
    }
    return na == nb; // eslint-disable-line eqeqeq -- mixed number/bigint comparison by value
  }
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (a instanceof PyBytes && b instanceof PyBytes) {
    return a.bytes.length === b.bytes.length && a.bytes.every((x, i) => x === b.bytes[i]);
  }
  if (a instanceof PyComplex && b instanceof PyComplex) return a.real === b.real && a.imag === b.imag;
  if (a instanceof ConstTuple && b instanceof ConstTuple) {
    return a.items.length === b.items.length && a.items.every((x, i) => constEquals(x, b.items[i]));
  }
  return a === b;
}

/** Builds a set by adding items in order (equal items are added once), returning its iteration order. */
function buildSet(slots: readonly Slot[]): Slot[] {
  let mask = SET_MINSIZE - 1;
  let table: (Slot | null)[] = new Array(SET_MINSIZE).fill(null);
  let used = 0;
  const added: Slot[] = [];
  for (const s of slots) {
    if (added.some((o) => o.hash === s.hash && constEquals(o.item, s.item))) continue;
    added.push(s);
    insertClean(table, mask, s);
    used++;
    if (used * 5 >= mask * 3) {
      const minused = used > 50000 ? used * 2 : used * 4;
      let size = SET_MINSIZE;
      while (size <= minused) size *= 2;
      const old = table;
      table = new Array(size).fill(null);
      mask = size - 1;
      for (const e of old) if (e) insertClean(table, mask, e);
    }
  }
  return table.filter((e): e is Slot => e !== null);
}

/**
 * The order CPython iterates (and reprs) a frozenset built by adding `items` in this order and
 * then, `builds - 1` times, rebuilt from its own iteration order. Without hash collisions the
 * result depends only on the hashes. Items without a stable hash (None, Ellipsis: hashed by
 * address in 3.11) leave the given order unchanged.
 *
 * How many builds CPython does (measured on 3.11.7): a marshal-loaded frozenset is built once,
 * from marshal's sorted order. A compiled one is built from source order, rebuilt when the
 * compiler merges constants (2), and rebuilt once more when the code object interns its string
 * constants if that replaced a name-like string (all ASCII letters, digits and `_`) by an
 * already-interned equal string, e.g. one equal to an identifier of the module (3).
 */
export function frozensetIterationOrder(items: readonly CodeConst[], builds = 1): CodeConst[] {
  let order = [...items];
  for (let b = 0; b < builds; b++) {
    const slots: Slot[] = [];
    for (const item of order) {
      const hash = constHash(item);
      if (hash === null) return order;
      slots.push({ hash, item });
    }
    order = buildSet(slots).map((s) => s.item);
  }
  return order;
}

/** CPython's all_name_chars: the strings code objects intern (ASCII letters, digits, `_`). */
export function isNameLikeString(s: string): boolean {
  return /^[A-Za-z0-9_]*$/.test(s);
}
