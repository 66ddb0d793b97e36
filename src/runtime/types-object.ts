// object, type (class creation with C3 MRO, __set_name__, __init_subclass__, metaclasses), super,
// functions and methods, property/classmethod/staticmethod, None/NotImplemented/Ellipsis, and the
// BaseException methods.
import { None, Ellipsis } from '../values';
import { PyObject, PyType, T, typeOf, c3, bumpTypeVersion, builtinType } from './object';
import { PyTuple, PyDict, PyList } from './collections';
import {
  PyBaseException, PyExceptionGroup, PyTraceback, newExc, typeError, attributeError, valueError,
} from './exceptions';
import {
  PyFunction, PyMethod, PyBuiltin, PyMethodDescr, PyClassMethodDescr, PyProperty, PyClassMethod, PyStaticMethod,
  PyMemberDescr, PyGetSet, PyCell, PyModule, method, getset, staticNative, classMethod,
} from './func';
import { NotImplemented, PySuper } from './misc';
import {
  repr, str, call, callMethod, getattr, genericGetattr, genericSetattr, genericDelattr, descrGet, noAttribute,
  defaultRepr, registerObjectDescrs, setObjectGetattribute, setObjectSetattr, setTypeGetattribute, setTypeCall,
  typeCallDefault, hash, truthy, toArray, isDataDescr, eq, hexId, tupleHash,
} from './ops';
import { arity } from './args';
import { objectId } from './misc';

function selfArg(args: any[], name: string): any {
  if (args.length === 0) throw typeError(`${name}() needs an argument`);
  return args[0];
}

// ---------------------------------------------------------------- object
method(T.object, '__repr__', (a) => defaultRepr(a[0]));
method(T.object, '__str__', (a) => repr(a[0]));
method(T.object, '__eq__', (a) => (a[0] === a[1] ? true : NotImplemented));
method(T.object, '__ne__', (a) => {
  const f = typeOf(a[0]).lookup('__eq__');
  const r = callMethod(f, a[0], [a[1]]);
  return r === NotImplemented ? r : !truthy(r);
});
for (const n of ['__lt__', '__le__', '__gt__', '__ge__']) method(T.object, n, () => NotImplemented);
method(T.object, '__hash__', (a) => Math.floor(Number(objectId(a[0])) / 16));
method(T.object, '__getattribute__', (a) => {
  const name = a[1];
  if (typeof name !== 'string') throw typeError(`attribute name must be string, not '${typeOf(name).name}'`);
  const r = genericGetattr(a[0], name);
  if (r === undefined) throw noAttribute(a[0], name);
  return r;
});
method(T.object, '__setattr__', (a) => {
  genericSetattr(a[0], a[1], a[2]);
  return None;
});
method(T.object, '__delattr__', (a) => {
  genericDelattr(a[0], a[1]);
  return None;
});
method(T.object, '__init__', (a, kw) => {
  const t = typeOf(a[0]);
  if (a.length > 1 || (kw && kw.size)) {
    if (t.lookup('__init__') !== T.object.ns.get('__init__'))
      throw typeError('object.__init__() takes exactly one argument (the instance to initialize)');
    if (t.lookup('__new__') === T.object.ns.get('__new__'))
      throw typeError(`${t.name}() takes no arguments`);
  }
  return None;
});
staticNative(T.object, '__new__', (a, kw) => {
  const cls = a[0];
  if (!(cls instanceof PyType)) throw typeError(`object.__new__(X): X is not a type object (${typeOf(cls).name})`);
  if ((a.length > 1 || (kw && kw.size)) && cls.lookup('__init__') === T.object.ns.get('__init__') && cls.lookup('__new__') === T.object.ns.get('__new__'))
    throw typeError(`${cls.name}() takes no arguments`);
  if (cls.ns.has('__abstractmethods__')) {
    const am = cls.ns.get('__abstractmethods__');
    const names = toArray(am).map(String).sort();
    if (names.length)
      throw typeError(`Can't instantiate abstract class ${cls.name} with abstract method${names.length > 1 ? 's' : ''} ${names.join(', ')}`);
  }
  return newInstance(cls);
});
method(T.object, '__format__', (a) => {
  const spec = a[1];
  if (typeof spec === 'string' && spec !== '') throw typeError(`unsupported format string passed to ${typeOf(a[0]).name}.__format__`);
  return str(a[0]);
});
method(T.object, '__reduce_ex__', () => None);
method(T.object, '__dir__', (a) => new PyList(dirOf(a[0])));
method(T.object, '__init_subclass__', () => None);
T.object.ns.set('__init_subclass__', new PyClassMethodDescr('__init_subclass__', T.object, () => None));
method(T.object, '__sizeof__', () => 16);
getset(T.object, '__class__', (o) => typeOf(o), (o, v) => {
  if (!(v instanceof PyType)) throw typeError(`__class__ must be set to a class, not '${typeOf(v).name}' object`);
  (o as PyObject).cls = v;
});
getset(T.object, '__dict__', (o) => {
  if (o instanceof PyObject) {
    if (o.dict) return o.dict;
    if (typeOf(o).hasDict) return (o.dict = new PyDict());
  }
  throw attributeError(`'${typeOf(o).name}' object has no attribute '__dict__'`, '__dict__', o);
}, (o, v) => {
  if (!(v instanceof PyDict)) throw typeError(`__dict__ must be set to a dictionary, not a '${typeOf(v).name}'`);
  (o as PyObject).dict = v;
});
getset(T.object, '__doc__', (o) => (o instanceof PyType ? o.ns.get('__doc__') ?? None : typeOf(o).lookup('__doc__') ?? None));
registerObjectDescrs(T.object.ns.get('__eq__'), T.object.ns.get('__hash__'));
setObjectGetattribute(T.object.ns.get('__getattribute__'));
setObjectSetattr(T.object.ns.get('__setattr__'));

/** Allocates a bare instance of cls using its solid base's layout. */
export function newInstance(cls: PyType): any {
  const o = cls.alloc!(cls);
  if (cls.hasDict && o instanceof PyObject && !o.dict) o.dict = new PyDict();
  return o;
}

export function dirOf(o: any): string[] {
  const names = new Set<string>();
  if (o instanceof PyType) {
    for (const t of o.mro) for (const k of t.ns.keys()) names.add(k);
  } else {
    if (o instanceof PyModule) for (const k of o.dictRef.keyList()) names.add(k);
    if (typeof o === 'object' && o.dict) for (const k of o.dict.keyList()) names.add(k);
    for (const t of typeOf(o).mro) for (const k of t.ns.keys()) names.add(k);
  }
  return [...names].sort();
}

// ---------------------------------------------------------------- type
const typeDictProxy = (t: PyType) => {
  const d = new PyDict(T.mappingproxy);
  for (const [k, v] of t.ns) d.setStr(k, v);
  return d;
};
getset(T.type, '__name__', (t: PyType) => t.name, (t: PyType, v) => {
  if (typeof v !== 'string') throw typeError(`can only assign string to ${t.name}.__name__, not '${typeOf(v).name}'`);
  t.name = v;
});
getset(T.type, '__qualname__', (t: PyType) => t.qualname, (t: PyType, v) => {
  t.qualname = v;
});
getset(T.type, '__module__', (t: PyType) => (t.heap ? t.ns.get('__module__') ?? t.module : t.module), (t: PyType, v) => {
  t.ns.set('__module__', v);
  t.module = String(v);
});
getset(T.type, '__mro__', (t: PyType) => new PyTuple(t.mro.slice()));
getset(T.type, '__bases__', (t: PyType) => new PyTuple(t.bases.slice()));
getset(T.type, '__base__', (t: PyType) => t.bases[0] ?? None);
getset(T.type, '__dict__', typeDictProxy);
getset(T.type, '__doc__', (t: PyType) => t.ns.get('__doc__') ?? None);
method(T.type, 'mro', (a) => new PyList(a[0].mro.slice()));
method(T.type, '__subclasses__', (a) => new PyList(subclassesOf(a[0])));
method(T.type, '__repr__', (a) => {
  const t: PyType = a[0];
  const mod = t.heap ? t.ns.get('__module__') : t.module;
  if (mod && mod !== 'builtins') return `<class '${str(mod)}.${t.qualname}'>`;
  return `<class '${t.qualname}'>`;
});
method(T.type, '__call__', (a, kw) => typeCallDefault(a[0], a.slice(1), kw));
setTypeCall(T.type.ns.get('__call__'));
method(T.type, '__getattribute__', (a) => {
  const r = genericGetattr(a[0], a[1]);
  if (r === undefined) throw noAttribute(a[0], a[1]);
  return r;
});
setTypeGetattribute(T.type.ns.get('__getattribute__'));
method(T.type, '__setattr__', (a) => {
  genericSetattr(a[0], a[1], a[2]);
  return None;
});
method(T.type, '__instancecheck__', (a) => typeOf(a[1]).isSubtypeOf(a[0]));
method(T.type, '__subclasscheck__', (a) => a[1] instanceof PyType && a[1].isSubtypeOf(a[0]));
method(T.type, '__or__', (a) => new PyTuple([a[0], a[1]]));
staticNative(T.type, '__new__', (a, kw) => {
  const meta = a[0];
  if (a.length === 2 && meta === T.type) return typeOf(a[1]);
  if (a.length !== 4) throw typeError('type() takes 1 or 3 arguments');
  return createClass(meta, a[1], toArray(a[2]), a[3], kw);
});
method(T.type, '__init__', () => None);
classMethod(T.type, '__prepare__', () => new PyDict());

const allTypes: PyType[] = [];
function subclassesOf(t: PyType): PyType[] {
  const out: PyType[] = [];
  for (const x of Object.values(T)) if (x.bases.includes(t) && !out.includes(x)) out.push(x);
  for (const x of allTypes) if (x.bases.includes(t) && !out.includes(x)) out.push(x);
  return out;
}

/** type.__new__(meta, name, bases, ns, **kw): builds a heap type. */
export function createClass(meta: PyType, name: string, bases: PyType[], ns: PyDict, kw: Map<string, any> | null): PyType {
  if (typeof name !== 'string') throw typeError(`type.__new__() argument 1 must be str, not ${typeOf(name).name}`);
  for (const b of bases) {
    if (!(b instanceof PyType)) throw typeError(`bases must be types`);
    if (b === T.bool || b === T.function || b === T.NoneType || b === T.range || b === T.slice || b === T.generator)
      throw typeError(`type '${b.name}' is not an acceptable base type`);
  }
  if (bases.length === 0) bases = [T.object];
  for (let i = 0; i < bases.length; i++) {
    if (bases.indexOf(bases[i]) !== i) throw typeError(`duplicate base class ${bases[i].name}`);
  }
  // The solid base: the most derived builtin layout among the bases.
  let solid = bases[0].solidBase ?? T.object;
  for (const b of bases) {
    const sb = b.solidBase ?? T.object;
    if (sb.isSubtypeOf(solid)) solid = sb;
    else if (!solid.isSubtypeOf(sb)) throw typeError('multiple bases have instance lay-out conflict');
  }
  const t = new PyType(meta, name, bases);
  const mro = c3(t, bases);
  if (!mro) {
    throw typeError(`Cannot create a consistent method resolution\norder (MRO) for bases ${bases.map((b) => b.name).join(', ')}`);
  }
  t.mro = mro;
  for (let i = 1; i < mro.length; i++) mro[i].descendants.push(t);
  t.heap = true;
  t.solidBase = solid;
  t.alloc = solid.alloc;
  t.isException = bases.some((b) => b.isException);
  for (const k of ns.keyList()) {
    if (typeof k === 'string') t.ns.set(k, ns.get(k));
  }
  const mod = ns.getStr('__module__');
  if (mod !== undefined) t.module = str(mod);
  const qn = ns.getStr('__qualname__');
  if (qn !== undefined) {
    t.qualname = qn;
    t.ns.delete('__qualname__');
  }
  const slots = ns.getStr('__slots__');
  if (slots !== undefined) {
    const names = typeof slots === 'string' ? [slots] : toArray(slots);
    t.hasDict = bases.some((b) => b.hasDict);
    for (const s of names) {
      if (s === '__dict__') t.hasDict = true;
      else t.ns.set(s, new PyMemberDescr(s, t));
    }
  } else {
    t.hasDict = true;
  }
  for (const special of ['__new__']) {
    const f = t.ns.get(special);
    if (f instanceof PyFunction) t.ns.set(special, new PyStaticMethod(f));
  }
  for (const special of ['__init_subclass__', '__class_getitem__']) {
    const f = t.ns.get(special);
    if (f instanceof PyFunction) t.ns.set(special, new PyClassMethod(f));
  }
  if (t.ns.has('__eq__') && !t.ns.has('__hash__')) t.ns.set('__hash__', None);
  const cell = t.ns.get('__classcell__');
  if (cell instanceof PyCell) {
    cell.contents = t;
    t.ns.delete('__classcell__');
  }
  if (!t.ns.has('__doc__')) t.ns.set('__doc__', None);
  bumpTypeVersion();
  allTypes.push(t);
  // __set_name__ on attributes, then the parent's __init_subclass__.
  for (const [k, v] of [...t.ns]) {
    if (typeof v === 'object' && v !== null && v.cls?.heap) {
      const sn = typeOf(v).lookup('__set_name__');
      if (sn !== undefined) callMethod(sn, v, [t, k]);
    }
  }
  const sup = new PySuper(t, t, t);
  const isc = superGetattr(sup, '__init_subclass__');
  if (isc !== undefined) call(isc, [], kw);
  return t;
}

// ---------------------------------------------------------------- super
export function superGetattr(s: PySuper, name: string): any {
  const startType = s.objType;
  if (startType && name !== '__class__') {
    const mro = startType.mro;
    let i = mro.indexOf(s.thisType);
    for (i++; i < mro.length; i++) {
      const d = mro[i].ns.get(name);
      if (d !== undefined) {
        return descrGet(d, s.obj === startType ? null : s.obj, startType);
      }
    }
  }
  return undefined;
}
staticNative(T.super, '__new__', (a) => {
  // super(type, obj) / super(type, type2). Zero-argument super is handled by builtins.super.
  const [, thisType, obj] = a;
  if (!(thisType instanceof PyType)) throw typeError(`super() argument 1 must be a type, not ${typeOf(thisType).name}`);
  return makeSuper(thisType, obj);
});
export function makeSuper(thisType: PyType, obj: any): PySuper {
  if (obj === undefined || obj === None) return new PySuper(thisType, None, null);
  if (obj instanceof PyType && obj.isSubtypeOf(thisType)) return new PySuper(thisType, obj, obj);
  const ot = typeOf(obj);
  if (!ot.isSubtypeOf(thisType)) throw typeError('super(type, obj): obj must be an instance or subtype of type');
  return new PySuper(thisType, obj, ot);
}
method(T.super, '__init__', () => None);
method(T.super, '__getattribute__', (a) => {
  const s: PySuper = a[0];
  const name: string = a[1];
  const r = superGetattr(s, name);
  if (r !== undefined) return r;
  const g = genericGetattr(s, name);
  if (g !== undefined) return g;
  throw attributeError(`'super' object has no attribute '${name}'`, name, s);
});
method(T.super, '__repr__', (a) => {
  const s: PySuper = a[0];
  return `<super: <class '${s.thisType.name}'>, ${s.objType ? `<${s.objType.name} object>` : 'NULL'}>`;
});
T.super.heap = false;

// ---------------------------------------------------------------- None, NotImplemented, Ellipsis
method(T.NoneType, '__repr__', () => 'None');
method(T.NoneType, '__bool__', () => false);
method(T.NoneType, '__hash__', () => 0x8d0a0);
method(T.NotImplementedType, '__repr__', () => 'NotImplemented');
method(T.ellipsis, '__repr__', () => 'Ellipsis');
void Ellipsis;

// ---------------------------------------------------------------- functions and methods
getset(T.function, '__name__', (f: PyFunction) => f.name, (f: PyFunction, v) => {
  if (typeof v !== 'string') throw typeError('__name__ must be set to a string object');
  f.name = v;
});
getset(T.function, '__qualname__', (f: PyFunction) => f.qualname, (f: PyFunction, v) => {
  f.qualname = v;
});
getset(T.function, '__doc__', (f: PyFunction) => f.doc, (f: PyFunction, v) => {
  f.doc = v;
});
getset(T.function, '__module__', (f: PyFunction) => f.module, (f: PyFunction, v) => {
  f.module = v;
});
getset(T.function, '__defaults__', (f: PyFunction) => (f.defaults ? new PyTuple(f.defaults) : None), (f: PyFunction, v) => {
  f.defaults = v === None ? null : toArray(v);
});
getset(T.function, '__kwdefaults__', (f: PyFunction) => f.kwdefaults ?? None, (f: PyFunction, v) => {
  f.kwdefaults = v === None ? null : v;
});
getset(T.function, '__code__', (f: PyFunction) => f.code);
getset(T.function, '__globals__', (f: PyFunction) => f.globals);
getset(T.function, '__closure__', (f: PyFunction) => (f.closure ? new PyTuple(f.closure) : None));
getset(T.function, '__annotations__', (f: PyFunction) => {
  if (!f.annotations) f.annotations = new PyDict();
  return f.annotations;
}, (f: PyFunction, v) => {
  f.annotations = v;
});
getset(T.function, '__dict__', (f: PyFunction) => {
  if (!f.dict) f.dict = new PyDict();
  return f.dict;
});
T.function.hasDict = true;
method(T.function, '__repr__', (a) => `<function ${a[0].qualname} at ${hexId(a[0])}>`);
method(T.function, '__get__', (a) => (a[1] === None ? a[0] : new PyMethod(a[0], a[1])));
method(T.function, '__call__', (a, kw) => call(a[0], a.slice(1), kw));

getset(T.method, '__func__', (m: PyMethod) => m.func);
getset(T.method, '__self__', (m: PyMethod) => m.self);
getset(T.method, '__name__', (m: PyMethod) => getattr(m.func, '__name__'));
getset(T.method, '__qualname__', (m: PyMethod) => getattr(m.func, '__qualname__'));
getset(T.method, '__doc__', (m: PyMethod) => getattr(m.func, '__doc__'));
method(T.method, '__repr__', (a) => {
  const m: PyMethod = a[0];
  const qn = m.func instanceof PyFunction ? m.func.qualname : str(getattr(m.func, '__qualname__'));
  return `<bound method ${qn} of ${repr(m.self)}>`;
});
method(T.method, '__call__', (a, kw) => call(a[0], a.slice(1), kw));
method(T.method, '__eq__', (a) => a[1] instanceof PyMethod && a[0].func === a[1].func && a[0].self === a[1].self);
method(T.method, '__hash__', (a) => hash(a[0].func) ^ Number(objectId(a[0].self)));

getset(T.builtin_function_or_method, '__name__', (f: PyBuiltin) => f.name);
getset(T.builtin_function_or_method, '__qualname__', (f: PyBuiltin) => f.qualname);
getset(T.builtin_function_or_method, '__self__', (f: PyBuiltin) => f.self ?? None);
getset(T.builtin_function_or_method, '__module__', (f: PyBuiltin) => f.module ?? None);
getset(T.builtin_function_or_method, '__doc__', () => None);
method(T.builtin_function_or_method, '__repr__', (a) => {
  const f: PyBuiltin = a[0];
  if (f.self === undefined || f.self instanceof PyModule) return `<built-in function ${f.name}>`;
  return `<built-in method ${f.name} of ${typeOf(f.self).name} object at ${hexId(f.self)}>`;
});
method(T.builtin_function_or_method, '__call__', (a, kw) => call(a[0], a.slice(1), kw));
getset(T.method_descriptor, '__name__', (f: PyMethodDescr) => f.name);
getset(T.method_descriptor, '__qualname__', (f: PyMethodDescr) => `${f.owner.name}.${f.name}`);
getset(T.method_descriptor, '__objclass__', (f: PyMethodDescr) => f.owner);
method(T.method_descriptor, '__repr__', (a) => `<method '${a[0].name}' of '${a[0].owner.name}' objects>`);
for (const n of ['__name__', '__qualname__', '__objclass__', '__call__', '__get__']) T.wrapper_descriptor.ns.set(n, T.method_descriptor.ns.get(n));
method(T.wrapper_descriptor, '__repr__', (a) => `<slot wrapper '${a[0].name}' of '${a[0].owner.name}' objects>`);
method(T.method_descriptor, '__call__', (a, kw) => call(a[0], a.slice(1), kw));
method(T.method_descriptor, '__get__', (a) => descrGet(a[0], a[1] === None ? null : a[1], a[2] ?? typeOf(a[1])));
method(T.classmethod_descriptor, '__repr__', (a) => `<method '${a[0].name}' of '${a[0].owner.name}' objects>`);
method(T.getset_descriptor, '__repr__', (a) => `<attribute '${a[0].name}' of '${a[0].owner.name}' objects>`);
method(T.getset_descriptor, '__get__', (a) => (a[1] === None ? a[0] : a[0].get(a[1])));
method(T.member_descriptor, '__repr__', (a) => `<member '${a[0].name}' of '${a[0].owner.name}' objects>`);
method(T.member_descriptor, '__get__', (a) => descrGet(a[0], a[1] === None ? null : a[1], typeOf(a[1])));
method(T.cell, '__repr__', (a) => (a[0].contents === undefined ? `<cell at ${hexId(a[0])}: empty>` : `<cell at ${hexId(a[0])}: ${typeOf(a[0].contents).name} object at ${hexId(a[0].contents)}>`));
getset(T.cell, 'cell_contents', (c: PyCell) => {
  if (c.contents === undefined) throw valueError('Cell is empty');
  return c.contents;
}, (c: PyCell, v) => {
  c.contents = v;
});

// ---------------------------------------------------------------- property, classmethod, staticmethod
staticNative(T.property, '__new__', (a) => new PyProperty(None, None, None, None, a[0]));
method(T.property, '__init__', (a, kw) => {
  const p: PyProperty = a[0];
  const get = (i: number, k: string) => a[i] ?? kw?.get(k) ?? None;
  p.fget = get(1, 'fget');
  p.fset = get(2, 'fset');
  p.fdel = get(3, 'fdel');
  p.doc = get(4, 'doc');
  if (p.doc === None && p.fget !== None) {
    const d = genericGetattr(p.fget, '__doc__');
    if (d !== undefined) p.doc = d;
  }
  return None;
});
function propCopy(p: PyProperty, which: 'fget' | 'fset' | 'fdel', f: any): PyProperty {
  const q = new PyProperty(p.fget, p.fset, p.fdel, p.doc, p.cls);
  q[which] = f;
  if (p.cls.heap) q.dict = p.dict;
  return q;
}
method(T.property, 'getter', (a) => propCopy(a[0], 'fget', a[1]));
method(T.property, 'setter', (a) => propCopy(a[0], 'fset', a[1]));
method(T.property, 'deleter', (a) => propCopy(a[0], 'fdel', a[1]));
getset(T.property, 'fget', (p: PyProperty) => p.fget);
getset(T.property, 'fset', (p: PyProperty) => p.fset);
getset(T.property, 'fdel', (p: PyProperty) => p.fdel);
getset(T.property, '__doc__', (p: PyProperty) => p.doc, (p: PyProperty, v) => {
  p.doc = v;
});
getset(T.property, '__isabstractmethod__', (p: PyProperty) => [p.fget, p.fset, p.fdel].some((f) => f !== None && truthy(genericGetattr(f, '__isabstractmethod__') ?? false)));
method(T.property, '__get__', (a) => descrGet(a[0], a[1] === None ? null : a[1], a[2] ?? typeOf(a[1])));
method(T.property, '__set__', (a) => {
  const p: PyProperty = a[0];
  if (p.fset === None) throw attributeError(`can't set attribute`);
  call(p.fset, [a[1], a[2]]);
  return None;
});
method(T.property, '__delete__', (a) => {
  const p: PyProperty = a[0];
  if (p.fdel === None) throw attributeError(`can't delete attribute`);
  call(p.fdel, [a[1]]);
  return None;
});
T.property.heap = false;
staticNative(T.classmethod, '__new__', (a) => new PyClassMethod(a[1], a[0]));
method(T.classmethod, '__init__', () => None);
getset(T.classmethod, '__func__', (c: PyClassMethod) => c.callable);
getset(T.classmethod, '__isabstractmethod__', (c: PyClassMethod) => genericGetattr(c.callable, '__isabstractmethod__') ?? false);
method(T.classmethod, '__get__', (a) => new PyMethod(a[0].callable, a[2] === undefined || a[2] === None ? typeOf(a[1]) : a[2]));
T.classmethod.hasDict = true;
staticNative(T.staticmethod, '__new__', (a) => new PyStaticMethod(a[1], a[0]));
method(T.staticmethod, '__init__', () => None);
getset(T.staticmethod, '__func__', (c: PyStaticMethod) => c.callable);
method(T.staticmethod, '__get__', (a) => a[0].callable);
method(T.staticmethod, '__call__', (a, kw) => call(a[0].callable, a.slice(1), kw));
T.staticmethod.hasDict = true;

// ---------------------------------------------------------------- module
getset(T.module, '__dict__', (m: PyModule) => m.dictRef);
method(T.module, '__repr__', (a) => {
  const m: PyModule = a[0];
  const f = m.dictRef.getStr('__file__');
  return f !== undefined ? `<module '${m.name}' from '${str(f)}'>` : `<module '${m.name}' (built-in)>`;
});
staticNative(T.module, '__new__', (a) => new PyModule(String(a[1]), new PyDict()));
method(T.module, '__init__', (a) => {
  const m: PyModule = a[0];
  m.name = a[1];
  m.dictRef.setStr('__name__', a[1]);
  m.dictRef.setStr('__doc__', a[2] ?? None);
  return None;
});

// ---------------------------------------------------------------- BaseException
staticNative(T.BaseException, '__new__', (a) => {
  const cls: PyType = a[0];
  const e = newInstance(cls) as PyBaseException;
  e.args = new PyTuple(a.slice(1));
  return e;
});
method(T.BaseException, '__init__', (a) => {
  (a[0] as PyBaseException).args = new PyTuple(a.slice(1));
  return None;
});
getset(T.BaseException, 'args', (e: PyBaseException) => e.args, (e: PyBaseException, v) => {
  e.args = new PyTuple(toArray(v));
});
getset(T.BaseException, '__traceback__', (e: PyBaseException) => e.traceback ?? None, (e: PyBaseException, v) => {
  if (v !== None && !(v instanceof PyTraceback)) throw typeError('__traceback__ must be a traceback or None');
  e.traceback = v === None ? null : v;
});
getset(T.BaseException, '__cause__', (e: PyBaseException) => e.cause ?? None, (e: PyBaseException, v) => {
  if (v !== None && !(v instanceof PyBaseException)) throw typeError('exception cause must be None or derive from BaseException');
  e.cause = v === None ? null : v;
  e.suppressContext = true;
});
getset(T.BaseException, '__context__', (e: PyBaseException) => e.context ?? None, (e: PyBaseException, v) => {
  e.context = v === None ? null : v;
});
getset(T.BaseException, '__suppress_context__', (e: PyBaseException) => e.suppressContext, (e: PyBaseException, v) => {
  e.suppressContext = truthy(v);
});
method(T.BaseException, 'with_traceback', (a) => {
  a[0].traceback = a[1] === None ? null : a[1];
  return a[0];
});
method(T.BaseException, 'add_note', (a) => {
  const e: PyBaseException = a[0];
  if (typeof a[1] !== 'string') throw typeError(`note must be a str, not '${typeOf(a[1]).name}'`);
  let notes = e.dict?.getStr('__notes__');
  if (notes === undefined) {
    notes = new PyList([]);
    if (!e.dict) e.dict = new PyDict();
    e.dict.setStr('__notes__', notes);
  }
  notes.items.push(a[1]);
  return None;
});
method(T.BaseException, '__str__', (a) => {
  const e: PyBaseException = a[0];
  const items = e.args.items;
  if (items.length === 0) return '';
  if (items.length === 1) return str(items[0]);
  return repr(e.args);
});
method(T.BaseException, '__repr__', (a) => {
  const e: PyBaseException = a[0];
  const name = typeOf(e).name;
  const items = e.args.items;
  if (items.length === 1) return `${name}(${repr(items[0])})`;
  return `${name}${repr(e.args)}`;
});
method(T.BaseException, '__reduce__', (a) => new PyTuple([typeOf(a[0]), a[0].args]));
function excAttr(t: PyType, name: string, idx: number | null, dflt: any = None): void {
  getset(t, name, (e: PyBaseException) => {
    const v = e.slots?.[name];
    if (v !== undefined) return v;
    if (idx !== null && e.args.items.length > idx) return e.args.items[idx];
    return dflt;
  }, (e: PyBaseException, v) => {
    if (!e.slots) e.slots = {};
    e.slots[name] = v;
  });
}
excAttr(T.StopIteration, 'value', 0);
excAttr(T.StopAsyncIteration, 'value', 0);
getset(T.SystemExit, 'code', (e: PyBaseException) => {
  if (e.slots?.code !== undefined) return e.slots.code;
  const it = e.args.items;
  return it.length === 0 ? None : it.length === 1 ? it[0] : e.args;
}, (e, v) => {
  if (!e.slots) e.slots = {};
  e.slots.code = v;
});
excAttr(T.NameError, 'name', null);
excAttr(T.AttributeError, 'name', null);
excAttr(T.AttributeError, 'obj', null);
excAttr(T.ImportError, 'name', null);
excAttr(T.ImportError, 'path', null);
getset(T.ImportError, 'msg', (e: PyBaseException) => e.args.items[0] ?? None);
method(T.ImportError, '__init__', (a, kw) => {
  const e: PyBaseException = a[0];
  e.args = new PyTuple(a.slice(1));
  if (kw) {
    e.slots = e.slots ?? {};
    for (const [k, v] of kw) e.slots[k] = v;
  }
  return None;
});
method(T.ImportError, '__str__', (a) => {
  const items = a[0].args.items;
  return items.length === 1 ? str(items[0]) : items.length === 0 ? '' : repr(a[0].args);
});
// OSError(errno, strerror[, filename]) picks the subclass for the errno, as CPython does.
const ERRNO_CLASSES: Record<number, string> = {
  2: 'FileNotFoundError', 17: 'FileExistsError', 13: 'PermissionError', 1: 'PermissionError', 21: 'IsADirectoryError',
  20: 'NotADirectoryError', 11: 'BlockingIOError', 32: 'BrokenPipeError', 110: 'TimeoutError',
  111: 'ConnectionRefusedError', 104: 'ConnectionResetError', 103: 'ConnectionAbortedError', 3: 'ProcessLookupError',
  4: 'InterruptedError', 10: 'ChildProcessError',
};
staticNative(T.OSError, '__new__', (a) => {
  let cls: PyType = a[0];
  const args = a.slice(1);
  if (cls === T.OSError && args.length >= 2 && typeof args[0] === 'number' && ERRNO_CLASSES[args[0]]) cls = T[ERRNO_CLASSES[args[0]]];
  const e = newInstance(cls) as PyBaseException;
  e.args = new PyTuple(args.length >= 3 && args.length <= 5 ? args.slice(0, 2) : args);
  if (args.length >= 3 && args.length <= 5) e.slots = { filename: args[2] };
  return e;
});
method(T.OSError, '__init__', () => None);
getset(T.OSError, 'strerror', (e: PyBaseException) => (e.args.items.length >= 2 ? e.args.items[1] : None));
getset(T.OSError, 'filename', (e: PyBaseException) => e.slots?.filename ?? None);
getset(T.OSError, 'errno', (e: PyBaseException) => (e.args.items.length >= 2 ? e.args.items[0] : None));
method(T.OSError, '__str__', (a) => {
  const it = a[0].args.items;
  const fn = a[0].slots?.filename;
  if (it.length === 2 && fn !== undefined && fn !== None) return `[Errno ${str(it[0])}] ${str(it[1])}: ${repr(fn)}`;
  if (it.length === 2) return `[Errno ${str(it[0])}] ${str(it[1])}`;
  return it.length === 1 ? str(it[0]) : it.length === 0 ? '' : repr(a[0].args);
});
method(T.KeyError, '__str__', (a) => {
  const items = a[0].args.items;
  if (items.length === 1) return repr(items[0]);
  return items.length === 0 ? '' : repr(a[0].args);
});
for (const [n, i] of [['msg', 0], ['filename', null], ['lineno', null], ['offset', null], ['text', null], ['end_lineno', null], ['end_offset', null]] as const) {
  getset(T.SyntaxError, n, (e: PyBaseException) => {
    if (e.slots?.[n] !== undefined) return e.slots[n];
    if (n === 'msg') return e.args.items[0] ?? None;
    const det = e.args.items[1];
    if (det instanceof PyTuple) {
      const idx = ['filename', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset'].indexOf(n);
      if (idx >= 0 && idx < det.items.length) return det.items[idx];
    }
    void i;
    return None;
  }, (e, v) => {
    if (!e.slots) e.slots = {};
    e.slots[n] = v;
  });
}
method(T.SyntaxError, '__str__', (a) => {
  const e: PyBaseException = a[0];
  const msg = str(getattr(e, 'msg'));
  const fn = getattr(e, 'filename');
  const ln = getattr(e, 'lineno');
  if (fn !== None && ln !== None) return `${msg} (${basename(str(fn))}, line ${str(ln)})`;
  if (ln !== None) return `${msg} (line ${str(ln)})`;
  return msg;
});
function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) : p;
}

// ExceptionGroup
staticNative(T.BaseExceptionGroup, '__new__', (a) => {
  const cls: PyType = a[0];
  if (a.length !== 3) throw typeError(`BaseExceptionGroup.__new__() takes exactly 2 arguments (${a.length - 1} given)`);
  const [, msg, excs] = a;
  if (typeof msg !== 'string') throw typeError(`argument 1 must be str, not ${typeOf(msg).name}`);
  const list = toArray(excs);
  if (list.length === 0) throw valueError('second argument (exceptions) must be a non-empty sequence');
  for (let i = 0; i < list.length; i++) {
    if (!(list[i] instanceof PyBaseException)) throw valueError(`Item ${i} of second argument (exceptions) is not an exception`);
  }
  let realCls = cls;
  if (cls === T.BaseExceptionGroup && list.every((e) => e.cls.isSubtypeOf(T.Exception))) realCls = T.ExceptionGroup;
  else if (cls.isSubtypeOf(T.Exception) && !list.every((e) => e.cls.isSubtypeOf(T.Exception))) {
    if (cls === T.ExceptionGroup) throw typeError('Cannot nest BaseExceptions in an ExceptionGroup');
    throw typeError(`Cannot nest BaseExceptions in '${cls.name}'`);
  }
  const e = newInstance(realCls) as PyExceptionGroup;
  e.args = new PyTuple([msg, excs]);
  e.message = msg;
  e.exceptions = new PyTuple(list);
  return e;
});
method(T.BaseExceptionGroup, '__init__', () => None);
getset(T.BaseExceptionGroup, 'message', (e: PyExceptionGroup) => e.message);
getset(T.BaseExceptionGroup, 'exceptions', (e: PyExceptionGroup) => e.exceptions);
method(T.BaseExceptionGroup, '__str__', (a) => {
  const e: PyExceptionGroup = a[0];
  const n = e.exceptions.items.length;
  return `${e.message} (${n} sub-exception${n === 1 ? '' : 's'})`;
});
method(T.BaseExceptionGroup, 'derive', (a) => call(T.BaseExceptionGroup, [a[0].message, a[1]]));
/** Splits an exception group by a predicate; returns [match, rest] (null for empty). */
export function egSplit(e: PyBaseException, pred: (x: PyBaseException) => boolean): [any, any] {
  if (pred(e)) return [e, null];
  if (!(e instanceof PyExceptionGroup)) return [null, e];
  const m: any[] = [];
  const r: any[] = [];
  for (const x of e.exceptions.items) {
    const [a, b] = egSplit(x, pred);
    if (a) m.push(a);
    if (b) r.push(b);
  }
  const derive = (items: any[]) => {
    if (items.length === 0) return null;
    const d = callMethod(typeOf(e).lookup('derive'), e, [new PyList(items)]);
    d.traceback = e.traceback;
    d.cause = e.cause;
    d.context = e.context;
    if (e.dict?.getStr('__notes__') !== undefined) {
      if (!d.dict) d.dict = new PyDict();
      d.dict.setStr('__notes__', e.dict.getStr('__notes__'));
    }
    return d;
  };
  return [derive(m), derive(r)];
}
method(T.BaseExceptionGroup, 'split', (a) => {
  const pred = matcher(a[1]);
  const [m, r] = egSplit(a[0], pred);
  return new PyTuple([m ?? None, r ?? None]);
});
method(T.BaseExceptionGroup, 'subgroup', (a) => egSplit(a[0], matcher(a[1]))[0] ?? None);
function matcher(x: any): (e: PyBaseException) => boolean {
  if (x instanceof PyType) return (e) => e.cls.isSubtypeOf(x);
  if (x instanceof PyTuple) return (e) => x.items.some((t: PyType) => e.cls.isSubtypeOf(t));
  return (e) => truthy(call(x, [e]));
}

// traceback objects
getset(T.traceback, 'tb_next', (t: PyTraceback) => t.tb_next ?? None, (t: PyTraceback, v) => {
  t.tb_next = v === None ? null : v;
});
getset(T.traceback, 'tb_frame', (t: PyTraceback) => t.tb_frame);
getset(T.traceback, 'tb_lasti', (t: PyTraceback) => t.tb_lasti);
getset(T.traceback, 'tb_lineno', (t: PyTraceback) => t.tb_lineno);

export { newExc, PyMethod, PyClassMethod, PyStaticMethod, PyBuiltin, PyGetSet, eq, tupleHash, isDataDescr };

// ---------------------------------------------------------------- types.GenericAlias (list[int])
export const GenericAliasType = builtinType('GenericAlias');
GenericAliasType.module = 'types';
export class PyGenericAlias extends PyObject {
  constructor(public origin: any, public args: any[]) {
    super(GenericAliasType);
  }
}
function aliasArgRepr(a: any): string {
  if (a === Ellipsis) return '...';
  if (a instanceof PyType) {
    const mod = a.heap ? str(a.ns.get('__module__') ?? a.module) : a.module;
    return mod === 'builtins' ? a.qualname : `${mod}.${a.qualname}`;
  }
  if (a instanceof PyList) return '[' + a.items.map(aliasArgRepr).join(', ') + ']';
  return repr(a);
}
method(GenericAliasType, '__repr__', (a) => {
  const g: PyGenericAlias = a[0];
  return `${aliasArgRepr(g.origin)}[${g.args.length ? g.args.map(aliasArgRepr).join(', ') : '()'}]`;
});
method(GenericAliasType, '__call__', (a, kw) => call(a[0].origin, a.slice(1), kw));
method(GenericAliasType, '__eq__', (a) => a[1] instanceof PyGenericAlias && a[0].origin === a[1].origin && a[0].args.length === a[1].args.length && a[0].args.every((x: any, i: number) => eq(x, a[1].args[i])));
method(GenericAliasType, '__hash__', (a) => hash(a[0].origin) ^ tupleHash(a[0].args));
method(GenericAliasType, '__getattribute__', (a) => {
  const g: PyGenericAlias = a[0];
  if (a[1] === '__origin__') return g.origin;
  if (a[1] === '__args__') return new PyTuple(g.args);
  const r = genericGetattr(g, a[1]);
  if (r !== undefined) return r;
  return getattr(g.origin, a[1]);
});
GenericAliasType.heap = false;
/** __class_getitem__ of the builtin generic types. */
export function genericAlias(origin: any, item: any): PyGenericAlias {
  return new PyGenericAlias(origin, item instanceof PyTuple ? item.items.slice() : [item]);
}
for (const t of [T.list, T.dict, T.tuple, T.set, T.frozenset, T.type]) {
  classMethod(t, '__class_getitem__', (a) => genericAlias(a[0], a[1]));
}
