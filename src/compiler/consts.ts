// Constant-table keys: two constants share a co_consts slot exactly when CPython's
// _PyCode_ConstantKey makes them equal (same type and value; 0, 0.0, -0.0 and False all distinct).
import { ConstFrozenset, ConstTuple, CodeObject, type CodeConst } from '../bytecode/code';
import { Ellipsis, None, PyBytes, PyComplex, PyFloat } from '../values';

const codeKeys = new WeakMap<CodeObject, string>();

// windows-1252 decoding is injective, which is all a key needs (and it is native, hence fast).
const byteDecoder = new TextDecoder('latin1');
function bytesKey(b: Uint8Array): string {
  return byteDecoder.decode(b);
}

/** Code objects compare by value (code_richcompare), so equal ones share a constant slot. */
function codeKey(co: CodeObject): string {
  let k = codeKeys.get(co);
  if (k === undefined) {
    k = 'k(' + [co.co_name, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_flags,
      co.co_firstlineno, bytesKey(co.co_code), co.co_consts.map(constKey).join('\u0001'), co.co_names.join('\u0001'),
      co.co_localsplusnames.join('\u0001'), bytesKey(co.co_linetable), bytesKey(co.co_exceptiontable)].join('\u0002') + ')';
    codeKeys.set(co, k);
  }
  return k;
}

// A NaN never equals another NaN object: such constants share a slot only when they are the same object.
const nanIds = new WeakMap<object, number>();
let nextNanId = 0;
function nanKey(v: object): string {
  let id = nanIds.get(v);
  if (id === undefined) {
    id = nextNanId++;
    nanIds.set(v, id);
  }
  return 'n' + id;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
function floatBits(x: number): string {
  f64[0] = x;
  return u32[0].toString(16) + ':' + u32[1].toString(16);
}

export function constKey(v: CodeConst): string {
  switch (typeof v) {
    case 'string':
      return 's' + v;
    case 'number':
    case 'bigint':
      return 'i' + String(v);
    case 'boolean':
      return v ? 'T' : 'F';
  }
  if (v === None) return 'N';
  if (v === Ellipsis) return 'E';
  if (v instanceof PyFloat) return Number.isNaN(v.value) ? nanKey(v) : 'f' + floatBits(v.value);
  if (v instanceof PyComplex) {
    return Number.isNaN(v.real) || Number.isNaN(v.imag) ? nanKey(v) : 'c' + floatBits(v.real) + ',' + floatBits(v.imag);
  }
  if (v instanceof PyBytes) return 'b' + bytesKey(v.bytes);
  if (v instanceof ConstTuple) return 't(' + v.items.map(constKey).join('\u0000') + ')';
  if (v instanceof ConstFrozenset) return 'z(' + v.items.map(constKey).sort().join('\u0000') + ')';
  if (v instanceof CodeObject) return codeKey(v);
  return '?';
}
