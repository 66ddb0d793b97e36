// The marshal reader/writer and dis formatter against python3's marshal and `python3 -m dis`
// output for the corpus (goldens from scripts/bytecode-goldens.py).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CodeObject, ConstFrozenset, ConstTuple } from '../../src/bytecode/code';
import { constRepr } from '../../src/bytecode/const-repr';
import { codeInfo, disassemble, getInstructions } from '../../src/bytecode/dis';
import {
  dumpMarshal,
  dumpPyc,
  loadMarshal,
  loadPyc,
  MarshalDict,
  MarshalError,
  MarshalList,
  MarshalSet,
  StopIterationMarker,
} from '../../src/bytecode/marshal';
import { None, PyBytes, PyComplex, PyFloat } from '../../src/values';
import { corpusNames, GOLDEN_DIR, hex, loadGoldenCodes, normaliseAddresses, toHex, type GoldenCode } from './golden';

function walk(co: CodeObject, out: CodeObject[] = []): CodeObject[] {
  out.push(co);
  for (const c of co.co_consts) if (c instanceof CodeObject) walk(c, out);
  return out;
}

function loadCorpus(name: string): CodeObject {
  const v = loadMarshal(new Uint8Array(readFileSync(join(GOLDEN_DIR, name + '.marshal'))));
  if (!(v instanceof CodeObject)) throw new Error('not a code object');
  return v;
}

function fieldsOf(co: CodeObject): Partial<GoldenCode> {
  return {
    co_name: co.co_name,
    co_qualname: co.co_qualname,
    co_filename: co.co_filename,
    co_firstlineno: co.co_firstlineno,
    co_argcount: co.co_argcount,
    co_posonlyargcount: co.co_posonlyargcount,
    co_kwonlyargcount: co.co_kwonlyargcount,
    co_stacksize: co.co_stacksize,
    co_flags: co.co_flags,
    co_nlocals: co.co_nlocals,
    co_code: toHex(co.co_code),
    co_consts: co.co_consts.map((c) => normaliseAddresses(constRepr(c))),
    co_names: co.co_names,
    co_varnames: co.co_varnames,
    co_cellvars: co.co_cellvars,
    co_freevars: co.co_freevars,
    co_linetable: toHex(co.co_linetable),
    co_exceptiontable: toHex(co.co_exceptiontable),
  };
}

for (const name of corpusNames()) {
  describe(`marshal + dis: ${name}`, () => {
    it('reads every code object with the fields python3 reports', () => {
      const codes = walk(loadCorpus(name));
      const golden = loadGoldenCodes(name);
      expect(codes.length).toBe(golden.length);
      codes.forEach((co, i) => {
        const g = golden[i];
        const want: Partial<GoldenCode> = {};
        for (const k of Object.keys(fieldsOf(co)) as (keyof GoldenCode)[]) (want as Record<string, unknown>)[k] = g[k];
        want.co_consts = g.co_consts.map(normaliseAddresses);
        expect(fieldsOf(co)).toEqual(want);
      });
    });

    it('disassembles exactly as python3 -m dis', () => {
      const want = readFileSync(join(GOLDEN_DIR, name + '.dis.txt'), 'utf8');
      expect(normaliseAddresses(disassemble(loadCorpus(name)))).toBe(normaliseAddresses(want));
    });

    it('disassembles with show_caches exactly as dis.dis(code, show_caches=True)', () => {
      const want = readFileSync(join(GOLDEN_DIR, name + '.dis-caches.txt'), 'utf8');
      expect(normaliseAddresses(disassemble(loadCorpus(name), { showCaches: true }))).toBe(normaliseAddresses(want));
    });

    it('gives dis.get_instructions() and dis.code_info() for every code object', () => {
      const codes = walk(loadCorpus(name));
      const golden = loadGoldenCodes(name);
      codes.forEach((co, i) => {
        const got = getInstructions(co).map((ins) => [ins.offset, ins.opname, ins.arg, normaliseAddresses(ins.argrepr), ins.startsLine, ins.isJumpTarget]);
        const want = golden[i].instructions.map(([off, opname, arg, , argrepr, startsLine, isJumpTarget]) => [off, opname, arg, normaliseAddresses(argrepr), startsLine, isJumpTarget]);
        expect(got).toEqual(want);
        expect(normaliseAddresses(codeInfo(co))).toBe(normaliseAddresses(golden[i].code_info));
      });
    });

    it('writes marshal data that reads back to the same code objects', () => {
      const co = loadCorpus(name);
      const again = loadMarshal(dumpMarshal(co)) as CodeObject;
      expect(walk(again).map(fieldsOf)).toEqual(walk(co).map(fieldsOf));
      expect(toHex(dumpMarshal(again))).toBe(toHex(dumpMarshal(co)));
      const pyc = loadPyc(dumpPyc(co, 1234, 99));
      expect([pyc.mtime, pyc.sourceSize, toHex(pyc.code.co_code)]).toEqual([1234, 99, toHex(co.co_code)]);
    });
  });
}

describe('marshal values', () => {
  it('reads CPython encodings of each type code', () => {
    // Bytes below are what python3's marshal.dumps produced for each value.
    const cases: [string, unknown][] = [
      ['4e', None],
      ['54', true],
      ['46', false],
      ['53', StopIterationMarker],
      ['e9ffffff7f', 2147483647],
      ['ec03000000000000000004', 2 ** 40],
      ['ecfdffffff000000000004', -(2 ** 40)],
      ['e7000000000000f83f', new PyFloat(1.5)],
      ['49ffffffffffffff7f', 2n ** 63n - 1n],
    ];
    for (const [h, v] of cases) expect(loadMarshal(hex(h))).toEqual(v);
  });

  it('round-trips containers, big ints, floats, complex, bytes and non-ASCII strings', () => {
    const values = [
      new ConstTuple([1, 'two', new PyFloat(-0.0), new PyComplex(1, -2), new PyBytes(Uint8Array.from([0, 255]))]),
      new ConstFrozenset([1, 2]),
      new MarshalList([None, new MarshalDict([['k', 1]]), new MarshalSet([3])]),
      2n ** 200n,
      -(2n ** 64n),
      'é\u{1f600}\ud800x',
      'a'.repeat(300),
      new ConstTuple(Array.from({ length: 300 }, (_, i) => i)),
    ];
    for (const v of values) expect(loadMarshal(dumpMarshal(v))).toEqual(v);
  });

  it('resolves back-references and reserved tuple slots', () => {
    // (x, x) for x = 'ab' with FLAG_REF on the string: ')' 2, 'Z'|0x80 "ab", 'r' 0.
    const v = loadMarshal(hex('2902da026162' + '7200000000')) as ConstTuple;
    expect(v.items).toEqual(['ab', 'ab']);
  });

  it('raises CPython errors for malformed data, never a host error', () => {
    const cases: [string, string, string][] = [
      ['', 'EOFError', 'EOF read where object expected'],
      ['3f', 'ValueError', 'bad marshal data (unknown type code)'],
      ['6901', 'EOFError', 'marshal data too short'],
      ['6c010000000080', 'ValueError', 'bad marshal data (digit out of range in long)'],
      ['6c010000000000', 'ValueError', 'bad marshal data (unnormalized long data)'],
      ['7200000000', 'ValueError', 'bad marshal data (invalid reference)'],
      ['290130', 'TypeError', 'NULL object in marshal data for tuple'],
      ['30', 'TypeError', 'NULL object in marshal data for object'],
      ['5b0100000030', 'TypeError', 'NULL object in marshal data for list'],
      ['73ffffffff', 'ValueError', 'bad marshal data (bytes object size out of range)'],
      ['28ffffffff', 'ValueError', 'bad marshal data (tuple size out of range)'],
      ['7502000000fffe', 'UnicodeDecodeError', "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"],
      ['630000000000', 'EOFError', 'marshal data too short'],
      ['6603616263', 'ValueError', "could not convert string to float: 'abc'"],
    ];
    for (const [h, type, msg] of cases) {
      let err: unknown;
      try {
        loadMarshal(hex(h));
      } catch (e) {
        err = e;
      }
      expect(err, h).toBeInstanceOf(MarshalError);
      expect([(err as MarshalError).pyType, (err as MarshalError).message], h).toEqual([type, msg]);
    }
  });

  it('rejects deep nesting with CPython\'s error instead of overflowing the host stack', () => {
    // 3000 nested one-element tuples: CPython stops at depth 2000.
    const deep = hex('2901'.repeat(3000) + '4e');
    expect(() => loadMarshal(deep)).toThrow(/recursion limit exceeded/);
    // 1500 levels are within the limit and load.
    expect(loadMarshal(hex('2901'.repeat(1500) + '4e'))).toBeInstanceOf(ConstTuple);
  });

  it('reads .pyc files written by py_compile (timestamp and checked-hash headers)', () => {
    const want = walk(loadCorpus('functions')).map(fieldsOf);
    const stamp = loadPyc(new Uint8Array(readFileSync(join(GOLDEN_DIR, 'functions.timestamp.pyc'))));
    expect(stamp.flags).toBe(0);
    expect(stamp.sourceSize).toBe(readFileSync(join(GOLDEN_DIR, '../corpus/functions.py')).length);
    expect(walk(stamp.code).map(fieldsOf)).toEqual(want);
    const hashed = loadPyc(new Uint8Array(readFileSync(join(GOLDEN_DIR, 'functions.hash.pyc'))));
    expect([hashed.flags, hashed.mtime, hashed.sourceHash?.length]).toEqual([3, null, 8]);
    expect(walk(hashed.code).map(fieldsOf)).toEqual(want);
  });

  it('rejects a .pyc with the wrong magic number', () => {
    expect(() => loadPyc(new Uint8Array(20), 'x.pyc')).toThrow(/bad magic number in x.pyc/);
  });
});
