// `pyvm run FILE [ARGS...]`: compile FILE with pyvm's compiler (or load it from a .pyc) and run it
// as __main__, with python3's stdout/stderr/exit status.
import { resolve } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parse, decodeSource, PySyntaxError, formatSyntaxError } from '../parser';
import { compileAst } from '../compiler';
import { loadPyc } from '../bytecode/marshal';
import type { CodeObject } from '../bytecode/code';
import { installSourceCompiler } from '../vm/source-compiler';
import { CANT_OPEN_STATUS, readProgramFile } from './source-file';

/**
 * Runs `pyvm ARGV...` again on a worker thread of this bundle with a 256 MB stack and resolves with
 * the exit status the worker posts. The first Ctrl-C becomes KeyboardInterrupt inside the program
 * (through a shared flag the eval loop polls); a second one (e.g. while it is blocked in input())
 * ends the process. Used by `pyvm run` and `pyvm trace`.
 */
export function runOnWorker(argv: string[]): Promise<number> {
  return new Promise<number>((resolvePromise) => {
    const interrupt = new SharedArrayBuffer(4);
    const flag = new Int32Array(interrupt);
    let interrupts = 0;
    const onSigint = () => {
      if (++interrupts > 1) process.exit(130);
      Atomics.store(flag, 0, 1);
    };
    process.on('SIGINT', onSigint);
    const w = new Worker(__filename, {
      argv,
      workerData: { interrupt },
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

/**
 * `pyvm run`: the program runs on a worker thread with a large stack, so that Python code called
 * back from built-ins (nested runs of the eval loop: __init__, __repr__, generators, sorted(key=))
 * can recurse as deep as sys.setrecursionlimit allows, as in CPython. Output goes straight to the
 * process's file descriptors from the worker, so ordering is preserved.
 */
export function main(args: string[]): number | Promise<number> {
  if (isMainThread && process.env.PYVM_NO_WORKER !== '1') return runOnWorker(['run', ...args]);
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
  const data = readProgramFile(file);
  if (data === null) return CANT_OPEN_STATUS;

  installSourceCompiler();
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
