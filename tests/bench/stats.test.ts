import { describe, expect, it } from 'vitest';
import {
  errorSummary, fmtMs, fmtRatio, geomean, median, outputDifference, parseBenchScriptOutput, summarize, textTable,
} from '../../bench/lib/stats.mjs';

describe('bench statistics', () => {
  it('median of odd and even counts, unsorted input', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow();
  });

  it('geometric mean', () => {
    expect(geomean([2, 8])).toBeCloseTo(4, 12);
    expect(geomean([1, 10, 100])).toBeCloseTo(10, 12);
    expect(geomean([])).toBeNull();
    expect(() => geomean([1, 0])).toThrow();
  });

  it('summarize gives median, min and max', () => {
    expect(summarize([30, 10, 20, 50])).toEqual({ median: 25, min: 10, max: 50 });
  });

  it('number formatting', () => {
    expect(fmtMs(1234.4)).toBe('1234');
    expect(fmtMs(12.345)).toBe('12.3');
    expect(fmtMs(1.2345)).toBe('1.23');
    expect(fmtRatio(2.345)).toBe('2.35x');
    expect(fmtRatio(23.45)).toBe('23.4x');
    expect(fmtRatio(234.5)).toBe('235x');
  });
});

describe('failure summaries', () => {
  it('takes the first stderr line', () => {
    expect(errorSummary('pyvm run: not implemented yet\n', 2)).toBe('pyvm run: not implemented yet');
  });

  it('takes the exception line of a Python traceback', () => {
    const tb = 'Traceback (most recent call last):\n  File "x.py", line 3, in <module>\n    f()\nZeroDivisionError: division by zero\n';
    expect(errorSummary(tb, 1)).toBe('ZeroDivisionError: division by zero');
  });

  it("takes the error line of node's uncaught-exception report", () => {
    const report = "file:///tmp/x.bench.mjs:1\nthrow new Error('boom');\n^\n\nError: boom\n    at file:///tmp/x.bench.mjs:1:7\n";
    expect(errorSummary(report, 1)).toBe('Error: boom');
  });

  it('says something when stderr is empty', () => {
    expect(errorSummary('', 3)).toBe('exit status 3 with nothing on stderr');
    expect(errorSummary('  \n', null, 'SIGKILL')).toBe('killed by SIGKILL');
  });
});

describe('output comparison', () => {
  it('equal outputs', () => {
    expect(outputDifference('1\n2\n', '1\n2\n')).toBeNull();
  });

  it('names the first differing line', () => {
    expect(outputDifference('1\n2\n3\n', '1\n5\n3\n')).toBe('line 2: expected "2", got "5"');
  });

  it('missing and extra output', () => {
    expect(outputDifference('1\n2\n', '1\n')).toBe('line 2: expected "2", got ""');
    expect(outputDifference('1\n', '1\n2\n')).toBe('line 2: expected "", got "2"');
    expect(outputDifference('a', '')).toBe('line 1: expected "a", got ""');
    expect(outputDifference('a\nb', 'a')).toBe('line 2: expected "b", got <end of output>');
  });
});

describe('bench script output', () => {
  const table = { title: 'Parse', rows: [{ name: 'big.py', unit: 'ms', pyvm: 3, cpython: 1 }] };

  it('parses a JSON object printed alone', () => {
    expect(parseBenchScriptOutput(JSON.stringify(table))).toEqual(table);
  });

  it('parses the last JSON line after other output', () => {
    expect(parseBenchScriptOutput(`warming up\n${JSON.stringify(table)}\n`)).toEqual(table);
  });

  it('rejects output without a table', () => {
    expect(() => parseBenchScriptOutput('nothing here')).toThrow('printed no JSON object on stdout');
    expect(() => parseBenchScriptOutput('{"rows": []}')).toThrow('"title"');
    expect(() => parseBenchScriptOutput('{"title": "t"}')).toThrow('"rows"');
    expect(() => parseBenchScriptOutput('{"title": "t", "rows": [{"unit": "ms"}]}')).toThrow('row 0');
  });
});

describe('text tables', () => {
  it('pads columns and right-aligns the chosen ones', () => {
    expect(textTable([['a', 'bb'], ['ccc', '1']], (i) => i === 1)).toBe('a    bb\n---  --\nccc   1');
  });
});
