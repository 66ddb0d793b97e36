// Line-table and exception-table codecs, instruction decoding and stack effects against
// python3-generated goldens (scripts/bytecode-goldens.py).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addr2line,
  codePositions,
  coLines,
  coLnotab,
  decodeLinetableEntries,
  encodeLinetable,
  type LinetableEntry,
  unitLines,
} from '../../src/bytecode/linetable';
import {
  decodeExceptionTable,
  encodeExceptionTable,
  findHandler,
  findHandlerInTable,
} from '../../src/bytecode/exception-table';
import { decodeInstructions, INLINE_CACHE_ENTRIES } from '../../src/bytecode/instructions';
import { InvalidStackEffectError, stackEffect } from '../../src/bytecode/stack-effect';
import { corpusNames, GOLDEN_DIR, hex, loadGoldenCodes, toHex } from './golden';

function fakeCode(g: { co_code: string; co_linetable: string; co_firstlineno: number }) {
  return { co_code: hex(g.co_code), co_linetable: hex(g.co_linetable), co_firstlineno: g.co_firstlineno };
}

const posTuple = (p: { lineno: number | null; endLineno: number | null; col: number | null; endCol: number | null }) => [
  p.lineno,
  p.endLineno,
  p.col,
  p.endCol,
];

for (const name of corpusNames()) {
  describe(`codecs: ${name}`, () => {
    const codes = loadGoldenCodes(name);
    it('decodes co_positions, co_lines, co_lnotab and addr2line', () => {
      for (const g of codes) {
        const code = fakeCode(g);
        expect(codePositions(code).map(posTuple)).toEqual(g.co_positions);
        expect(coLines(code)).toEqual(g.co_lines);
        expect(toHex(coLnotab(code))).toEqual(g.co_lnotab);
        const lines = unitLines(code);
        for (const [start, end, line] of g.co_lines) {
          for (let off = start as number; off < (end as number); off += 2) {
            expect(addr2line(code, off)).toBe(line);
            expect(lines[off >> 1]).toBe(line ?? -1);
          }
        }
      }
    });

    it('re-encodes the line table byte for byte from one entry per instruction', () => {
      for (const g of codes) {
        const code = fakeCode(g);
        const positions = codePositions(code);
        const entries: LinetableEntry[] = [];
        const instrs = decodeInstructions(code.co_code);
        // CPython's assembler writes one entry per instruction, EXTENDED_ARG prefixes included.
        for (const ins of instrs) {
          if (ins.name === 'EXTENDED_ARG') continue;
          const units = (ins.offset - ins.start) / 2 + 1 + ins.caches;
          entries.push({ units, pos: positions[ins.start / 2] });
        }
        expect(toHex(encodeLinetable(g.co_firstlineno, entries))).toEqual(g.co_linetable);
        // Decoding yields the same byte spans back.
        expect(decodeLinetableEntries(code.co_linetable, g.co_firstlineno).reduce((n, e) => n + e.units, 0)).toBe(
          code.co_code.length / 2,
        );
      }
    });

    it('decodes and re-encodes the exception table', () => {
      for (const g of codes) {
        const bytes = hex(g.co_exceptiontable);
        const entries = decodeExceptionTable(bytes);
        expect(entries).toEqual(g.exception_table);
        expect(toHex(encodeExceptionTable(entries))).toEqual(g.co_exceptiontable);
        const units = hex(g.co_code).length / 2;
        for (let u = 0; u < units; u++) {
          const linear = g.exception_table.find((e) => e.start <= u && u < e.end) ?? null;
          expect(findHandler(entries, u)).toEqual(linear);
          expect(findHandlerInTable(bytes, u)).toEqual(linear);
        }
      }
    });

    it('decodes instructions as dis.get_instructions does', () => {
      for (const g of codes) {
        // Consecutive instructions are separated by exactly their inline caches.
        const ins = decodeInstructions(hex(g.co_code));
        for (let k = 0; k + 1 < ins.length; k++) {
          expect(ins[k + 1].offset - ins[k].offset).toBe(2 + 2 * INLINE_CACHE_ENTRIES[ins[k].opcode]);
        }
        const got = decodeInstructions(hex(g.co_code)).map((i) => [i.offset, i.name, i.arg, i.jumpTarget]);
        expect(got).toEqual(g.instructions.map(([off, name, arg, jumpTarget]) => [off, name, arg, jumpTarget]));
      }
    });
  });
}

describe('exception table encoding', () => {
  it('writes the documented example bytes', () => {
    // From the CPython 3.11 brief: `b1 11 41 02 03` is 98 to 130 -> 132 [1] lasti (bytes).
    expect(toHex(encodeExceptionTable([{ start: 49, end: 66, target: 66, depth: 1, lasti: true }]))).toBe('b111410203');
    expect(decodeExceptionTable(hex('82050800'))).toEqual([{ start: 2, end: 7, target: 8, depth: 0, lasti: false }]);
  });
  it('round-trips large values', () => {
    const entries = [{ start: 5000000, end: 5000001, target: 70000, depth: 300, lasti: false }];
    expect(decodeExceptionTable(encodeExceptionTable(entries))).toEqual(entries);
  });
  it('drops a truncated final entry, as dis._parse_exception_table does', () => {
    expect(decodeExceptionTable(hex('82050800' + '8245'))).toEqual([{ start: 2, end: 7, target: 8, depth: 0, lasti: false }]);
  });
});

describe('stackEffect', () => {
  const rows: { op: number; noarg?: Record<string, number | null>; args?: Record<string, (number | null)[]> }[] =
    JSON.parse(readFileSync(join(GOLDEN_DIR, 'stack-effects.json'), 'utf8'));
  const call = (op: number, arg: number, jump?: boolean): number | null => {
    try {
      return stackEffect(op, arg, jump);
    } catch (e) {
      if (e instanceof InvalidStackEffectError) return null;
      throw e;
    }
  };
  it('equals dis.stack_effect for every opcode and sampled argument', () => {
    let checked = 0;
    for (const row of rows) {
      if (row.noarg) {
        expect([call(row.op, 0), call(row.op, 0, true), call(row.op, 0, false)]).toEqual([
          row.noarg.None,
          row.noarg.True,
          row.noarg.False,
        ]);
        checked++;
      } else {
        for (const [arg, vals] of Object.entries(row.args!)) {
          expect([call(row.op, Number(arg)), call(row.op, Number(arg), true), call(row.op, Number(arg), false)]).toEqual(vals);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(256);
  });
});
