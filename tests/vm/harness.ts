// Runs a conformance program in-process from CPython marshal data (or through pyvm's compiler) and
// captures stdout, stderr and the exit status.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadMarshal } from '../../src/bytecode/marshal';
import { CodeObject } from '../../src/bytecode/code';
import { runMain } from '../../src/modules/interp';
import { setSinks, stdout, stderr } from '../../src/modules/io';
import { ts } from '../../src/vm/eval';
import { sysModules } from '../../src/modules/importer';

export const ROOT = process.env.PYVM_ROOT ?? join(__dirname, '..', '..');
export const PROGRAMS = join(ROOT, 'tests', 'vm', 'programs');
export const GOLDENS = join(ROOT, 'tests', 'vm', 'goldens');

export interface Golden {
  stdout: string;
  stderr: string;
  status: number;
}

export function golden(name: string): Golden {
  return JSON.parse(readFileSync(join(GOLDENS, name + '.json'), 'utf8'));
}

export function hasMarshal(name: string): boolean {
  return existsSync(join(GOLDENS, name + '.marshal'));
}

export function runCode(code: CodeObject): Golden {
  let out = '';
  let err = '';
  setSinks((s) => (out += s), (s) => (err += s));
  stdout.buf = '';
  stderr.buf = '';
  ts.recursionLimit = 1000;
  ts.excInfo = null;
  ts.traceFunc = null;
  ts.updateTracing();
  sysModules.delete('__main__');
  const status = runMain(code, [code.co_filename, 'arg1', 'arg2']);
  setSinks(null, null);
  return { stdout: out, stderr: err, status };
}

export function runFromMarshal(name: string): Golden {
  const code = loadMarshal(new Uint8Array(readFileSync(join(GOLDENS, name + '.marshal'))));
  if (!(code instanceof CodeObject)) throw new Error('marshal data is not a code object');
  return runCode(code);
}
