// hash() of constants and frozenset iteration order against python3 with PYTHONHASHSEED=0
// (tests/bytecode/golden/hash-samples.bin from scripts/bytecode-goldens.py).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConstFrozenset, ConstTuple } from '../../src/bytecode/code';
import { constHash, frozensetIterationOrder } from '../../src/bytecode/const-hash';
import { constRepr } from '../../src/bytecode/const-repr';
import { dumpMarshal, loadMarshal } from '../../src/bytecode/marshal';
import { GOLDEN_DIR } from './golden';

const [hashes, orders, compiled] = (loadMarshal(new Uint8Array(readFileSync(join(GOLDEN_DIR, 'hash-samples.bin')))) as ConstTuple)
  .items as ConstTuple[];

describe('constHash', () => {
  it('equals hash() for str, bytes, int, bool, float, complex and tuples', () => {
    expect(hashes.items.length).toBeGreaterThan(20);
    for (const pair of hashes.items as ConstTuple[]) {
      const [value, want] = pair.items;
      expect([constRepr(value), String(constHash(value))]).toEqual([constRepr(value), want]);
    }
  });
});

describe('frozensetIterationOrder', () => {
  it('matches frozenset(items) iteration order, collisions and resizes included', () => {
    for (const pair of orders.items as ConstTuple[]) {
      const [source, iterated] = pair.items as ConstTuple[];
      expect(frozensetIterationOrder(source.items).map(constRepr)).toEqual(iterated.items.map(constRepr));
      expect(new ConstFrozenset(source.items, 1).items.map(constRepr)).toEqual(iterated.items.map(constRepr));
    }
  });

  it('reproduces the order of compiled frozensets from source order and build count', () => {
    expect(compiled.items.length).toBeGreaterThan(10);
    for (const row of compiled.items as ConstTuple[]) {
      const [source, want, builds] = row.items as [ConstTuple, ConstTuple, number];
      expect(new ConstFrozenset(source.items, builds).items.map(constRepr)).toEqual(want.items.map(constRepr));
      // With one build fewer or more the order differs: the samples are collision cases.
      expect(frozensetIterationOrder(source.items, builds - 1).map(constRepr)).not.toEqual(want.items.map(constRepr));
    }
  });

  it('survives a marshal round trip unchanged', () => {
    for (const pair of orders.items as ConstTuple[]) {
      const fs = new ConstFrozenset((pair.items[0] as ConstTuple).items);
      expect(constRepr(loadMarshal(dumpMarshal(fs)) as never)).toBe(constRepr(fs));
    }
  });
});
