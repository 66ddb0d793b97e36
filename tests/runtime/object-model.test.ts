// Unit tests of the object model's core rules (values expected here were checked against python3).
import { describe, expect, test } from 'vitest';
import { PyFloat, None } from '../../src/values';
import { T, typeOf, PyDict, PyTuple, PyList, ops, c3, PyType } from '../../src/runtime';
import { parseIntLiteral } from '../../src/runtime';
import { formatFloat, formatInt } from '../../src/runtime/format';
import { intFloorDiv, intMod, intMul, intAdd } from '../../src/runtime/numbers';

describe('type(x) and identity of equal keys', () => {
  test('primitives map to builtin types', () => {
    expect(typeOf(1)).toBe(T.int);
    expect(typeOf(2n ** 70n)).toBe(T.int);
    expect(typeOf(true)).toBe(T.bool);
    expect(typeOf('s')).toBe(T.str);
    expect(typeOf(new PyFloat(1))).toBe(T.float);
    expect(typeOf(None)).toBe(T.NoneType);
  });
  test('1, 1.0 and True are one dict key', () => {
    const d = new PyDict();
    d.set(1, 'int');
    d.set(new PyFloat(1), 'float');
    d.set(true, 'bool');
    expect(d.size).toBe(1);
    expect(d.get(1)).toBe('bool');
  });
  test('tuple keys compare by value', () => {
    const d = new PyDict();
    d.set(new PyTuple([1, 'a']), 1);
    expect(d.get(new PyTuple([1, 'a']))).toBe(1);
    expect(d.get(new PyTuple([1, 'b']))).toBeUndefined();
  });
  test('unhashable keys raise TypeError', () => {
    const d = new PyDict();
    expect(() => d.set(new PyList([]), 1)).toThrowError();
  });
});

describe('hash() follows CPython', () => {
  test.each([
    [-1, -2], [1, 1], [2n ** 61n - 1n, 0], [-(2n ** 62n), -2],
  ] as const)('hash(%s) == %s', (x, h) => {
    expect(ops.hash(x)).toBe(h);
  });
  test('hash(1.5) and hash((1, 2, 3))', () => {
    expect(ops.hash(new PyFloat(1.5))).toBe(1152921504606846977n);
    expect(ops.hash(new PyTuple([1, 2, 3]))).toBe(529344067295497451n);
    expect(ops.hash(new PyTuple([]))).toBe(5740354900026072187n);
  });
});

describe('int arithmetic overflows into bigint exactly', () => {
  test('add/mul beyond 2**53', () => {
    expect(intAdd(2 ** 53, 1)).toBe(9007199254740993n);
    expect(intMul(2 ** 40, 2 ** 40)).toBe(1208925819614629174706176n);
    expect(intMul(0, -5)).toBe(0);
    expect(Object.is(intMul(0, -5), -0)).toBe(false);
  });
  test('floor division and modulo round toward -inf', () => {
    expect(intFloorDiv(-7, 2)).toBe(-4);
    expect(intMod(-7, 3)).toBe(2);
    expect(intMod(7, -3)).toBe(-2);
    expect(intFloorDiv(-(10n ** 30n), 7)).toBe(-142857142857142857142857142858n);
  });
  test('int() parsing', () => {
    expect(parseIntLiteral('0x_ff', 0)).toBe(255);
    expect(parseIntLiteral(' -1_000 ', 10)).toBe(-1000);
    expect(() => parseIntLiteral('1e5', 10)).toThrowError();
  });
});

describe('format-spec mini-language', () => {
  test.each([
    [2.675, '.2f', '2.67'], [0.5, '.0f', '0'], [1.5, '.0f', '2'], [1e16, '', '1e+16'], [123456789.0, 'g', '1.23457e+08'],
    [0.0001, 'e', '1.000000e-04'], [1234567.891, ',.2f', '1,234,567.89'], [0.125, '.1%', '12.5%'], [-0.0, '.1f', '-0.0'],
  ])('format(%s, %j) == %j', (x, spec, out) => {
    expect(formatFloat(x, spec)).toBe(out);
  });
  test.each([[255, '#x', '0xff'], [42, '+08d', '+0000042'], [1234567, '_d', '1_234_567'], [5, '^5', '  5  ']])(
    'format(%s, %j) == %j',
    (x, spec, out) => {
      expect(formatInt(x, spec)).toBe(out);
    },
  );
});

describe('C3 MRO', () => {
  test('diamond', () => {
    const mk = (name: string, bases: PyType[]) => {
      const t = new PyType(T.type, name, bases);
      const m = c3(t, bases);
      t.mro = m!;
      return t;
    };
    const A = mk('A', [T.object]);
    const B = mk('B', [A]);
    const C = mk('C', [A]);
    const D = mk('D', [B, C]);
    expect(D.mro.map((t) => t.name)).toEqual(['D', 'B', 'C', 'A', 'object']);
    const X = new PyType(T.type, 'X', [A, B]);
    expect(c3(X, [A, B])).toBeNull();
  });
});

describe('rich comparison and reprs', () => {
  test('mixed int/float comparisons are exact', () => {
    expect(ops.richCompare(2 ** 53 + 1 === 2 ** 53 ? 9007199254740993n : 0, new PyFloat(2 ** 53), 2)).toBe(false);
    expect(ops.richCompare(1, new PyFloat(1.5), 0)).toBe(true);
  });
  test('reprs', () => {
    expect(ops.repr(new PyList([1, 'a', new PyFloat(0.1), None, new PyTuple([1])]))).toBe("[1, 'a', 0.1, None, (1,)]");
  });
});
