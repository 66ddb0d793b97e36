// A minimal __import__: builtin modules implemented in TypeScript, cached in sys.modules. (The full
// import system, with .py modules on sys.path, is a later piece of work.)
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { None } from '../values';
import { PyDict, PyModule, PyList, T, newExc, typeError, ops } from '../runtime';
import { getCompiler } from '../vm/compile-hook';
import { runModuleCode } from '../vm/eval';
import { registerSource } from '../vm/traceback';

type Factory = () => PyModule;
const factories = new Map<string, Factory>();
export const sysModules = new PyDict();

export function registerModule(name: string, f: Factory): void {
  factories.set(name, f);
}

export function newModule(name: string): PyModule {
  const d = new PyDict();
  d.setStr('__name__', name);
  d.setStr('__doc__', None);
  d.setStr('__package__', '');
  d.setStr('__loader__', None);
  d.setStr('__spec__', None);
  return new PyModule(name, d);
}

/** Where modules written in Python and shipped with pyvm live (src/lib), from source or dist/. */
const LIB_DIRS = [...(process.env.PYVM_LIB ? [process.env.PYVM_LIB] : []), join(__dirname, '..', 'lib'), join(__dirname, '..', 'src', 'lib')];
let builtinsDictRef: PyDict | null = null;
let sysPath: (() => string[]) | null = null;
export function configureImporter(builtins: PyDict, path: () => string[]): void {
  builtinsDictRef = builtins;
  sysPath = path;
}

function findSource(name: string): string | null {
  const rel = name.replace(/\./g, '/') + '.py';
  const dirs = [...(sysPath ? sysPath() : []), ...LIB_DIRS];
  for (const d of dirs) {
    const p = join(d, rel);
    if (existsSync(p)) return p;
  }
  return null;
}

function loadSource(name: string, path: string): PyModule {
  const compile = getCompiler();
  if (!compile) throw newExc(T.ImportError, `cannot import '${name}': pyvm was built without a compiler`);
  const source = readFileSync(path, 'utf8');
  const filename = resolve(path);
  registerSource(filename, source);
  const m = newModule(name);
  m.dictRef.setStr('__file__', filename);
  m.dictRef.setStr('__builtins__', builtinsDictRef ?? None);
  sysModules.setStr(name, m);
  try {
    const code = compile(source, filename, 'exec');
    runModuleCode(code, m.dictRef, builtinsDictRef!);
  } catch (e) {
    sysModules.delete(name);
    throw e;
  }
  return m;
}

function load(name: string): PyModule {
  const cached = sysModules.getStr(name);
  if (cached !== undefined) return cached;
  const f = factories.get(name);
  if (!f) {
    const path = findSource(name);
    if (path !== null) return loadSource(name, path);
    const e = newExc(T.ModuleNotFoundError, `No module named '${name}'`);
    e.slots = { name };
    throw e;
  }
  const m = f();
  sysModules.setStr(name, m);
  return m;
}

export function importModule(name: any, _globals: any, fromlist: any, level: any): any {
  if (typeof name !== 'string') throw typeError(`__import__() argument 1 must be str, not ${ops.repr(name)}`);
  if (level !== 0 && level !== false) {
    throw newExc(T.ImportError, 'attempted relative import with no known parent package');
  }
  const parts = name.split('.');
  let top: any = null;
  let cur = '';
  for (const p of parts) {
    cur = cur ? cur + '.' + p : p;
    const m = load(cur);
    if (top === null) top = m;
  }
  const hasFrom = fromlist !== None && fromlist !== undefined && ops.truthy(fromlist);
  return hasFrom ? load(name) : top;
}
