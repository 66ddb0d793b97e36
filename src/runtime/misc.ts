// Small builtin object kinds: NotImplemented, range, slice, super, generators/coroutines, code/frame
// placeholders, and id().
import { PyObject, PyType, T } from './object';
import type { PyInt } from '../values';

export class PyNotImplementedType extends PyObject {}
export const NotImplemented = new PyNotImplementedType(T.NotImplementedType);

export class PyRange extends PyObject {
  constructor(public start: PyInt, public stop: PyInt, public step: PyInt) {
    super(T.range);
  }
  get length(): PyInt {
    const { start, stop, step } = this;
    if (typeof start === 'number' && typeof stop === 'number' && typeof step === 'number') {
      if (step > 0) return start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
      return start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
    }
    const a = BigInt(start);
    const b = BigInt(stop);
    const s = BigInt(step);
    let n: bigint;
    if (s > 0n) n = a < b ? (b - a - 1n) / s + 1n : 0n;
    else n = a > b ? (a - b - 1n) / -s + 1n : 0n;
    return n <= 9007199254740991n ? Number(n) : n;
  }
}

export class PySlice extends PyObject {
  constructor(public start: any, public stop: any, public step: any) {
    super(T.slice);
  }
}

export class PySuper extends PyObject {
  constructor(public thisType: PyType, public obj: any, public objType: PyType | null) {
    super(T.super);
  }
}

/** A generator, coroutine or async generator: owns a suspended frame. */
export class PyGenerator extends PyObject {
  running = false;
  finished = false;
  /** The value sent to the frame's first resume must be None. */
  started = false;
  constructor(cls: PyType, public frame: any, public name: string, public qualname: string) {
    super(cls);
  }
}

const ids = new WeakMap<object, number>();
let nextId = 0x7f3a1c000010;
/** id(x): stable for the object's lifetime. Small ints and strs get ids derived from their value. */
export function objectId(x: any): PyInt {
  if (typeof x !== 'object' || x === null) {
    // Immutable primitives have no identity in JS; equal values share an id, as interned ones do.
    if (typeof x === 'boolean') return x ? 0x9d4320 : 0x9d4300;
    let h = 0;
    const s = typeof x + String(x);
    for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
    return 0x7f0000000000 + (h >>> 0) * 16;
  }
  let v = ids.get(x);
  if (v === undefined) {
    v = nextId;
    nextId += 48;
    ids.set(x, v);
  }
  return v;
}

/** The marker ASYNC_GEN_WRAP puts around values an async generator yields (vs. values its awaits pass through). */
export class AsyncGenWrapped {
  constructor(public value: any) {}
}
