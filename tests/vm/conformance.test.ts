// The VM conformance corpus: every tests/vm/programs/*.py must reproduce python3's stdout, stderr
// and exit status (goldens from scripts/vm-goldens.py). Each program runs twice: from CPython's own
// marshal data (the VM on its own; must pass) and through pyvm's compiler. Programs the compiler
// cannot yet handle identically are listed in compiler-known-failures.txt; those tests assert the
// failure still happens, so the list can only shrink (a fixed program makes its test fail until it
// is removed from the list).
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../src/parser';
import { compileAst } from '../../src/compiler';
import { registerSource } from '../../src/vm/traceback';
import { installSourceCompiler } from '../../src/vm/source-compiler';
import { GOLDENS, PROGRAMS, golden, runCode, runFromMarshal, type Golden } from './harness';

installSourceCompiler();
const names = readdirSync(PROGRAMS).filter((f) => f.endsWith('.py')).map((f) => f.slice(0, -3)).sort();
const knownCompilerFailures = new Set(
  readFileSync(join(__dirname, 'compiler-known-failures.txt'), 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean),
);

function viaCompiler(name: string): Golden {
  const rel = `tests/vm/programs/${name}.py`;
  const source = readFileSync(join(PROGRAMS, name + '.py'), 'utf8');
  registerSource(rel, source);
  const code = compileAst(parse(source, rel, 'exec'), rel, 'exec', { source });
  return runCode(code);
}

test('every program has goldens', () => {
  const have = new Set(readdirSync(GOLDENS).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)));
  expect(names.filter((n) => !have.has(n))).toEqual([]);
  expect(names.length).toBeGreaterThanOrEqual(80);
});

describe('from CPython marshal data', () => {
  for (const name of names) {
    test(name, () => {
      expect(runFromMarshal(name)).toEqual(golden(name));
    });
  }
});

describe('through pyvm\'s compiler', () => {
  for (const name of names) {
    if (knownCompilerFailures.has(name)) {
      test(`${name} (known failure: remove it from compiler-known-failures.txt once this fails)`, () => {
        let result: Golden | string;
        try {
          result = viaCompiler(name);
        } catch (e) {
          result = String(e);
        }
        expect(result).not.toEqual(golden(name));
      });
    } else {
      test(name, () => {
        expect(viaCompiler(name)).toEqual(golden(name));
      });
    }
  }
});
