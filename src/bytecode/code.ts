// CodeObject: a compiled Python 3.11 code object. The compiler and the marshal reader produce it,
// the VM runs it, dis prints it. Fields carry CPython's names and meanings; the constructor takes
// them in marshal order (argcount … exceptiontable).
import type { LiteralValue } from '../values';
// const-hash imports this module's classes too; it only uses them inside functions, so the cycle is safe.
import { frozensetIterationOrder } from './const-hash';

/** co_localspluskinds bits. */
export const CO_FAST_LOCAL = 0x20;
export const CO_FAST_CELL = 0x40;
export const CO_FAST_FREE = 0x80;

/** co_flags bits (CPython's CO_* values). */
export const CO_OPTIMIZED = 0x0001;
export const CO_NEWLOCALS = 0x0002;
export const CO_VARARGS = 0x0004;
export const CO_VARKEYWORDS = 0x0008;
export const CO_NESTED = 0x0010;
export const CO_GENERATOR = 0x0020;
export const CO_NOFREE = 0x0040;
export const CO_COROUTINE = 0x0080;
export const CO_ITERABLE_COROUTINE = 0x0100;
export const CO_ASYNC_GENERATOR = 0x0200;
export const CO_FUTURE_ANNOTATIONS = 0x1000000;

/** A tuple constant in co_consts (including nested tuples of constants). */
export class ConstTuple {
  constructor(readonly items: readonly CodeConst[]) {}
}

/**
 * A frozenset constant in co_consts (from `x in {1, 2}` and set literals after `for`/`in`).
 * Construct it from the items in source order (duplicates allowed) and the number of times
 * CPython builds the set: 2 for the compiler (built, then rebuilt when constants are merged), 3
 * when interning its name-like strings replaced one (see frozensetIterationOrder), 1 for marshal.
 * `items` then holds CPython's iteration order, which is what dis prints and what iterating the
 * set yields (string order assumes PYTHONHASHSEED=0).
 */
export class ConstFrozenset {
  /** Distinct items in CPython's iteration order. */
  readonly items: readonly CodeConst[];
  /** The order the final build added the items in: marshal writes this, so loading rebuilds `items`. */
  readonly insertionOrder: readonly CodeConst[];
  constructor(itemsInSourceOrder: readonly CodeConst[], builds = 2) {
    this.insertionOrder = frozensetIterationOrder(itemsInSourceOrder, builds - 1);
    this.items = frozensetIterationOrder(this.insertionOrder, 1);
  }
}

/** Anything co_consts may hold. */
export type CodeConst = LiteralValue | ConstTuple | ConstFrozenset | CodeObject;

export interface CodeObjectFields {
  co_argcount: number;
  co_posonlyargcount: number;
  co_kwonlyargcount: number;
  co_stacksize: number;
  co_flags: number;
  /** Bytecode with zeroed CACHE units: 2 bytes per code unit (opcode, arg). */
  co_code: Uint8Array;
  co_consts: CodeConst[];
  co_names: string[];
  /** Names of locals, then cells (not already locals), then free variables. */
  co_localsplusnames: string[];
  /** One CO_FAST_* kind byte per entry of co_localsplusnames. */
  co_localspluskinds: Uint8Array;
  co_filename: string;
  co_name: string;
  co_qualname: string;
  co_firstlineno: number;
  /** 3.11 location table (see linetable.ts). */
  co_linetable: Uint8Array;
  /** 3.11 exception table (see exception-table.ts). */
  co_exceptiontable: Uint8Array;
}

export class CodeObject implements CodeObjectFields {
  co_argcount!: number;
  co_posonlyargcount!: number;
  co_kwonlyargcount!: number;
  co_stacksize!: number;
  co_flags!: number;
  co_code!: Uint8Array;
  co_consts!: CodeConst[];
  co_names!: string[];
  co_localsplusnames!: string[];
  co_localspluskinds!: Uint8Array;
  co_filename!: string;
  co_name!: string;
  co_qualname!: string;
  co_firstlineno!: number;
  co_linetable!: Uint8Array;
  co_exceptiontable!: Uint8Array;

  constructor(fields: CodeObjectFields) {
    Object.assign(this, fields);
  }

  private namesOfKind(kind: number): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.co_localsplusnames.length; i++) {
      if (this.co_localspluskinds[i] & kind) out.push(this.co_localsplusnames[i]);
    }
    return out;
  }

  /** Arguments and local variables (including cell variables that are also locals). */
  get co_varnames(): string[] {
    return this.namesOfKind(CO_FAST_LOCAL);
  }

  /** Variables captured by inner functions. */
  get co_cellvars(): string[] {
    return this.namesOfKind(CO_FAST_CELL);
  }

  /** Variables this code reads from enclosing scopes. */
  get co_freevars(): string[] {
    return this.namesOfKind(CO_FAST_FREE);
  }

  get co_nlocals(): number {
    return this.co_varnames.length;
  }

  /** Size of the fast-locals array (locals + cells + frees). */
  get co_nlocalsplus(): number {
    return this.co_localsplusnames.length;
  }
}
