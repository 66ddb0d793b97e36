// Callables and descriptors: Python functions, cells, bound methods, builtin functions and method
// descriptors, property, classmethod, staticmethod, slot members and getset descriptors.
import type { CodeObject } from '../bytecode/code';
import { PyObject, PyType, T, typeOf } from './object';
import type { PyDict, PyTuple } from './collections';

/** Signature of builtin implementations: positional args (self first for methods), keywords. */
export type BuiltinFn = (args: any[], kw: Map<string, any> | null) => any;

export class PyCell extends PyObject {
  constructor(public contents: any = undefined) {
    super(T.cell);
  }
}

export class PyFunction extends PyObject {
  name: string;
  qualname: string;
  defaults: any[] | null = null;
  kwdefaults: PyDict | null = null;
  closure: PyCell[] | null = null;
  annotations: PyDict | null = null;
  doc: any;
  module: any;
  builtins: PyDict;
  constructor(public code: CodeObject, public globals: PyDict, builtins: PyDict, qualname?: string) {
    super(T.function);
    this.name = code.co_name;
    this.qualname = qualname ?? code.co_qualname;
    this.builtins = builtins;
    const c0 = code.co_consts[0];
    this.doc = typeof c0 === 'string' ? c0 : (None as any);
    this.module = globals.getStr('__name__') ?? None;
  }
}
import { None } from '../values';

export class PyMethod extends PyObject {
  constructor(public func: any, public self: any) {
    super(T.method);
  }
}

/** builtin_function_or_method: a native function, optionally bound to `self`. */
export class PyBuiltin extends PyObject {
  constructor(public name: string, public fn: BuiltinFn, public self: any = undefined, public module: string | null = 'builtins', public qualname: string = name) {
    super(T.builtin_function_or_method);
  }
}

/** method_descriptor: a native method in a builtin type's namespace (list.append). */
export class PyMethodDescr extends PyObject {
  constructor(public name: string, public owner: PyType, public fn: BuiltinFn) {
    // Dunder methods of builtin types are slot wrappers in CPython.
    super(name.length > 4 && name.startsWith('__') && name.endsWith('__') ? T.wrapper_descriptor : T.method_descriptor);
  }
}

/** classmethod_descriptor: a native classmethod (dict.fromkeys, int.from_bytes). */
export class PyClassMethodDescr extends PyObject {
  constructor(public name: string, public owner: PyType, public fn: BuiltinFn) {
    super(T.classmethod_descriptor);
  }
}

export class PyProperty extends PyObject {
  constructor(public fget: any, public fset: any, public fdel: any, public doc: any, cls: PyType = T.property) {
    super(cls);
  }
}

export class PyClassMethod extends PyObject {
  constructor(public callable: any, cls: PyType = T.classmethod) {
    super(cls);
  }
}

export class PyStaticMethod extends PyObject {
  constructor(public callable: any, cls: PyType = T.staticmethod) {
    super(cls);
  }
}

/** A __slots__ member (stored in obj.slots). */
export class PyMemberDescr extends PyObject {
  constructor(public name: string, public owner: PyType) {
    super(T.member_descriptor);
  }
}

/** A native attribute with getter/setter (function.__name__, frame.f_lineno, ...). */
export class PyGetSet extends PyObject {
  constructor(public name: string, public owner: PyType, public get: (obj: any) => any, public set: ((obj: any, v: any) => void) | null = null) {
    super(T.getset_descriptor);
  }
}

export class PyModule extends PyObject {
  constructor(public name: string, public moduleDict: PyDict) {
    super(T.module);
    this.dictRef = moduleDict;
  }
  dictRef: PyDict;
}

/** Installs a native method on a builtin type. */
export function method(t: PyType, name: string, fn: BuiltinFn): void {
  t.ns.set(name, new PyMethodDescr(name, t, fn));
}
export function classMethod(t: PyType, name: string, fn: BuiltinFn): void {
  t.ns.set(name, new PyClassMethodDescr(name, t, fn));
}
export function getset(t: PyType, name: string, get: (obj: any) => any, set: ((obj: any, v: any) => void) | null = null): void {
  t.ns.set(name, new PyGetSet(name, t, get, set));
}
export function staticNative(t: PyType, name: string, fn: BuiltinFn): void {
  t.ns.set(name, new PyStaticMethod(new PyBuiltin(name, fn)));
}

export function typeName(x: any): string {
  return typeOf(x).name;
}

export type { PyTuple };
