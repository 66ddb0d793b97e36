// `pyvm run FILE [ARGS...]`: compile FILE with pyvm's compiler (or load it from a .pyc) and run it
// as __main__, with python3's stdout/stderr/exit status.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parse, decodeSource, PySyntaxError, formatSyntaxError } from '../parser';
import { compileAst } from '../compiler';
import { loadPyc } from '../bytecode/marshal';
import type { CodeObject } from '../bytecode/code';
import { setCompiler, convertSyntaxError } from '../vm/compile-hook';

/** The compiler used by compile()/exec()/eval(); SyntaxErrors become Python SyntaxError exceptions. */
export function installCompiler(): void {
  setCompiler((source, filename, mode) => {
    try {
      return compileAst(parse(source, filename, mode as 'exec'), filename, mode as 'exec', { source });
    } catch (e) {
      if (e instanceof PySyntaxError) throw convertSyntaxError(e);
      throw e;
    }
  });
}

/**
 * `pyvm run`: the program runs on a worker thread with a large stack, so that Python code called
 * back from built-ins (nested runs of the eval loop: __init__, __repr__, generators, sorted(key=))
 * can recurse as deep as sys.setrecursionlimit allows, as in CPython. Output goes straight to the
 * process's file descriptors from the worker, so ordering is preserved.
 */
export function main(args: string[]): number | Promise<number> {
  if (isMainThread && process.env.PYVM_NO_WORKER !== '1') {
    return new Promise<number>((resolvePromise) => {
      const interrupt = new SharedArrayBuffer(4);
      const flag = new Int32Array(interrupt);
      let interrupts = 0;
      const onSigint = () => {
        // The first Ctrl-C becomes KeyboardInterrupt inside the program; a second one (e.g. while
        // it is blocked in input()) ends the process.
        if (++interrupts > 1) process.exit(130);
        Atomics.store(flag, 0, 1);
      };
      process.on('SIGINT', onSigint);
      const w = new Worker(__filename, {
        argv: ['run', ...args],
        workerData: { pyvmRun: args, interrupt },
        resourceLimits: { stackSizeMb: 256, maxOldGenerationSizeMb: 4096 },
        stdout: false,
        stderr: false,
      });
      let status = 70;
      w.on('message', (m: any) => {
        if (m && typeof m.status === 'number') status = m.status;
      });
      w.on('error', (e) => {
        process.stderr.write(`pyvm: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
        status = 70;
      });
      w.on('exit', () => {
        process.off('SIGINT', onSigint);
        resolvePromise(status);
      });
    });
  }
  // The runtime (types, builtins, modules) is loaded only on the thread that runs the program.
  return import('../modules/interp').then(({ runMain, registerSource, installInterrupt }) => {
    if (!isMainThread && workerData?.interrupt instanceof SharedArrayBuffer) installInterrupt(new Int32Array(workerData.interrupt));
    const status = runInThisThread(args, runMain, registerSource);
    if (!isMainThread) parentPort?.postMessage({ status });
    return status;
  });
}

function runInThisThread(
  args: string[],
  runMain: (code: CodeObject, argv: string[]) => number,
  registerSource: (filename: string, text: string) => void,
): number {
  const [file, ...rest] = args;
  if (file === undefined) {
    process.stderr.write('usage: pyvm run FILE [ARGS...]\n');
    return 2;
  }
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (e: any) {
    const errno = e?.code === 'ENOENT' ? 2 : e?.code === 'EISDIR' ? 21 : 13;
    const msg = errno === 2 ? 'No such file or directory' : errno === 21 ? 'Is a directory' : 'Permission denied';
    process.stderr.write(`python3: can't open file '${file}': [Errno ${errno}] ${msg}\n`);
    return 2;
  }
  installCompiler();
  let code: CodeObject;
  if (file.endsWith('.pyc')) {
    code = loadPyc(new Uint8Array(data), file).code as CodeObject;
  } else {
    try {
      // python3 names the main script by its absolute path (in co_filename and tracebacks).
      const filename = resolve(file);
      const source = decodeSource(new Uint8Array(data), filename);
      registerSource(filename, source);
      code = compileAst(parse(source, filename, 'exec'), filename, 'exec', { source });
    } catch (e) {
      if (e instanceof PySyntaxError) {
        process.stderr.write(formatSyntaxError(e));
        return 1;
      }
      throw e;
    }
  }
  return runMain(code, [file, ...rest]);
}
