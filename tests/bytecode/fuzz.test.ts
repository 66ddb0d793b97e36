// Malformed marshal data and code objects must give Python-level errors (MarshalError), never a
// host exception: mutate the corpus's marshal data with a seeded generator and check that loading
// either succeeds or raises MarshalError, and that dis and the table decoders then cope.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CodeObject } from '../../src/bytecode/code';
import { codeInfo, disassemble } from '../../src/bytecode/dis';
import { codePositions, coLines, coLnotab } from '../../src/bytecode/linetable';
import { loadMarshal, MarshalError } from '../../src/bytecode/marshal';
import { corpusNames, GOLDEN_DIR } from './golden';

/** mulberry32: a small deterministic PRNG so failures reproduce. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function walk(co: CodeObject, out: CodeObject[] = []): CodeObject[] {
  out.push(co);
  for (const c of co.co_consts) if (c instanceof CodeObject) walk(c, out);
  return out;
}

describe('fuzzed marshal data', () => {
  it('raises MarshalError or loads a value that dis can print', () => {
    const rand = prng(20261121);
    const inputs = corpusNames()
      .filter((n) => n !== 'big' && n !== 'extended_args')
      .map((n) => new Uint8Array(readFileSync(join(GOLDEN_DIR, n + '.marshal'))));
    let loaded = 0;
    let rejected = 0;
    for (let round = 0; round < 1500; round++) {
      const data = inputs[round % inputs.length].slice();
      const mutations = 1 + Math.floor(rand() * 4);
      for (let m = 0; m < mutations; m++) data[Math.floor(rand() * data.length)] = Math.floor(rand() * 256);
      const cut = rand() < 0.2 ? Math.floor(rand() * data.length) : data.length;
      let value: unknown;
      try {
        value = loadMarshal(data.subarray(0, cut));
      } catch (e) {
        expect(e, `round ${round}`).toBeInstanceOf(MarshalError);
        rejected++;
        continue;
      }
      loaded++;
      if (value instanceof CodeObject) {
        disassemble(value);
        for (const co of walk(value)) {
          codeInfo(co);
          codePositions(co);
          coLines(co);
          coLnotab(co);
        }
      }
    }
    expect(loaded).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
  });
});
