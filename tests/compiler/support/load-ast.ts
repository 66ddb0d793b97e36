// Rebuilds pyvm AST nodes from the JSON written by scripts/compiler-ast-json.py (python3's
// ast.parse output), so the compiler can be tested independently of pyvm's parser.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { ConstFrozenset, ConstTuple, CodeObject, type CodeConst } from '../../../src/bytecode/code';
import { Ellipsis, None, PyBytes, PyComplex, PyFloat, makeInt, floatRepr, type LiteralValue } from '../../../src/values';

function parseFloatRepr(s: string): number {
  if (s === 'inf') return Infinity;
  if (s === '-inf') return -Infinity;
  if (s === 'nan' || s === '-nan') return NaN;
  return Number(s);
}

function hexBytes(h: string): Uint8Array {
  const out = new Uint8Array(h.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(h.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function decodeConst(v: any): LiteralValue {
  if (v === null) return None;
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if ('int' in v) return makeInt(BigInt(v.int));
  if ('float' in v) return new PyFloat(parseFloatRepr(v.float));
  if ('complex' in v) return new PyComplex(parseFloatRepr(v.complex[0]), parseFloatRepr(v.complex[1]));
  if ('bytes' in v) return new PyBytes(hexBytes(v.bytes));
  if ('ellipsis' in v) return Ellipsis;
  throw new Error('bad constant ' + JSON.stringify(v));
}

/** JSON node -> AST node (in place where possible). */
export function loadAst(j: any): any {
  if (Array.isArray(j)) return j.map(loadAst);
  if (j === null || typeof j !== 'object') return j;
  const out: any = {};
  for (const k of Object.keys(j)) {
    if (k === 'value' && (j._type === 'Constant' || j._type === 'MatchSingleton')) out[k] = decodeConst(j[k]);
    else out[k] = loadAst(j[k]);
  }
  return out;
}

/** A golden's code-object JSON -> plain comparable structure. */
export function decodeGoldenConst(v: any): any {
  if (v !== null && typeof v === 'object' && 'tuple' in v) return new ConstTuple(v.tuple.map(decodeGoldenConst));
  if (v !== null && typeof v === 'object' && 'frozenset' in v) return new ConstFrozenset(v.frozenset.map(decodeGoldenConst));
  if (v !== null && typeof v === 'object' && 'code' in v) return v.code;
  return decodeConst(v);
}

function hex(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}


/** Our CodeObject -> the same JSON shape as scripts/compiler-goldens.py writes. */
export function encodeCode(co: CodeObject): any {
  return {
    co_argcount: co.co_argcount,
    co_posonlyargcount: co.co_posonlyargcount,
    co_kwonlyargcount: co.co_kwonlyargcount,
    co_stacksize: co.co_stacksize,
    co_flags: co.co_flags,
    co_code: hex(co.co_code),
    co_consts: co.co_consts.map(encodeConst),
    co_names: co.co_names,
    co_localsplusnames: co.co_localsplusnames,
    co_localspluskinds: hex(co.co_localspluskinds),
    co_filename: co.co_filename,
    co_name: co.co_name,
    co_qualname: co.co_qualname,
    co_firstlineno: co.co_firstlineno,
    co_linetable: hex(co.co_linetable),
    co_exceptiontable: hex(co.co_exceptiontable),
  };
}

export function encodeConst(v: CodeConst): any {
  if (v instanceof ConstTuple) return { tuple: v.items.map(encodeConst) };
  if (v instanceof ConstFrozenset) return { frozenset: v.items.map(encodeConst) };
  if (v instanceof CodeObject) return { code: encodeCode(v) };
  if (v === None) return null;
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return { int: String(v) };
  if (v instanceof PyFloat) return { float: floatRepr(v.value) };
  if (v instanceof PyComplex) return { complex: [floatRepr(v.real), floatRepr(v.imag)] };
  if (v instanceof PyBytes) return { bytes: hex(v.bytes) };
  if (v === Ellipsis) return { ellipsis: true };
  return { unknown: String(v) };
}

/** Frozenset iteration order is hash order in CPython; compare them as sorted lists. */
export function normaliseFrozensets(j: any): any {
  if (Array.isArray(j)) return j.map(normaliseFrozensets);
  if (j === null || typeof j !== 'object') return j;
  const out: any = {};
  for (const k of Object.keys(j)) {
    if (k === 'frozenset') {
      out[k] = j[k].map(normaliseFrozensets).map((x: any) => JSON.stringify(x)).sort();
    } else {
      out[k] = normaliseFrozensets(j[k]);
    }
  }
  return out;
}
