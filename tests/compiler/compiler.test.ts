// The compiler against python3: every file of tests/compiler/corpus is compiled from python3's own
// AST (stored in its golden, see scripts/compiler-goldens.py) and each code object must equal
// CPython's field by field (frozenset constants compared as sets: their order is hash order).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main as disMain } from '../../src/cli/dis';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compile, compileAst } from '../../src/compiler';
import { disassemble } from '../../src/bytecode/dis';
import { encodeCode, loadAst, normaliseFrozensets } from './support/load-ast';

const GOLDENS = join(__dirname, 'goldens');
const names = readdirSync(GOLDENS).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();

describe('compiler: code objects equal CPython 3.11', () => {
  for (const name of names) {
    it(name, () => {
      const golden = JSON.parse(readFileSync(join(GOLDENS, name + '.json'), 'utf8'));
      const co = compileAst(loadAst(golden.ast), `tests/compiler/corpus/${name}.py`, 'exec');
      expect(normaliseFrozensets(encodeCode(co))).toEqual(normaliseFrozensets(golden.code));
    });
  }
});

describe('pyvm dis text equals python3 -m dis (compiled with pyvm\'s parser)', () => {
  const norm = (s: string) => s.replace(/ at 0x[0-9a-f]+/g, '');
  for (const name of names) {
    it(name, () => {
      const golden = JSON.parse(readFileSync(join(GOLDENS, name + '.json'), 'utf8'));
      const rel = `tests/compiler/corpus/${name}.py`;
      const source = readFileSync(join(__dirname, 'corpus', name + '.py'), 'utf8');
      expect(norm(disassemble(compile(source, rel, 'exec')))).toBe(norm(golden.dis));
    });
  }
});

describe("compile modes 'eval' and 'single' equal CPython", () => {
  const cases = JSON.parse(readFileSync(join(__dirname, 'modes.json'), 'utf8'));
  for (const c of cases) {
    it(`${c.mode}: ${JSON.stringify(c.source)}`, () => {
      const fromPyAst = compileAst(loadAst(c.ast), '<string>', c.mode);
      expect(normaliseFrozensets(encodeCode(fromPyAst))).toEqual(normaliseFrozensets(c.code));
      const fromOurParser = compile(c.source, '<string>', c.mode);
      expect(normaliseFrozensets(encodeCode(fromOurParser))).toEqual(normaliseFrozensets(c.code));
    });
  }
});

describe('pyvm dis FILE: stdout, stderr (SyntaxWarnings) and status equal python3 -m dis FILE', () => {
  afterEach(() => vi.restoreAllMocks());
  const norm = (s: string) => s.replace(/ at 0x[0-9a-f]+/g, '');
  for (const name of ['warnings', 'functions', 'match']) {
    it(name, () => {
      const golden = JSON.parse(readFileSync(join(GOLDENS, name + '.json'), 'utf8'));
      let stdout = '';
      let stderr = '';
      vi.spyOn(process.stdout, 'write').mockImplementation((s: any) => { stdout += String(s); return true; });
      vi.spyOn(process.stderr, 'write').mockImplementation((s: any) => { stderr += String(s); return true; });
      const status = disMain([`tests/compiler/corpus/${name}.py`]);
      vi.restoreAllMocks();
      expect(status).toBe(golden.dis_status);
      expect(norm(stdout)).toBe(norm(golden.dis));
      expect(stderr).toBe(golden.dis_stderr);
    });
  }
});
