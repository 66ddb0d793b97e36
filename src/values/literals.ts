/** A Python int: a number iff it is a safe integer, otherwise a bigint (normalised by makeInt). */
export type PyInt = number | bigint;

/** Normalises an integer result: bigints inside the safe range become numbers. */
export function makeInt(v: bigint): PyInt {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

/** A Python float. Boxed so that 1 (int) and 1.0 (float) stay distinct types. */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** A Python complex number. */
export class PyComplex {
  constructor(readonly real: number, readonly imag: number) {}
}

/** A Python bytes object (immutable). */
export class PyBytes {
  constructor(readonly bytes: Uint8Array) {}
}

export class PyNoneType {
  private readonly _brand = 'None';
}
export class PyEllipsisType {
  private readonly _brand = 'Ellipsis';
}

/** The one None. */
export const None = new PyNoneType();
/** The one Ellipsis (`...`). */
export const Ellipsis = new PyEllipsisType();

/** Every value a Python literal can denote (the `value` of an ast.Constant). */
export type LiteralValue = PyInt | boolean | string | PyFloat | PyComplex | PyBytes | PyNoneType | PyEllipsisType;
