// repr() of co_consts entries, as CPython prints them (dis, dis.code_info). Code objects get a
// stable fake address, since ours have no memory address; tests normalise `at 0x...`.
import { literalRepr } from '../values';
import { CodeObject, ConstFrozenset, ConstTuple, type CodeConst } from './code';

const fakeAddresses = new WeakMap<CodeObject, string>();
let nextFakeAddress = 0x7f0000001000;

/** A per-object stable stand-in for a code object's memory address (`0x7f...`). */
export function codeAddress(co: CodeObject): string {
  let a = fakeAddresses.get(co);
  if (a === undefined) {
    a = '0x' + nextFakeAddress.toString(16);
    nextFakeAddress += 0x1b0;
    fakeAddresses.set(co, a);
  }
  return a;
}

/** repr(code object). */
export function codeRepr(co: CodeObject): string {
  return `<code object ${co.co_name} at ${codeAddress(co)}, file "${co.co_filename}", line ${co.co_firstlineno}>`;
}

/** repr() of anything co_consts may hold (frozenset items keep their stored order). */
export function constRepr(c: CodeConst): string {
  if (c instanceof ConstTuple) {
    if (c.items.length === 1) return '(' + constRepr(c.items[0]) + ',)';
    return '(' + c.items.map(constRepr).join(', ') + ')';
  }
  if (c instanceof ConstFrozenset) {
    return c.items.length === 0 ? 'frozenset()' : 'frozenset({' + c.items.map(constRepr).join(', ') + '})';
  }
  if (c instanceof CodeObject) return codeRepr(c);
  return literalRepr(c);
}
