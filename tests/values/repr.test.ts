import { describe, expect, it } from 'vitest';
import { complexRepr, floatRepr, strRepr, bytesRepr } from '../../src/values';

// Expected strings were printed by python3 3.11 (repr of the same values).
describe('literal reprs match CPython', () => {
  it.each([
    [1.0, '1.0'], [0.1, '0.1'], [-0.0, '-0.0'], [1e16, '1e+16'], [1e15, '1000000000000000.0'],
    [0.0001, '0.0001'], [1e-5, '1e-05'], [1.5e-7, '1.5e-07'], [123456789012345678, '1.2345678901234568e+17'],
    [Infinity, 'inf'], [-Infinity, '-inf'], [NaN, 'nan'], [2.5, '2.5'], [1e22, '1e+22'], [5e-324, '5e-324'],
  ])('float %s', (x, want) => {
    expect(floatRepr(x)).toBe(want);
  });

  it.each([
    [0, 1, '1j'], [1, 2, '(1+2j)'], [1, -2, '(1-2j)'], [-0.0, 1, '(-0+1j)'], [0, -0.0, '-0j'], [1.5, 1e16, '(1.5+1e+16j)'],
  ])('complex(%s, %s)', (re, im, want) => {
    expect(complexRepr(re, im)).toBe(want);
  });

  it.each([
    ['abc', "'abc'"], ["it's", '"it\'s"'], ['a"b\'c', "'a\"b\\'c'"], ['\t\n\r\x00\x7f', "'\\t\\n\\r\\x00\\x7f'"],
    ['é€😀', "'é€😀'"], ['\u200b', "'\\u200b'"], ['\xa0', "'\\xa0'"], ['\\', "'\\\\'"],
  ])('str %j', (s, want) => {
    expect(strRepr(s)).toBe(want);
  });

  it('bytes', () => {
    expect(bytesRepr(new Uint8Array([0x61, 0x27, 0x00, 0xff, 0x5c]))).toBe('b"a\'\\x00\\xff\\\\"');
    expect(bytesRepr(new Uint8Array([0x27, 0x22]))).toBe("b'\\'\"'");
  });
});

describe('str.isprintable table is Python 3.11 (Unicode 14), not Node\'s Unicode', () => {
  // python3 3.11: repr('\u2ffc') == "'\\u2ffc'" (unassigned in Unicode 14), and the rest as printed.
  it.each([
    ['\u2ffc', "'\\u2ffc'"], ['\ud800', "'\\ud800'"], [' ', "' '"], ['\u00ad', "'\\xad'"], ['\u{e0100}', "'\u{e0100}'"],
  ])('repr %j', (s, want) => {
    expect(strRepr(s)).toBe(want);
  });
});
