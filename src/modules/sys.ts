// A minimal sys module: argv, exit, std streams, recursion limit, version info, modules, settrace.
import { None, PyFloat } from '../values';
import { PyTuple, PyList, PyDict, PyModule, T, newExc, typeError, valueError, ops, PyBuiltin, PyBaseException } from '../runtime';
import { ts } from '../vm/eval';
import { stdout, stderr, stdin } from './io';
import { registerModule, newModule, sysModules } from './importer';
import { setSysDict, builtinsModule } from './builtins';

export const sysModule: PyModule = newModule('sys');
const d = sysModule.dictRef;
setSysDict(d);
function def(name: string, fn: (a: any[], kw: Map<string, any> | null) => any): void {
  d.setStr(name, new PyBuiltin(name, fn, undefined, 'sys'));
}
d.setStr('argv', new PyList([]));
d.setStr('stdout', stdout);
d.setStr('stderr', stderr);
d.setStr('stdin', stdin);
d.setStr('__stdout__', stdout);
d.setStr('__stderr__', stderr);
d.setStr('__stdin__', stdin);
d.setStr('maxsize', 9223372036854775807n);
d.setStr('maxunicode', 0x10ffff);
d.setStr('byteorder', 'little');
d.setStr('platform', 'linux');
d.setStr('version', '3.11.7 (pyvm)');
d.setStr('hexversion', 0x30b07f0);
d.setStr('executable', '');
d.setStr('path', new PyList([]));
d.setStr('modules', sysModules);
d.setStr('builtin_module_names', new PyTuple(['builtins', 'sys']));
d.setStr('dont_write_bytecode', true);
d.setStr('float_info', new PyTuple([new PyFloat(Number.MAX_VALUE), 1024, 308, new PyFloat(2.2250738585072014e-308), -1021, -307, 15, 53, new PyFloat(Number.EPSILON), 2, 1]));
const VersionInfo = (() => {
  const t = new PyTuple([3, 11, 7, 'final', 0]);
  return t;
})();
d.setStr('version_info', VersionInfo);
const impl = new PyModule('implementation', new PyDict());
impl.dictRef.setStr('name', 'pyvm');
impl.dictRef.setStr('cache_tag', None);
d.setStr('implementation', impl);
def('exit', (a) => {
  const e = a.length === 0 ? newExc(T.SystemExit) : newExc(T.SystemExit, a[0]);
  throw e;
});
def('getrecursionlimit', () => ts.recursionLimit);
def('setrecursionlimit', (a) => {
  const n = a[0];
  if (typeof n !== 'number') throw typeError(`'${ops.repr(n)}' object cannot be interpreted as an integer`);
  if (n < 1) throw valueError('recursion limit must be greater or equal than 1');
  if (ts.depth >= n) {
    throw newExc(T.RecursionError, `cannot set the recursion limit to ${n} at the recursion depth ${ts.depth}: the limit is too low`);
  }
  ts.recursionLimit = n;
  return None;
});
def('exc_info', () => {
  const e = ts.excInfo;
  if (!e) return new PyTuple([None, None, None]);
  return new PyTuple([e.cls, e, e.traceback ?? None]);
});
def('exception', () => ts.excInfo ?? None);
def('settrace', (a) => {
  ts.traceFunc = a[0] === None ? null : a[0];
  ts.updateTracing();
  return None;
});
def('gettrace', () => ts.traceFunc ?? None);
def('_getframe', (a) => {
  let f = ts.frame;
  let n = a.length ? Number(a[0]) : 0;
  while (n-- > 0 && f) f = f.f_back;
  if (!f) throw valueError('call stack is not deep enough');
  return f;
});
def('intern', (a) => a[0]);
def('getsizeof', () => 64);
def('getdefaultencoding', () => 'utf-8');
def('getrefcount', () => 2);
d.setStr('flags', new PyTuple([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, 0, 0]));
void PyBaseException;
sysModules.setStr('sys', sysModule);
sysModules.setStr('builtins', builtinsModule);
registerModule('sys', () => sysModule);
registerModule('builtins', () => builtinsModule);
