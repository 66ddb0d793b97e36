// Running a program as __main__: module setup, SystemExit handling, uncaught-exception report.
import type { CodeObject } from '../bytecode/code';
import { None } from '../values';
import { PyList, PyBaseException, T, typeOf, ops, PyModule, newExc as newExcLocal } from '../runtime';
import { runModuleCode, toPyException, ts } from '../vm/eval';
import { formatException, registerSource } from '../vm/traceback';
import { builtinsDict, builtinsModule } from './builtins';
import { sysModule } from './sys';
import { stdout, stderr, flushStdout } from './io';
import { newModule, sysModules, configureImporter } from './importer';
import { dirname } from 'node:path';
import './math';
import './compile-errors';
import './time';

configureImporter(builtinsDict, () => {
  const p = sysModule.dictRef.getStr('path');
  return p instanceof PyList ? p.items.filter((x: any) => typeof x === 'string') : [];
});

export { registerSource };

/** Writes an uncaught exception's report to sys.stderr (after flushing stdout). */
export function reportException(exc: PyBaseException): void {
  flushStdout();
  stderr.write(formatException(exc));
  stderr.flush();
}

/** Exit status for a SystemExit, printing its message as CPython does. */
function systemExitStatus(exc: PyBaseException): number {
  const code = ops.getattr(exc, 'code');
  if (code === None) return 0;
  if (typeof code === 'number') return code & 0xff;
  if (typeof code === 'boolean') return +code;
  if (typeof code === 'bigint') return Number(code & 0xffn);
  flushStdout();
  stderr.write(ops.str(code) + '\n');
  return 1;
}

/**
 * Ctrl-C: the host sets flag[0]; the eval loop polls it through the eval breaker (backward jumps,
 * calls) and raises KeyboardInterrupt there, as CPython's signal handler does.
 */
export function installInterrupt(flag: Int32Array): void {
  ts.breaker = flag;
  ts.onEvalBreaker = () => {
    Atomics.store(flag, 0, 0);
    throw newExcLocal(T.KeyboardInterrupt);
  };
}

/** Runs `code` as the __main__ module with sys.argv = argv. Returns the process exit status. */
export function runMain(code: CodeObject, argv: string[]): number {
  const main: PyModule = newModule('__main__');
  const g = main.dictRef;
  g.setStr('__builtins__', builtinsModule);
  g.setStr('__file__', code.co_filename);
  g.setStr('__cached__', None);
  sysModules.setStr('__main__', main);
  sysModule.dictRef.setStr('argv', new PyList(argv.slice()));
  sysModule.dictRef.setStr('path', new PyList([dirname(code.co_filename) || '.']));
  let status = 0;
  try {
    runModuleCode(code, g, builtinsDict);
  } catch (e) {
    const exc = toPyException(e);
    if (typeOf(exc).isSubtypeOf(T.SystemExit)) status = systemExitStatus(exc);
    else {
      reportException(exc);
      // CPython re-raises SIGINT after reporting an uncaught KeyboardInterrupt: status 130.
      status = typeOf(exc).isSubtypeOf(T.KeyboardInterrupt) ? 130 : 1;
    }
  } finally {
    ts.depth = 0;
    ts.frame = null;
  }
  try {
    flushStdout();
  } catch {
    /* stdout closed */
  }
  stderr.flush();
  void stdout;
  return status;
}
