// No input may crash the parser: every outcome is an AST or a PySyntaxError.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PySyntaxError, decodeSource, dumpAst, parse } from '../../src/parser';

/** 'ok' when it parses (and dumps), 'error' for a PySyntaxError; anything else fails the test. */
function outcome(source: string): 'ok' | 'error' {
  try {
    dumpAst(parse(source, 'fuzz.py'), true);
    return 'ok';
  } catch (e) {
    if (e instanceof PySyntaxError) return 'error';
    throw e;
  }
}

function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

describe('fuzz', () => {
  it('random ASCII strings', () => {
    const r = rng(1);
    for (let i = 0; i < 2000; i++) {
      let s = '';
      const n = Math.floor(r() * 60);
      for (let j = 0; j < n; j++) s += String.fromCharCode(Math.floor(r() * 128));
      expect(['ok', 'error']).toContain(outcome(s));
    }
  });

  it('random token soup', () => {
    const r = rng(2);
    const pieces = ['(', ')', '[', ']', '{', '}', ':', ',', 'x', '1', ' ', '\n', '    ', 'if', 'def', 'lambda', '=', '*', '**',
      'f"{', '}', '"', "'", '\\', 'for', 'in', 'match', 'case', '|', 'as', '.', '@', 'yield', 'async', 'await', ';', '#', 'else',
      ':=', '->', '\t', 'é', '0x', '1e', 'j', '_', 'try', 'except', '!r', 'not'];
    for (let i = 0; i < 5000; i++) {
      let s = '';
      const n = Math.floor(r() * 30);
      for (let j = 0; j < n; j++) s += pieces[Math.floor(r() * pieces.length)];
      expect(['ok', 'error']).toContain(outcome(s));
    }
  });

  it('random bytes through decodeSource', () => {
    const r = rng(3);
    for (let i = 0; i < 500; i++) {
      const bytes = new Uint8Array(Math.floor(r() * 80));
      for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(r() * 256);
      try {
        outcome(decodeSource(bytes, 'fuzz.py'));
      } catch (e) {
        expect(e).toBeInstanceOf(PySyntaxError);
      }
    }
  });

  it('every truncation of the corpus files', () => {
    const dir = join(__dirname, 'corpus');
    for (const name of readdirSync(dir)) {
      const src = readFileSync(join(dir, name), 'utf8');
      for (let k = 0; k < src.length; k += 3) expect(['ok', 'error']).toContain(outcome(src.slice(0, k)));
    }
  });
});

describe('deep nesting and huge input', () => {
  const cases: [string, string, 'ok' | 'error'][] = [
    ['10,000 open parentheses', '('.repeat(10000), 'error'],
    ['10,000 nested brackets', '['.repeat(10000) + ']'.repeat(10000), 'error'],
    ['100,000 unary minus', '-'.repeat(100000) + 'x', 'error'],
    ['50,000 not', 'not '.repeat(50000) + 'x', 'error'],
    ['100,000 attribute chain', 'x' + '.a'.repeat(100000), 'error'],
    ['50,000 calls', 'f' + '()'.repeat(50000), 'error'],
    ['100,000 additions', '1+'.repeat(100000) + '1', 'error'],
    ['20,000 lambdas', 'lambda: '.repeat(20000) + '1', 'error'],
    ['2,900 additions (below the limit)', '1+'.repeat(2900) + '1', 'ok'],
    ['150 nested blocks', Array.from({ length: 150 }, (_, i) => ' '.repeat(i) + 'if x:\n').join('') + ' '.repeat(150) + 'pass\n', 'error'],
    ['a 1,000,000-character line', 'x = "' + 'a'.repeat(1000000) + '"', 'ok'],
    ['10,000 parameters', 'def f(' + 'a,'.repeat(10000) + '): pass', 'ok'],
    ['NUL byte', 'x = 1\0', 'error'],
    // Backtracking must stay linear: each of these was once exponential in the nesting depth.
    ['150 nested calls', 'f('.repeat(150) + 'x' + ')'.repeat(150), 'ok'],
    ['150 nested calls with an error inside', 'f('.repeat(150) + 'x y' + ')'.repeat(150), 'error'],
    ['150 nested dicts', '{a: '.repeat(150) + 'x' + '}'.repeat(150), 'ok'],
    ['150 nested subscripts with an error after', 'a['.repeat(150) + 'x' + ']'.repeat(150) + ' $', 'error'],
    ['150 nested with-items', 'with ' + '('.repeat(150) + 'x' + ')'.repeat(150) + ': pass', 'ok'],
  ];
  for (const [name, src, want] of cases) {
    it(name, () => expect(outcome(src)).toBe(want));
  }
});
