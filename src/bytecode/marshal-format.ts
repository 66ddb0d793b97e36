// marshal format version 4 (Python/marshal.c): the value types our reader produces, the error
// it raises and the type codes. Objects written with FLAG_REF get a slot in the reference table
// when they *begin*, so 'r' back-references index them in start order.
import type { CodeConst } from './code';

/** marshal's StopIteration type code ('S') loads the StopIteration class; this stands for it. */
export class MarshalStopIteration {
  private readonly _brand = 'StopIteration';
}
export const StopIterationMarker = new MarshalStopIteration();

/** A list ('['): mutable, so not a code constant. */
export class MarshalList {
  constructor(readonly items: MarshalValue[]) {}
}
/** A dict ('{'), entries in order. */
export class MarshalDict {
  constructor(readonly entries: [MarshalValue, MarshalValue][]) {}
}
/** A set ('<'). Frozensets load as ConstFrozenset. */
export class MarshalSet {
  constructor(readonly items: MarshalValue[]) {}
}

export type MarshalValue = CodeConst | MarshalList | MarshalDict | MarshalSet | MarshalStopIteration;

/** A Python exception from marshal: `pyType` names its class, the message is CPython's. */
export class MarshalError extends Error {
  constructor(
    readonly pyType: 'ValueError' | 'EOFError' | 'TypeError' | 'UnicodeDecodeError',
    message: string,
  ) {
    super(message);
    this.name = pyType;
  }
}

export const FLAG_REF = 0x80;
export const MAX_MARSHAL_STACK_DEPTH = 2000;

export const enum T {
  NULL = 0x30, // '0'
  NONE = 0x4e, // 'N'
  FALSE = 0x46, // 'F'
  TRUE = 0x54, // 'T'
  STOPITER = 0x53, // 'S'
  ELLIPSIS = 0x2e, // '.'
  INT = 0x69, // 'i'
  INT64 = 0x49, // 'I' (never written since 3.4; still read)
  FLOAT = 0x66, // 'f'
  BINARY_FLOAT = 0x67, // 'g'
  COMPLEX = 0x78, // 'x'
  BINARY_COMPLEX = 0x79, // 'y'
  LONG = 0x6c, // 'l'
  STRING = 0x73, // 's' (bytes)
  INTERNED = 0x74, // 't'
  REF = 0x72, // 'r'
  TUPLE = 0x28, // '('
  LIST = 0x5b, // '['
  DICT = 0x7b, // '{'
  CODE = 0x63, // 'c'
  UNICODE = 0x75, // 'u'
  UNKNOWN = 0x3f, // '?'
  SET = 0x3c, // '<'
  FROZENSET = 0x3e, // '>'
  ASCII = 0x61, // 'a'
  ASCII_INTERNED = 0x41, // 'A'
  SMALL_TUPLE = 0x29, // ')'
  SHORT_ASCII = 0x7a, // 'z'
  SHORT_ASCII_INTERNED = 0x5a, // 'Z'
}
