// Runs tracing conformance cases under pyvm, in-process: the Python-level tracer (tracer.py) around a
// program, and self-tracing scenario programs. Goldens come from scripts/trace-goldens.py (python3).
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parse } from '../../src/parser';
import { compileAst } from '../../src/compiler';
import { registerSource } from '../../src/vm/traceback';
import { installSourceCompiler } from '../../src/vm/source-compiler';
import type { CodeObject } from '../../src/bytecode/code';
import { runMain } from '../../src/modules/interp';
import { setSinks, stdout, stderr } from '../../src/modules/io';
import { ts } from '../../src/vm/eval';
import { setHostHook } from '../../src/vm/frame';
import { sysModules } from '../../src/modules/importer';
import { ROOT } from '../vm/harness';

export { ROOT };
export const TRACE = join(ROOT, 'tests', 'trace');

installSourceCompiler();

export interface TracerResult {
  stdout: string;
  log: string;
}

export interface ScenarioResult {
  stdout: string;
  stderr: string;
  status: number;
}

/** Runs `code` as __main__ with a fresh thread state, capturing its output. */
export function runCode(code: CodeObject, argv: string[]): ScenarioResult {
  let out = '';
  let err = '';
  setSinks((s) => (out += s), (s) => (err += s));
  stdout.buf = '';
  stderr.buf = '';
  ts.recursionLimit = 1000;
  ts.excInfo = null;
  ts.traceFunc = null;
  setHostHook(ts, null);
  sysModules.delete('__main__');
  let status: number;
  try {
    status = runMain(code, argv);
  } finally {
    setSinks(null, null);
    ts.traceFunc = null;
    ts.updateTracing();
  }
  return { stdout: out, stderr: err, status };
}

export function compileFile(rel: string) {
  const source = readFileSync(join(ROOT, rel), 'utf8');
  registerSource(rel, source);
  return compileAst(parse(source, rel, 'exec'), rel, 'exec', { source });
}

/** `tracer.py PROGRAM LOG` under pyvm (cwd must be the repository root: paths are relative). */
export function runTracer(rel: string): TracerResult {
  const dir = mkdtempSync(join(tmpdir(), 'pyvm-trace-'));
  const logfile = join(dir, 'log.txt');
  try {
    const code = compileFile('tests/trace/tracer.py');
    const r = runCode(code, ['tests/trace/tracer.py', rel, logfile]);
    const log = existsSync(logfile) ? readFileSync(logfile, 'utf8') : `(no log; status ${r.status})\n${r.stderr}`;
    return { stdout: r.stdout, log };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `python3 PROGRAM` as pyvm runs it: stdout, stderr, exit status. */
export function runScenario(rel: string): ScenarioResult {
  const r = runCode(compileFile(rel), [rel]);
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

export function readGolden<T>(kind: 'tracer' | 'scenarios', name: string): T {
  return JSON.parse(readFileSync(join(TRACE, 'goldens', kind, name + '.json'), 'utf8'));
}
