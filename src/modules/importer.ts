// A minimal __import__: builtin modules implemented in TypeScript, cached in sys.modules. (The full
// import system, with .py modules on sys.path, is a later piece of work.)
import { None } from '../values';
import { PyDict, PyModule, T, newExc, typeError, ops } from '../runtime';

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

function load(name: string): PyModule {
  const cached = sysModules.getStr(name);
  if (cached !== undefined) return cached;
  const f = factories.get(name);
  if (!f) {
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
