// Public API of the regex engine, designed for the `re` module glue.
//
//   const p = compile('(?P<x>a+)', 0);        // throws RegexError (re.error) or RegexOtherError
//   p.groups, p.groupindex, p.flags
//   const m = p.match(subject, pos, endpos, 'search');   // MatchResult | null, spans in code points
//   for (const m of p.iterate(subject, pos, endpos)) ...  // finditer/findall order and empty-match rules
//   p.split(subject, maxsplit), p.sub(repl, subject, count)
import { compileProgram, type Program } from './compile';
import { RegexError, RegexOtherError } from './errors';
import { Matcher, type MatchResult } from './match';
import { parsePattern, type UnicodeNameLookup } from './parse';
import { parseTemplate, type Template } from './template';

export { RegexError, RegexOtherError } from './errors';
export type { MatchResult } from './match';
export {
  FLAG_ASCII, FLAG_DEBUG, FLAG_DOTALL, FLAG_IGNORECASE, FLAG_LOCALE, FLAG_MULTILINE, FLAG_TEMPLATE,
  FLAG_UNICODE, FLAG_VERBOSE, MAXREPEAT, MAXGROUPS, type UnicodeNameLookup,
} from './parse';
export { parseTemplate, expandTemplate, type Template } from './template';
export { escape } from './escape';

export type MatchMode = 'match' | 'search' | 'fullmatch';

/** A string or bytes object prepared for matching: its code points (or bytes) as an Int32Array. */
export class Subject {
  readonly units: Int32Array;
  /** True when code point positions equal UTF-16 positions (no astral characters). */
  readonly simple: boolean;

  constructor(readonly value: string | Uint8Array) {
    if (typeof value === 'string') {
      const n = value.length;
      let units = new Int32Array(n);
      let k = 0;
      for (let i = 0; i < n; i++) {
        const c = value.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
          const d = value.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            units[k++] = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
            i++;
            continue;
          }
        }
        units[k++] = c;
      }
      this.simple = k === n;
      if (k !== n) units = units.slice(0, k);
      this.units = units;
    } else {
      this.units = Int32Array.from(value);
      this.simple = true;
    }
  }

  get length(): number {
    return this.units.length;
  }

  /** The piece [start, end) (code point positions) as a str or bytes value. */
  slice(start: number, end: number): string | Uint8Array {
    const v = this.value;
    if (typeof v !== 'string') return v.slice(start, end);
    if (this.simple) return v.slice(start, end);
    let out = '';
    for (let i = start; i < end; i += 4096) {
      out += String.fromCodePoint(...this.units.subarray(i, Math.min(end, i + 4096)));
    }
    return out;
  }
}

let lastSubject: Subject | null = null;

/**
 * Prepares a subject, reusing the previous one when the same str is matched again (a tokenizer
 * calling search(text, pos) in a loop converts text once). Bytes are converted every time since
 * a bytearray may change between calls.
 */
export function toSubject(value: string | Uint8Array | Subject): Subject {
  if (value instanceof Subject) return value;
  if (typeof value !== 'string') return new Subject(value);
  if (lastSubject !== null && lastSubject.value === value) return lastSubject;
  lastSubject = new Subject(value);
  return lastSubject;
}

export interface CompileOptions {
  /** Resolves \N{NAME} escapes (str patterns); without it every name is undefined. */
  lookupName?: UnicodeNameLookup;
  /** Backtrack stack limit in 32-bit ints; beyond it matching raises MemoryError. */
  maxBacktrackInts?: number;
  /** Called every 65536 backtracks during a match (e.g. to raise KeyboardInterrupt or pause). */
  checkInterrupt?: () => void;
}

export class CompiledPattern {
  readonly pattern: string | Uint8Array;
  /** Flags as re.compile(p).flags reports them (UNICODE added for str patterns). */
  readonly flags: number;
  /** Number of capturing groups. */
  readonly groups: number;
  /** Group name to group number. */
  readonly groupindex: Map<string, number>;
  readonly isBytes: boolean;
  private readonly program: Program;
  private matcher: Matcher | null = null;
  private readonly maxStack: number | undefined;
  private readonly checkInterrupt: (() => void) | undefined;

  constructor(pattern: string | Uint8Array, flags: number, options: CompileOptions = {}) {
    const parsed = parsePattern(pattern, flags, options.lookupName);
    this.program = compileProgram(parsed);
    this.pattern = pattern;
    this.flags = parsed.flags;
    this.groups = parsed.groups - 1;
    this.groupindex = parsed.groupindex;
    this.isBytes = parsed.isBytes;
    this.maxStack = options.maxBacktrackInts;
    this.checkInterrupt = options.checkInterrupt;
  }

  /** Group number → name (re's lastgroup). */
  groupName(g: number): string | null {
    for (const [name, n] of this.groupindex) if (n === g) return name;
    return null;
  }

  private checkSubject(value: string | Uint8Array | Subject): Subject {
    const v = value instanceof Subject ? value.value : value;
    if (typeof v === 'string' && this.isBytes) throw new RegexOtherError('TypeError', 'cannot use a bytes pattern on a string-like object');
    if (typeof v !== 'string' && !this.isBytes) throw new RegexOtherError('TypeError', 'cannot use a string pattern on a bytes-like object');
    return toSubject(value);
  }

  /**
   * Pattern.match / search / fullmatch with pos and endpos clamped as Python does.
   * mustAdvance: a match starting at pos must not be empty (used when iterating).
   */
  match(subject: string | Uint8Array | Subject, pos = 0, endpos = Number.MAX_SAFE_INTEGER, mode: MatchMode = 'match', mustAdvance = false): MatchResult | null {
    const subj = this.checkSubject(subject);
    const n = subj.length;
    if (pos < 0) pos = 0;
    if (pos > n) pos = n;
    if (endpos > n) endpos = n;
    if (endpos < 0) endpos = 0;
    if (endpos < pos) return null;
    const m = (this.matcher ??= new Matcher(this.program, this.maxStack, this.checkInterrupt));
    if (mode === 'search') return m.search(subj.units, pos, endpos, mustAdvance);
    return m.matchAt(subj.units, pos, endpos, mode === 'fullmatch', mustAdvance);
  }

  /** The matches finditer / findall report, in order, with Python 3.7+ empty-match rules. */
  *iterate(subject: string | Uint8Array | Subject, pos = 0, endpos = Number.MAX_SAFE_INTEGER): Generator<MatchResult> {
    const subj = this.checkSubject(subject);
    const n = subj.length;
    if (endpos > n) endpos = n;
    if (endpos < 0) endpos = 0;
    let p = Math.max(0, Math.min(pos, n));
    let mustAdvance = false;
    const matcher = (this.matcher ??= new Matcher(this.program, this.maxStack, this.checkInterrupt));
    const units = subj.units;
    while (p <= endpos) {
      const m = matcher.search(units, p, endpos, mustAdvance);
      if (m === null) return;
      yield m;
      mustAdvance = m.spans[1] === m.spans[0];
      p = m.spans[1];
    }
  }

  /** re.split: the pieces and, between them, the groups of each separator (null when unmatched). */
  split(subject: string | Uint8Array | Subject, maxsplit = 0): (string | Uint8Array | null)[] {
    const subj = this.checkSubject(subject);
    const out: (string | Uint8Array | null)[] = [];
    let last = 0;
    let n = 0;
    for (const m of maxsplit < 0 ? [] : this.iterate(subj)) {
      if (maxsplit > 0 && n >= maxsplit) break;
      out.push(subj.slice(last, m.spans[0]));
      for (let g = 1; g <= this.groups; g++) {
        const s = m.spans[g * 2];
        const e = m.spans[g * 2 + 1];
        out.push(s >= 0 && e >= 0 ? subj.slice(s, e) : null);
      }
      last = m.spans[1];
      n++;
    }
    out.push(subj.slice(last, subj.length));
    return out;
  }

  /**
   * re.subn with a template string (parsed as re does) or a function of the match result
   * returning the replacement. Returns [result, number of substitutions].
   */
  subn(repl: string | Uint8Array | Template | ((m: MatchResult, subject: Subject) => string | Uint8Array), subject: string | Uint8Array | Subject, count = 0): [string | Uint8Array, number] {
    const subj = this.checkSubject(subject);
    const template = typeof repl === 'function' ? null : repl instanceof Uint8Array || typeof repl === 'string' ? parseTemplate(repl, this) : repl;
    const pieces: (string | Uint8Array)[] = [];
    const literalOnly = template && template.items.length <= 1 && typeof template.items[0] !== 'number'
      ? (template.items[0] as string | Uint8Array | undefined) ?? (this.isBytes ? new Uint8Array(0) : '')
      : null;
    let last = 0;
    let n = 0;
    for (const m of count < 0 ? [] : this.iterate(subj)) {
      if (count > 0 && n >= count) break;
      pieces.push(subj.slice(last, m.spans[0]));
      if (template) pieces.push(literalOnly !== null ? literalOnly : expandMatch(template, m, subj));
      else pieces.push((repl as (m: MatchResult, s: Subject) => string | Uint8Array)(m, subj));
      last = m.spans[1];
      n++;
    }
    pieces.push(subj.slice(last, subj.length));
    return [join(pieces, this.isBytes), n];
  }
}

function expandMatch(t: Template, m: MatchResult, subj: Subject): string | Uint8Array {
  const parts: (string | Uint8Array)[] = [];
  for (const item of t.items) {
    if (typeof item === 'number') {
      const s = m.spans[item * 2];
      const e = m.spans[item * 2 + 1];
      if (s >= 0 && e >= 0) parts.push(subj.slice(s, e));
    } else {
      parts.push(item);
    }
  }
  return join(parts, t.isBytes);
}

function join(parts: (string | Uint8Array)[], isBytes: boolean): string | Uint8Array {
  if (!isBytes) return (parts as string[]).join('');
  let len = 0;
  for (const p of parts) len += p.length;
  const out = new Uint8Array(len);
  let o = 0;
  for (const p of parts) {
    out.set(p as Uint8Array, o);
    o += p.length;
  }
  return out;
}

export function compile(pattern: string | Uint8Array, flags = 0, options: CompileOptions = {}): CompiledPattern {
  return new CompiledPattern(pattern, flags, options);
}
