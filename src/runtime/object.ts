// The root of the object model: PyObject (every non-literal value), PyType (type objects with C3
// MRO and a cached attribute lookup) and typeOf(), the O(1) `type(x)`.
//
// Representation (see src/vm/README.md): int = JS number (safe integer) or bigint, bool = JS
// boolean, str = JS string, float/complex/bytes/None/Ellipsis = the classes in src/values (their
// prototypes get a `cls` field at start-up), everything else = a PyObject subclass with `cls`.
import { PyBytes, PyComplex, PyEllipsisType, PyFloat, PyNoneType } from '../values';
import type { PyDict } from './collections';

// The literal classes get their Python type through their prototype (assigned below).
declare module '../values/literals' {
  interface PyFloat { cls: PyType }
  interface PyComplex { cls: PyType }
  interface PyBytes { cls: PyType }
  interface PyNoneType { cls: PyType }
  interface PyEllipsisType { cls: PyType }
}

/** Base of every runtime object. `cls` is the Python type; `dict` the instance __dict__ if any. */
export class PyObject {
  // Fields are assigned in the constructor (not as class-field initializers): V8 builds objects
  // much faster that way, and every Python object goes through here.
  declare cls: PyType;
  declare dict: PyDict | null;
  /** Values of __slots__ members, keyed by slot name. */
  declare slots: Record<string, any> | null;
  constructor(cls: PyType) {
    this.cls = cls;
    this.dict = null;
    this.slots = null;
  }
}

let typeVersion = 0;
/** Marks a cached lookup miss (one Map probe per lookup instead of get + has). */
const ABSENT: unique symbol = Symbol('absent');
/** Bumped whenever any type's namespace or bases change; invalidates lookup caches. */
export function bumpTypeVersion(): void {
  typeVersion++;
}

/** A Python type object. `dict` is its namespace (a Map: type namespaces are str-keyed). */
export class PyType extends PyObject {
  name: string;
  qualname: string;
  module: string;
  bases: PyType[];
  mro: PyType[] = [];
  ns: Map<string, any> = new Map();
  /** The builtin type whose instance layout instances of this type use (list, dict, object, ...). */
  solidBase: PyType | null = null;
  /** Creates a bare instance of this type's layout (set for builtin types; inherited). */
  alloc: ((cls: PyType) => any) | null = null;
  /** Instances get a __dict__ (user classes without __slots__). */
  hasDict = false;
  /** True for types defined by Python code (class statements / type(name, bases, ns)). */
  heap = false;
  isException = false;
  private cache = new Map<string, any>();
  private cacheVersion = -1;
  /** Every type that has this one in its MRO (heap subclasses), for targeted cache invalidation. */
  descendants: PyType[] = [];
  /** Fast flags recomputed with the cache: whether user code overrides these. */
  customGetattribute = false;
  constructor(meta: PyType | null, name: string, bases: PyType[]) {
    super(meta as PyType);
    this.name = name;
    this.qualname = name;
    this.module = 'builtins';
    this.bases = bases;
  }

  /** Looks `name` up along the MRO (no descriptors invoked); undefined when absent. */
  lookup(name: string): any {
    if (this.cacheVersion !== typeVersion) {
      this.cache.clear();
      this.gaSlot = ABSENT;
      this.saSlot = ABSENT;
      this.cacheVersion = typeVersion;
    }
    let v = this.cache.get(name);
    if (v !== undefined) return v === ABSENT ? undefined : v;
    const mro = this.mro;
    for (let i = 0; i < mro.length; i++) {
      const x = mro[i].ns.get(name);
      if (x !== undefined) {
        v = x;
        break;
      }
    }
    this.cache.set(name, v === undefined ? ABSENT : v);
    return v;
  }

  /** Drops the lookup caches of this type and its subclasses after its namespace changed. */
  invalidate(): void {
    this.cache.clear();
    this.gaSlot = ABSENT;
    this.saSlot = ABSENT;
    for (const d of this.descendants) {
      d.cache.clear();
      d.gaSlot = ABSENT;
      d.saSlot = ABSENT;
    }
  }

  // Memoised lookups of __getattribute__ / __setattr__ (consulted on every attribute access).
  private gaSlot: any = ABSENT;
  private saSlot: any = ABSENT;
  getattributeSlot(): any {
    if (this.cacheVersion !== typeVersion) this.lookup('__getattribute__');
    if (this.gaSlot === ABSENT) this.gaSlot = this.lookup('__getattribute__');
    return this.gaSlot;
  }
  setattrSlot(): any {
    if (this.cacheVersion !== typeVersion) this.lookup('__setattr__');
    if (this.saSlot === ABSENT) this.saSlot = this.lookup('__setattr__');
    return this.saSlot;
  }

  isSubtypeOf(other: PyType): boolean {
    if (this === other) return true;
    const mro = this.mro;
    for (let i = 0; i < mro.length; i++) if (mro[i] === other) return true;
    return false;
  }
}

/** C3 linearisation; null when the bases admit no consistent order. */
export function c3(cls: PyType, bases: PyType[]): PyType[] | null {
  const seqs: PyType[][] = bases.map((b) => b.mro.slice());
  seqs.push(bases.slice());
  const out: PyType[] = [cls];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length > 0);
    if (nonEmpty.length === 0) return out;
    let cand: PyType | null = null;
    for (const s of nonEmpty) {
      const head = s[0];
      if (!nonEmpty.some((t) => t.indexOf(head) > 0)) {
        cand = head;
        break;
      }
    }
    if (!cand) return null;
    out.push(cand);
    for (const s of nonEmpty) if (s[0] === cand) s.shift();
  }
}

/** All builtin type objects, filled in below and by the modules that implement them. */
export const T: Record<string, PyType> = Object.create(null);

function bootType(name: string, base: PyType | null): PyType {
  const t = new PyType(T.type ?? null, name, base ? [base] : []);
  t.mro = base ? [t, ...base.mro] : [t];
  if (base) {
    t.solidBase = base.solidBase === T.object ? t : base.solidBase;
    t.alloc = base.alloc;
    t.isException = base.isException;
  }
  T[name] = t;
  return t;
}

// object and type are bootstrapped by hand: type(object) is type, type(type) is type.
const objectType = new PyType(null, 'object', []);
objectType.mro = [objectType];
objectType.solidBase = objectType;
objectType.alloc = (cls) => new PyObject(cls);
T.object = objectType;
const typeType = new PyType(null, 'type', [objectType]);
typeType.mro = [typeType, objectType];
typeType.solidBase = typeType;
T.type = typeType;
objectType.cls = typeType;
typeType.cls = typeType;

/** Declares a builtin type `name` deriving from `base` (default object). */
export function builtinType(name: string, base: PyType = objectType, alloc?: (cls: PyType) => any): PyType {
  const t = bootType(name, base);
  t.solidBase = alloc ? t : base.solidBase;
  if (alloc) t.alloc = alloc;
  return t;
}

for (const n of ['int', 'str', 'float', 'complex', 'bytes', 'NoneType', 'ellipsis', 'NotImplementedType', 'list', 'tuple',
  'dict', 'set', 'frozenset', 'range', 'slice', 'function', 'builtin_function_or_method', 'method_descriptor',
  'method', 'cell', 'code', 'frame', 'traceback', 'generator', 'coroutine', 'property', 'classmethod',
  'staticmethod', 'bytearray', 'member_descriptor', 'getset_descriptor', 'wrapper_descriptor', 'super',
  'module', 'enumerate', 'zip', 'map', 'filter', 'reversed', 'list_iterator', 'tuple_iterator',
  'range_iterator', 'str_ascii_iterator', 'dict_keyiterator', 'dict_valueiterator', 'dict_itemiterator',
  'set_iterator', 'dict_keys', 'dict_values', 'dict_items', 'iterator', 'callable_iterator', 'memoryview',
  'bytes_iterator', 'list_reverseiterator', 'mappingproxy', 'classmethod_descriptor', 'async_generator',
  'coroutine_wrapper', 'NotImplementedType', 'cell', 'generic_iterator']) {
  if (!T[n]) builtinType(n);
}
// bool derives from int.
builtinType('bool', T.int);

/** Marks literal classes from src/values with their Python types (type(x) stays O(1)). */
(PyFloat.prototype as any).cls = T.float;
(PyComplex.prototype as any).cls = T.complex;
(PyBytes.prototype as any).cls = T.bytes;
(PyNoneType.prototype as any).cls = T.NoneType;
(PyEllipsisType.prototype as any).cls = T.ellipsis;

/** type(x): O(1). */
export function typeOf(x: any): PyType {
  switch (typeof x) {
    case 'number':
    case 'bigint':
      return T.int;
    case 'string':
      return T.str;
    case 'boolean':
      return T.bool;
    case 'object':
      return x.cls;
    default:
      return T.object;
  }
}

/** Sets attribute `name` of a builtin type's namespace. */
export function setTypeAttr(t: PyType, name: string, v: any): void {
  t.ns.set(name, v);
  t.invalidate();
}

/** Instances of a value subclass (class C(int)) carry the value plus their class and dict. */
export class PyBoxed extends PyObject {
  constructor(cls: PyType, public value: any) {
    super(cls);
  }
}
