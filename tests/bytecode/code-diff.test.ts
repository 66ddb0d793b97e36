// diffCode reports where two code objects differ, and nothing for equal ones.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CodeObject, ConstTuple } from '../../src/bytecode/code';
import { diffCode } from '../../src/bytecode/code-diff';
import { loadMarshal } from '../../src/bytecode/marshal';
import { corpusNames, GOLDEN_DIR } from './golden';

const load = (name: string) => loadMarshal(new Uint8Array(readFileSync(join(GOLDEN_DIR, name + '.marshal')))) as CodeObject;

describe('diffCode', () => {
  it('finds no difference between two loads of the same data', () => {
    for (const name of corpusNames()) expect(diffCode(load(name), load(name))).toEqual([]);
  });

  it('names the field, code object and first difference', () => {
    const theirs = load('closures');
    const ours = load('closures');
    const outer = ours.co_consts.find((c): c is CodeObject => c instanceof CodeObject && c.co_name === 'outer')!;
    outer.co_stacksize += 1;
    outer.co_code = outer.co_code.slice();
    outer.co_code[outer.co_code.length - 2] = 1; // RETURN_VALUE -> POP_TOP
    const counter = ours.co_consts.find((c): c is CodeObject => c instanceof CodeObject && c.co_name === 'counter')!;
    counter.co_consts[1] = new ConstTuple([0]);
    const diffs = diffCode(ours, theirs);
    expect(diffs.map((d) => [d.path, d.field])).toEqual([
      ['<module>/outer', 'co_stacksize'],
      ['<module>/outer', 'dis'],
      ['<module>/counter', 'co_consts[1]'],
      ['<module>/counter', 'dis'],
    ]);
    expect(diffs[1].ours).toMatch(/POP_TOP/);
    expect(diffs[1].theirs).toMatch(/RETURN_VALUE/);
    expect(diffs[2]).toMatchObject({ ours: '(0,)', theirs: '0' });
  });
});
