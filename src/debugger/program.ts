// Loading and running the debuggee as __main__, with its output sent to the engine's host.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeObject } from '../bytecode/code';
import { compileAst } from '../compiler';
import { decodeSource, formatSyntaxError, parse, PySyntaxError } from '../parser';
import { registerSource, runMain } from '../modules/interp';
import { flushStdout, setSinks, setStdinReader, stderr } from '../modules/io';
import { installSourceCompiler } from '../vm/source-compiler';
import { DebuggerError } from './errors';
import type { LaunchOptions } from './types';

export interface Program {
  /** Absolute path of the file run as __main__ (sys.argv[0]). */
  path: string;
  /** The compiled module, or null when it has a syntax error. */
  code: CodeObject | null;
  /** python3's report of the syntax error, printed when the program "runs". */
  syntaxError: string | null;
}

/** `-m NAME`: NAME.py or NAME/__main__.py under cwd. */
function moduleFile(name: string, cwd: string): string {
  const base = path.join(cwd, ...name.split('.'));
  for (const candidate of [base + '.py', path.join(base, '__main__.py')]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new DebuggerError(`No module named ${name}`);
}

function compileSource(source: string, filename: string): CodeObject {
  return compileAst(parse(source, filename, 'exec'), filename, 'exec', { source });
}

/**
 * Compiles an expression typed by the user (watch, hover, debug console). The console also takes
 * statements (`x = 1`), compiled in 'exec' mode when the text is not an expression.
 */
export function compileEvaluation(text: string, allowStatements: boolean): { code: CodeObject; isExpression: boolean } {
  try {
    return { code: compileAst(parse(text, '<string>', 'eval'), '<string>', 'eval', { source: text }), isExpression: true };
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    if (allowStatements) {
      try {
        return { code: compileAst(parse(text, '<string>', 'exec'), '<string>', 'exec', { source: text }), isExpression: false };
      } catch { /* report the expression's error */ }
    }
    throw new DebuggerError(`${e.kind}: ${e.msg}`);
  }
}

/** Reads and compiles the program (a syntax error is kept to be reported when it runs). */
export function loadProgram(options: LaunchOptions): Program {
  const file = options.program ?? moduleFile(options.module!, options.cwd);
  let data: Uint8Array;
  try {
    data = new Uint8Array(fs.readFileSync(file));
  } catch (err) {
    throw new DebuggerError(`cannot read '${file}': ${(err as Error).message}`);
  }
  // compile()/exec()/eval() inside the program use pyvm's compiler, as under `pyvm run`.
  installSourceCompiler();
  try {
    const source = decodeSource(data, file);
    registerSource(file, source);
    return { path: file, code: compileSource(source, file), syntaxError: null };
  } catch (e) {
    if (e instanceof PySyntaxError) return { path: file, code: null, syntaxError: formatSyntaxError(e) };
    throw e;
  }
}

export type OutputSink = (category: 'stdout' | 'stderr', text: string) => void;

/**
 * Runs the program as __main__; returns its exit status as python3 would. With an `output` sink
 * the program's output goes there; without one it uses the process's own stdin/stdout/stderr.
 */
export function runProgram(program: Program, options: LaunchOptions, output: OutputSink | null): number {
  if (output) {
    setSinks((text) => output('stdout', text), (text) => output('stderr', text));
    // The internal console gives the program no stdin (as python3 < /dev/null); fd 0 of the
    // adapter process may be the DAP stream itself, which must never be read here.
    setStdinReader(() => null);
  }
  if (program.code === null) {
    if (output) output('stderr', program.syntaxError ?? '');
    else process.stderr.write(program.syntaxError ?? '');
    return 1;
  }
  return runMain(program.code, [program.path, ...options.args]);
}

/** Writes out buffered program output (before a stop, so it precedes the stop). */
export function flushProgramOutput(): void {
  flushStdout();
  stderr.flush();
}
