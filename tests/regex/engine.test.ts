// Engine behaviour beyond the golden corpus: huge inputs without stack overflow, the API the re
// module glue uses, and errors that must stay Python exceptions.
import { describe, expect, it } from 'vitest';
import {
  compile, escape, expandTemplate, FLAG_IGNORECASE, FLAG_UNICODE, parseTemplate, RegexError, RegexOtherError, Subject, toSubject,
} from '../../src/regex/index';

describe('regex engine limits', () => {
  it('matches (a|b)* over 1,000,000 characters without overflowing the stack', () => {
    const s = 'ab'.repeat(500_000);
    const m = compile('(a|b)*').match(s)!;
    expect([m.spans[0], m.spans[1], m.spans[2], m.spans[3]]).toEqual([0, 1_000_000, 999_999, 1_000_000]);
  });

  it('backtracks through 200,000 iterations of a general repeat', () => {
    // python3: re.match(r'(?:a|b)*c', 'ab' * 100000 + 'x') is None, re.search(r'(ab)*x', ...).span() == (0, 200001)
    const s = 'ab'.repeat(100_000) + 'x';
    expect(compile('(?:a|b)*c').match(s)).toBeNull();
    const m = compile('(ab)*x').match(s, 0, s.length, 'search')!;
    expect([m.spans[0], m.spans[1], m.spans[2], m.spans[3]]).toEqual([0, 200_001, 199_998, 200_000]);
  });

  it('raises RecursionError, not a JS stack overflow, for absurdly nested patterns', () => {
    const p = '('.repeat(100_000) + ')'.repeat(100_000);
    expect(() => compile(p)).toThrow(RegexOtherError);
    try {
      compile(p);
    } catch (e) {
      expect((e as RegexOtherError).pyType).toBe('RecursionError');
    }
    const cond = '(a)' + '(?(1)'.repeat(50_000) + ')'.repeat(50_000);
    expect(() => compile(cond)).toThrow(RegexOtherError);
  });
});

describe('regex API for the re module', () => {
  it('reports groups, groupindex and flags', () => {
    const p = compile('(?P<year>\\d+)-(\\d+)', FLAG_IGNORECASE);
    expect(p.groups).toBe(2);
    expect(Object.fromEntries(p.groupindex)).toEqual({ year: 1 });
    expect(p.flags).toBe(FLAG_IGNORECASE | FLAG_UNICODE);
    expect(p.groupName(1)).toBe('year');
    expect(p.groupName(2)).toBeNull();
  });

  it('reports positions in code points and slices subjects by them', () => {
    const subj = new Subject('\u{1F600}a\u{1F600}b');
    const m = compile('a.(b)').match(subj, 0, 100, 'search')!;
    expect([m.spans[0], m.spans[1], m.spans[2], m.spans[3]]).toEqual([1, 4, 3, 4]);
    expect(subj.slice(1, 3)).toBe('a\u{1F600}');
    expect(toSubject(subj)).toBe(subj);
  });

  it('sub takes a function of the match', () => {
    const p = compile('\\d+');
    const [out, n] = p.subn((m, s) => `<${String(Number(s.slice(m.spans[0], m.spans[1])) * 2)}>`, 'a1b22c');
    expect(out).toBe('a<2>b<44>c');
    expect(n).toBe(2);
  });

  it('works on bytes', () => {
    const p = compile(Uint8Array.from([0x28, 0x61, 0x29, 0x2b])); // rb'(a)+'
    const m = p.match(Uint8Array.from([0x61, 0x61, 0x62]))!;
    expect([m.spans[0], m.spans[1], m.spans[2], m.spans[3]]).toEqual([0, 2, 1, 2]);
    expect(escape(Uint8Array.from([0x2e, 0x61]))).toEqual(Uint8Array.from([0x5c, 0x2e, 0x61]));
  });

  it('rejects mixing str and bytes as re does', () => {
    expect(() => compile('a').match(Uint8Array.from([0x61]))).toThrow('cannot use a string pattern on a bytes-like object');
    expect(() => compile(Uint8Array.from([0x61])).match('a')).toThrow('cannot use a bytes pattern on a string-like object');
  });

  it('parses templates into literals and group numbers', () => {
    const p = compile('(?P<x>a)(b)');
    expect(parseTemplate('[\\g<x>\\2\\n]', p).items).toEqual(['[', 1, 2, '\n]']);
    expect(() => parseTemplate('\\3', p)).toThrow(RegexError);
    try {
      parseTemplate('\\3', p);
    } catch (e) {
      // python3: re.compile('(?P<x>a)(b)').sub('\\3', 'ab') -> re.error: invalid group reference 3 at position 1
      expect((e as RegexError).message).toBe('invalid group reference 3 at position 1');
    }
  });

  it('expands a template against a match (Match.expand)', () => {
    // python3: re.match('(?P<x>a)(b)?', 'a').expand(r'<\g<x>|\2>') == '<a|>'
    const p = compile('(?P<x>a)(b)?');
    const subj = toSubject('a');
    const m = p.match(subj)!;
    const parts = expandTemplate(parseTemplate('<\\g<x>|\\2>', p), m.spans, (s, e) => subj.slice(s, e));
    expect(parts.join('')).toBe('<a|>');
  });

  it('resolves \\N{...} through the lookup the caller gives', () => {
    const p = compile('\\N{EM DASH}', 0, { lookupName: (n) => (n === 'EM DASH' ? 0x2014 : undefined) });
    expect(p.match('\u2014')).not.toBeNull();
    expect(() => compile('\\N{EM DASH}')).toThrow("undefined character name 'EM DASH'");
  });
});

describe('regex resource limits', () => {
  it('reports MemoryError instead of crashing when the backtrack stack would exceed its limit', () => {
    // 4294967294 mandatory iterations of an empty group: python3 also exhausts memory or time here
    const p = compile('(?:(){4294967294})', 0, { maxBacktrackInts: 1 << 20 });
    let err: unknown = null;
    try {
      p.match('');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RegexOtherError);
    expect((err as RegexOtherError).pyType).toBe('MemoryError');
  });
});

describe('regex interrupts', () => {
  it('lets a catastrophic match be interrupted through checkInterrupt', () => {
    let calls = 0;
    const p = compile('(x+x+)+y', 0, {
      checkInterrupt: () => {
        if (++calls === 3) throw new Error('KeyboardInterrupt');
      },
    });
    expect(() => p.match('x'.repeat(40))).toThrow('KeyboardInterrupt');
    expect(calls).toBe(3);
  });
});
