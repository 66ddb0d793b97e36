// Constant-table keys: two constants share a co_consts slot exactly when CPython's
// _PyCode_ConstantKey makes them equal (same type and value; 0, 0.0, -0.0 and False all distinct).
import { ConstFrozenset, ConstTuple, CodeObject, type CodeConst } from '../bytecode/code';
import { Ellipsis, None, PyBytes, PyComplex, PyFloat } from '../values';

const codeIds = new WeakMap<CodeObject, number>();
let nextCodeId = 0;

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
  if (v instanceof PyFloat) return 'f' + floatBits(v.value);
  if (v instanceof PyComplex) return 'c' + floatBits(v.real) + ',' + floatBits(v.imag);
  if (v instanceof PyBytes) {
    let s = 'b';
    for (const b of v.bytes) s += String.fromCharCode(b);
    return s;
  }
  if (v instanceof ConstTuple) return 't(' + v.items.map(constKey).join('\u0000') + ')';
  if (v instanceof ConstFrozenset) return 'z(' + v.items.map(constKey).sort().join('\u0000') + ')';
  if (v instanceof CodeObject) {
    let id = codeIds.get(v);
    if (id === undefined) {
      id = nextCodeId++;
      codeIds.set(v, id);
    }
    return 'k' + id;
  }
  return '?';
}
