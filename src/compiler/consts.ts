// Constant-table keys: two constants share a co_consts slot exactly when CPython's
// _PyCode_ConstantKey makes them equal (same type and value; 0, 0.0, -0.0 and False all distinct).
import { ConstFrozenset, ConstTuple, CodeObject, type CodeConst } from '../bytecode/code';
import { Ellipsis, None, PyBytes, PyComplex, PyFloat } from '../values';

// windows-1252 decoding is injective, which is all a key needs (and it is native, hence fast).
const byteDecoder = new TextDecoder('latin1');
function bytesKey(b: Uint8Array): string {
  return byteDecoder.decode(b);
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function arraysEqual(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** code_richcompare: code objects are equal constants when these fields are. */
export function codeEquals(a: CodeObject, b: CodeObject): boolean {
  if (a === b) return true;
  if (a.co_name !== b.co_name || a.co_argcount !== b.co_argcount || a.co_posonlyargcount !== b.co_posonlyargcount ||
    a.co_kwonlyargcount !== b.co_kwonlyargcount || a.co_flags !== b.co_flags || a.co_firstlineno !== b.co_firstlineno) {
    return false;
  }
  if (!bytesEqual(a.co_code, b.co_code) || a.co_consts.length !== b.co_consts.length) return false;
  for (let i = 0; i < a.co_consts.length; i++) {
    const x = a.co_consts[i];
    const y = b.co_consts[i];
    if (x instanceof CodeObject || y instanceof CodeObject) {
      if (!(x instanceof CodeObject && y instanceof CodeObject && codeEquals(x, y))) return false;
    } else if (constKey(x) !== constKey(y)) {
      return false;
    }
  }
  return arraysEqual(a.co_names, b.co_names) && arraysEqual(a.co_localsplusnames, b.co_localsplusnames) &&
    bytesEqual(a.co_linetable, b.co_linetable) && bytesEqual(a.co_exceptiontable, b.co_exceptiontable);
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
  // Code objects are looked up by codeEquals (CompilerUnit.addConst); this key only groups them.
  if (v instanceof CodeObject) return 'k' + v.co_name + '\u0000' + v.co_firstlineno + '\u0000' + v.co_code.length;
  return '?';
}
