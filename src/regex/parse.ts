// Parser for Python 3.11 regular expression syntax (str and bytes patterns) into a small AST.
// Error messages and positions follow CPython's re module exactly.
import { strRepr } from '../values/repr';
import { RegexError, RegexOtherError } from './errors';

export const FLAG_TEMPLATE = 1;
export const FLAG_IGNORECASE = 2;
export const FLAG_LOCALE = 4;
export const FLAG_MULTILINE = 8;
export const FLAG_DOTALL = 16;
export const FLAG_UNICODE = 32;
export const FLAG_VERBOSE = 64;
export const FLAG_DEBUG = 128;
export const FLAG_ASCII = 256;

const TYPE_FLAGS = FLAG_ASCII | FLAG_LOCALE | FLAG_UNICODE;
const GLOBAL_FLAGS = FLAG_DEBUG | FLAG_TEMPLATE;
const INLINE_FLAGS: Record<string, number> = {
  i: FLAG_IGNORECASE, L: FLAG_LOCALE, m: FLAG_MULTILINE, s: FLAG_DOTALL, x: FLAG_VERBOSE,
  a: FLAG_ASCII, t: FLAG_TEMPLATE, u: FLAG_UNICODE,
};

export const MAXREPEAT = 4294967295;
export const MAXGROUPS = 1073741823;
const MAX_NESTING = 1200;

export type Category = 'digit' | 'not_digit' | 'word' | 'not_word' | 'space' | 'not_space';
export type SetItem =
  | { k: 'lit'; c: number }
  | { k: 'range'; lo: number; hi: number }
  | { k: 'cat'; cat: Category };
export type AtCode = 'beginning' | 'end' | 'beginning_string' | 'end_string' | 'boundary' | 'non_boundary';
export type RepeatKind = 'greedy' | 'lazy' | 'possessive';

export type Node =
  | { t: 'lit'; c: number }
  | { t: 'not_lit'; c: number }
  | { t: 'any' }
  | { t: 'set'; neg: boolean; items: SetItem[] }
  | { t: 'at'; at: AtCode }
  | { t: 'group'; group: number | null; add: number; del: number; body: Node[] }
  | { t: 'branch'; alts: Node[][] }
  | { t: 'repeat'; min: number; max: number; kind: RepeatKind; body: Node[] }
  | { t: 'groupref'; g: number }
  | { t: 'assert'; neg: boolean; behind: boolean; body: Node[] }
  | { t: 'cond'; g: number; yes: Node[]; no: Node[] | null }
  | { t: 'atomic'; body: Node[] };

export interface ParsedPattern {
  body: Node[];
  flags: number;
  groups: number; // number of capturing groups plus one (group 0)
  groupindex: Map<string, number>;
  isBytes: boolean;
  /** Width [min, max] of each group, for lookbehind checks. */
  groupwidths: ([number, number] | null)[];
}

const DIGITS = '0123456789';
const OCTDIGITS = '01234567';
const HEXDIGITS = '0123456789abcdefABCDEF';
const ASCIILETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const WHITESPACE = ' \t\n\r\v\f';
const SPECIAL_CHARS = '.\\[{()*+?^$|';
const REPEAT_CHARS = '*+?{';

const ESCAPES: Record<string, number> = {
  '\\a': 7, '\\b': 8, '\\f': 12, '\\n': 10, '\\r': 13, '\\t': 9, '\\v': 11, '\\\\': 92,
};
const CATEGORY_ESCAPES: Record<string, Category> = {
  '\\d': 'digit', '\\D': 'not_digit', '\\s': 'space', '\\S': 'not_space', '\\w': 'word', '\\W': 'not_word',
};
const AT_ESCAPES: Record<string, AtCode> = {
  '\\A': 'beginning_string', '\\b': 'boundary', '\\B': 'non_boundary', '\\Z': 'end_string',
};

/** Resolves a \N{...} character name to a code point (undefined when unknown). */
export type UnicodeNameLookup = (name: string) => number | undefined;

export function isIdentifier(name: string): boolean {
  return /^[\p{XID_Start}_][\p{XID_Continue}]*$/u.test(name);
}

/** Python's str.isdecimal() restricted to what group numbers need. */
function isAsciiDecimal(s: string): boolean {
  return /^[0-9]+$/.test(s);
}

/** Reads a pattern (or template) as Python's tokenizer does: one char, or a backslash and the next char. */
export class Tokenizer {
  readonly chars: string[];
  index = 0;
  next: string | null = null;
  private nextLen = 0;

  constructor(readonly original: string | Uint8Array, readonly istext: boolean) {
    this.chars = typeof original === 'string' ? Array.from(original) : Array.from(original, (b) => String.fromCharCode(b));
    this.advance();
  }

  private advance(): void {
    let index = this.index;
    if (index >= this.chars.length) {
      this.next = null;
      this.nextLen = 0;
      return;
    }
    let ch = this.chars[index];
    let len = 1;
    if (ch === '\\') {
      index++;
      if (index >= this.chars.length) {
        throw new RegexError('bad escape (end of pattern)', this.original, this.chars.length - 1);
      }
      ch += this.chars[index];
      len = 2;
    }
    this.index = index + 1;
    this.next = ch;
    this.nextLen = len;
  }

  match(ch: string): boolean {
    if (ch === this.next) {
      this.advance();
      return true;
    }
    return false;
  }

  get(): string | null {
    const t = this.next;
    this.advance();
    return t;
  }

  getwhile(n: number, charset: string): string {
    let result = '';
    for (let i = 0; i < n; i++) {
      const c = this.next;
      if (c === null || c.length !== 1 || !charset.includes(c)) break;
      result += c;
      this.advance();
    }
    return result;
  }

  getuntil(terminator: string, name: string): string {
    let result = '';
    for (;;) {
      const c = this.next;
      this.advance();
      if (c === null) {
        if (!result) throw this.error('missing ' + name);
        throw this.error(`missing ${terminator}, unterminated name`, cpLen(result));
      }
      if (c === terminator) {
        if (!result) throw this.error('missing ' + name, 1);
        break;
      }
      result += c;
    }
    return result;
  }

  tell(): number {
    return this.index - this.nextLen;
  }

  seek(index: number): void {
    this.index = index;
    this.advance();
  }

  error(msg: string, offset = 0): RegexError {
    if (!this.istext) msg = asciiBackslashReplace(msg);
    return new RegexError(msg, this.original, this.tell() - offset);
  }

  checkgroupname(name: string, offset: number): void {
    if (!isIdentifier(name)) throw this.error(`bad character in group name ${strRepr(name)}`, cpLen(name) + offset);
  }
}

function cpLen(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function asciiBackslashReplace(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    out += c < 128 ? ch : c < 256 ? '\\x' + c.toString(16).padStart(2, '0') : c < 0x10000 ? '\\u' + c.toString(16).padStart(4, '0') : '\\U' + c.toString(16).padStart(8, '0');
  }
  return out;
}

function ord(ch: string): number {
  return ch.codePointAt(0)!;
}

class State {
  flags = 0;
  groupdict = new Map<string, number>();
  groupwidths: ([number, number] | null)[] = [null];
  lookbehindgroups: number | null = null;
  grouprefpos = new Map<number, number>();

  get groups(): number {
    return this.groupwidths.length;
  }

  opengroup(name: string | null): number {
    const gid = this.groups;
    this.groupwidths.push(null);
    if (this.groups > MAXGROUPS) throw new RegexError('too many groups');
    if (name !== null) {
      const ogid = this.groupdict.get(name);
      if (ogid !== undefined) {
        throw new RegexError(`redefinition of group name ${strRepr(name)} as group ${gid}; was group ${ogid}`);
      }
      this.groupdict.set(name, gid);
    }
    return gid;
  }

  closegroup(gid: number, p: Node[]): void {
    this.groupwidths[gid] = getwidth(p, this);
  }

  checkgroup(gid: number): boolean {
    return gid < this.groups && this.groupwidths[gid] !== null;
  }

  checklookbehindgroup(gid: number, source: Tokenizer): void {
    if (this.lookbehindgroups !== null) {
      if (!this.checkgroup(gid)) throw source.error('cannot refer to an open group');
      if (gid >= this.lookbehindgroups) throw source.error('cannot refer to group defined in the same lookbehind subpattern');
    }
  }
}

/** The (min, max) width in characters of a sequence, as sre computes it (max capped at MAXREPEAT). */
export function getwidth(seq: Node[], state: { groupwidths: ([number, number] | null)[] }): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const node of seq) {
    switch (node.t) {
      case 'branch': {
        let i = MAXREPEAT - 1;
        let j = 0;
        for (const alt of node.alts) {
          const [l, h] = getwidth(alt, state);
          i = Math.min(i, l);
          j = Math.max(j, h);
        }
        lo += i;
        hi += j;
        break;
      }
      case 'atomic':
      case 'group': {
        const [i, j] = getwidth(node.body, state);
        lo += i;
        hi += j;
        break;
      }
      case 'repeat': {
        const [i, j] = getwidth(node.body, state);
        lo += i * node.min;
        hi += j * node.max;
        break;
      }
      case 'lit': case 'not_lit': case 'any': case 'set':
        lo += 1;
        hi += 1;
        break;
      case 'groupref': {
        const w = state.groupwidths[node.g] ?? [0, 0];
        lo += w[0];
        hi += w[1];
        break;
      }
      case 'cond': {
        let [i, j] = getwidth(node.yes, state);
        if (node.no !== null) {
          const [l, h] = getwidth(node.no, state);
          i = Math.min(i, l);
          j = Math.max(j, h);
        } else {
          i = 0;
        }
        lo += i;
        hi += j;
        break;
      }
      default:
        break;
    }
  }
  return [Math.min(lo, MAXREPEAT - 1), Math.min(hi, MAXREPEAT)];
}

function hexEscape(source: Tokenizer, escape: string, digits: number): number {
  escape += source.getwhile(digits, HEXDIGITS);
  if (escape.length !== digits + 2) throw source.error(`incomplete escape ${escape}`, escape.length);
  return parseInt(escape.slice(2), 16);
}

function namedEscape(source: Tokenizer, lookup: UnicodeNameLookup | undefined): number {
  if (!source.match('{')) throw source.error('missing {');
  const charname = source.getuntil('}', 'character name');
  const c = lookup ? lookup(charname) : undefined;
  if (c === undefined) throw source.error(`undefined character name ${strRepr(charname)}`, cpLen(charname) + 4);
  return c;
}

type ClassCode = { k: 'lit'; c: number } | { k: 'cat'; cat: Category };

function classEscape(source: Tokenizer, escape: string, lookup: UnicodeNameLookup | undefined): ClassCode {
  const code = ESCAPES[escape];
  if (code !== undefined) return { k: 'lit', c: code };
  const cat = CATEGORY_ESCAPES[escape];
  if (cat !== undefined) return { k: 'cat', cat };
  const c = escape.slice(1);
  if (c === 'x') return { k: 'lit', c: hexEscape(source, escape, 2) };
  if (c === 'u' && source.istext) return { k: 'lit', c: hexEscape(source, escape, 4) };
  if (c === 'U' && source.istext) {
    const v = hexEscape(source, escape, 8);
    if (v > 0x10ffff) throw source.error(`bad escape ${escape + source.chars.slice(source.tell() - 8, source.tell()).join('')}`, 10);
    return { k: 'lit', c: v };
  }
  if (c === 'N' && source.istext) return { k: 'lit', c: namedEscape(source, lookup) };
  if (OCTDIGITS.includes(c)) {
    escape += source.getwhile(2, OCTDIGITS);
    const v = parseInt(escape.slice(1), 8);
    if (v > 0o377) throw source.error(`octal escape value ${escape} outside of range 0-0o377`, escape.length);
    return { k: 'lit', c: v };
  }
  if (DIGITS.includes(c)) throw source.error(`bad escape ${escape}`, cpLen(escape));
  if (ASCIILETTERS.includes(c)) throw source.error(`bad escape ${escape}`, cpLen(escape));
  return { k: 'lit', c: ord(c) };
}

function escapeNode(source: Tokenizer, escape: string, state: State, lookup: UnicodeNameLookup | undefined): Node {
  const cat = CATEGORY_ESCAPES[escape];
  if (cat !== undefined) return { t: 'set', neg: false, items: [{ k: 'cat', cat }] };
  const at = AT_ESCAPES[escape];
  if (at !== undefined) return { t: 'at', at };
  const code = ESCAPES[escape];
  if (code !== undefined) return { t: 'lit', c: code };
  const c = escape.slice(1);
  if (c === 'x') return { t: 'lit', c: hexEscape(source, escape, 2) };
  if (c === 'u' && source.istext) return { t: 'lit', c: hexEscape(source, escape, 4) };
  if (c === 'U' && source.istext) {
    const v = hexEscape(source, escape, 8);
    if (v > 0x10ffff) throw source.error(`bad escape ${escape + source.chars.slice(source.tell() - 8, source.tell()).join('')}`, 10);
    return { t: 'lit', c: v };
  }
  if (c === 'N' && source.istext) return { t: 'lit', c: namedEscape(source, lookup) };
  if (c === '0') {
    escape += source.getwhile(2, OCTDIGITS);
    return { t: 'lit', c: parseInt(escape.slice(1), 8) };
  }
  if (DIGITS.includes(c)) {
    // octal escape or decimal group reference
    if (source.next !== null && source.next.length === 1 && DIGITS.includes(source.next)) {
      escape += source.get();
      if (OCTDIGITS.includes(escape[1]) && OCTDIGITS.includes(escape[2]) && source.next !== null && source.next.length === 1 && OCTDIGITS.includes(source.next)) {
        escape += source.get();
        const v = parseInt(escape.slice(1), 8);
        if (v > 0o377) throw source.error(`octal escape value ${escape} outside of range 0-0o377`, escape.length);
        return { t: 'lit', c: v };
      }
    }
    const group = parseInt(escape.slice(1), 10);
    if (group < state.groups) {
      if (!state.checkgroup(group)) throw source.error('cannot refer to an open group', escape.length);
      state.checklookbehindgroup(group, source);
      return { t: 'groupref', g: group };
    }
    throw source.error(`invalid group reference ${group}`, escape.length - 1);
  }
  if (ASCIILETTERS.includes(c)) throw source.error(`bad escape ${escape}`, cpLen(escape));
  return { t: 'lit', c: ord(c) };
}

class Parser {
  constructor(readonly source: Tokenizer, readonly state: State, readonly lookup: UnicodeNameLookup | undefined) {}

  parseSub(verbose: boolean, nested: number): Node[] {
    const items: Node[][] = [];
    const source = this.source;
    for (;;) {
      items.push(this.parse(verbose, nested + 1, nested === 0 && items.length === 0));
      if (!source.match('|')) break;
      if (nested === 0) verbose = (this.state.flags & FLAG_VERBOSE) !== 0;
    }
    if (items.length === 1) return items[0];
    // As sre: move a common leading item out of the alternatives, and turn alternatives that are
    // each one character (or a non-negated set) into a single set. Observable: IGNORECASE treats
    // non-BMP literals in a set differently from a lone literal.
    const out: Node[] = [];
    for (;;) {
      const first = items[0][0];
      if (first === undefined || !items.every((it) => it.length > 0 && sameSimpleItem(it[0], first))) break;
      for (const it of items) it.shift();
      out.push(first);
    }
    if (items.every((it) => it.length === 1 && (it[0].t === 'lit' || (it[0].t === 'set' && !it[0].neg)))) {
      const set: SetItem[] = [];
      for (const it of items) {
        const n = it[0];
        if (n.t === 'lit') set.push({ k: 'lit', c: n.c });
        else if (n.t === 'set') set.push(...n.items);
      }
      out.push({ t: 'set', neg: false, items: uniqueItems(set) });
      return out;
    }
    out.push({ t: 'branch', alts: items });
    return out;
  }

  parse(verbose: boolean, nested: number, first: boolean): Node[] {
    // python3 raises RecursionError for deeply nested patterns; so do we, before the JS stack runs out.
    if (nested > MAX_NESTING) throw new RegexOtherError('RecursionError', 'maximum recursion depth exceeded');
    const source = this.source;
    const state = this.state;
    const sub: Node[] = [];
    for (;;) {
      const ths = source.next;
      if (ths === null || ths === '|' || ths === ')') break;
      source.get();
      if (verbose) {
        if (WHITESPACE.includes(ths)) continue;
        if (ths === '#') {
          for (;;) {
            const t = source.get();
            if (t === null || t === '\n') break;
          }
          continue;
        }
      }
      if (ths[0] === '\\' && ths.length > 1) {
        sub.push(escapeNode(source, ths, state, this.lookup));
      } else if (!SPECIAL_CHARS.includes(ths)) {
        sub.push({ t: 'lit', c: ord(ths) });
      } else if (ths === '[') {
        sub.push(this.parseSet());
      } else if (REPEAT_CHARS.includes(ths)) {
        const here = source.tell();
        let min: number;
        let max: number;
        if (ths === '?') {
          min = 0; max = 1;
        } else if (ths === '*') {
          min = 0; max = MAXREPEAT;
        } else if (ths === '+') {
          min = 1; max = MAXREPEAT;
        } else {
          if (source.next === '}') {
            sub.push({ t: 'lit', c: ord(ths) });
            continue;
          }
          min = 0; max = MAXREPEAT;
          let lo = '';
          let hi = '';
          while (source.next !== null && source.next.length === 1 && DIGITS.includes(source.next)) lo += source.get();
          if (source.match(',')) {
            while (source.next !== null && source.next.length === 1 && DIGITS.includes(source.next)) hi += source.get();
          } else {
            hi = lo;
          }
          if (!source.match('}')) {
            sub.push({ t: 'lit', c: ord(ths) });
            source.seek(here);
            continue;
          }
          if (lo) {
            min = Number(lo);
            if (min >= MAXREPEAT) throw new RegexOtherError('OverflowError', 'the repetition number is too large');
          }
          if (hi) {
            max = Number(hi);
            if (max >= MAXREPEAT) throw new RegexOtherError('OverflowError', 'the repetition number is too large');
            if (max < min) throw source.error('min repeat greater than max repeat', source.tell() - here);
          }
        }
        const item = sub.length ? sub[sub.length - 1] : null;
        if (item === null || item.t === 'at') throw source.error('nothing to repeat', source.tell() - here + ths.length);
        if (item.t === 'repeat') throw source.error('multiple repeat', source.tell() - here + ths.length);
        let body: Node[] = [item];
        if (item.t === 'group' && item.group === null && !item.add && !item.del) body = item.body;
        let kind: RepeatKind = 'greedy';
        if (source.match('?')) kind = 'lazy';
        else if (source.match('+')) kind = 'possessive';
        sub[sub.length - 1] = { t: 'repeat', min, max, kind, body };
      } else if (ths === '.') {
        sub.push({ t: 'any' });
      } else if (ths === '(') {
        const r = this.parseParen(verbose, nested, first, sub);
        if (r !== null) sub.push(r);
      } else if (ths === '^') {
        sub.push({ t: 'at', at: 'beginning' });
      } else if (ths === '$') {
        sub.push({ t: 'at', at: 'end' });
      }
      if (ths === '(' && this.pendingVerbose !== null) {
        verbose = this.pendingVerbose;
        this.pendingVerbose = null;
      }
    }
    // unpack plain non-capturing groups
    const out: Node[] = [];
    for (const n of sub) {
      if (n.t === 'group' && n.group === null && !n.add && !n.del) out.push(...n.body);
      else out.push(n);
    }
    return out;
  }

  private pendingVerbose: boolean | null = null;

  parseSet(): Node {
    const source = this.source;
    const here = source.tell() - 1;
    const set: SetItem[] = [];
    const negate = source.match('^');
    for (;;) {
      const ths = source.get();
      if (ths === null) throw source.error('unterminated character set', source.tell() - here);
      if (ths === ']' && set.length) break;
      let code1: ClassCode;
      if (ths[0] === '\\' && ths.length > 1) code1 = classEscape(source, ths, this.lookup);
      else code1 = { k: 'lit', c: ord(ths) };
      if (source.match('-')) {
        const that = source.get();
        if (that === null) throw source.error('unterminated character set', source.tell() - here);
        if (that === ']') {
          set.push(code1);
          set.push({ k: 'lit', c: 45 });
          break;
        }
        let code2: ClassCode;
        if (that[0] === '\\' && that.length > 1) code2 = classEscape(source, that, this.lookup);
        else code2 = { k: 'lit', c: ord(that) };
        if (code1.k !== 'lit' || code2.k !== 'lit') {
          throw source.error(`bad character range ${ths}-${that}`, cpLen(ths) + 1 + cpLen(that));
        }
        if (code2.c < code1.c) throw source.error(`bad character range ${ths}-${that}`, cpLen(ths) + 1 + cpLen(that));
        set.push({ k: 'range', lo: code1.c, hi: code2.c });
      } else {
        set.push(code1);
      }
    }
    const uniq = uniqueItems(set);
    if (uniq.length === 1 && uniq[0].k === 'lit') {
      return negate ? { t: 'not_lit', c: uniq[0].c } : { t: 'lit', c: uniq[0].c };
    }
    return { t: 'set', neg: negate, items: uniq };
  }

  parseParen(verbose: boolean, nested: number, first: boolean, sub: Node[]): Node | null {
    const source = this.source;
    const state = this.state;
    const start = source.tell() - 1;
    let capture = true;
    let atomic = false;
    let name: string | null = null;
    let addFlags = 0;
    let delFlags = 0;
    if (source.match('?')) {
      let ch = source.get();
      if (ch === null) throw source.error('unexpected end of pattern');
      if (ch === 'P') {
        if (source.match('<')) {
          name = source.getuntil('>', 'group name');
          source.checkgroupname(name, 1);
        } else if (source.match('=')) {
          const nm = source.getuntil(')', 'group name');
          source.checkgroupname(nm, 1);
          const gid = state.groupdict.get(nm);
          if (gid === undefined) throw source.error(`unknown group name ${strRepr(nm)}`, cpLen(nm) + 1);
          if (!state.checkgroup(gid)) throw source.error('cannot refer to an open group', cpLen(nm) + 1);
          state.checklookbehindgroup(gid, source);
          return { t: 'groupref', g: gid };
        } else {
          const c2 = source.get();
          if (c2 === null) throw source.error('unexpected end of pattern');
          throw source.error('unknown extension ?P' + c2, cpLen(c2) + 2);
        }
      } else if (ch === ':') {
        capture = false;
      } else if (ch === '#') {
        for (;;) {
          if (source.next === null) throw source.error('missing ), unterminated comment', source.tell() - start);
          if (source.get() === ')') break;
        }
        return null;
      } else if (ch === '=' || ch === '!' || ch === '<') {
        let behind = false;
        let saved: number | null = null;
        if (ch === '<') {
          ch = source.get();
          if (ch === null) throw source.error('unexpected end of pattern');
          if (ch !== '=' && ch !== '!') throw source.error('unknown extension ?<' + ch, cpLen(ch) + 2);
          behind = true;
          saved = state.lookbehindgroups;
          if (saved === null) state.lookbehindgroups = state.groups;
        }
        const p = this.parseSub(verbose, nested + 1);
        if (behind && saved === null) state.lookbehindgroups = null;
        if (!source.match(')')) throw source.error('missing ), unterminated subpattern', source.tell() - start);
        return { t: 'assert', neg: ch === '!', behind, body: p };
      } else if (ch === '(') {
        const condname = source.getuntil(')', 'group name');
        let condgroup: number;
        if (isIdentifier(condname)) {
          const g = state.groupdict.get(condname);
          if (g === undefined) throw source.error(`unknown group name ${strRepr(condname)}`, cpLen(condname) + 1);
          condgroup = g;
        } else {
          if (!/^[0-9]+$/.test(condname.trim()) && !/^\+?[0-9_]+$/.test(condname.trim())) {
            throw source.error(`bad character in group name ${strRepr(condname)}`, cpLen(condname) + 1);
          }
          condgroup = Number(condname.trim().replace(/_/g, ''));
          if (!condgroup) throw source.error('bad group number', cpLen(condname) + 1);
          if (condgroup >= MAXGROUPS) throw source.error(`invalid group reference ${condgroup}`, cpLen(condname) + 1);
          if (!state.grouprefpos.has(condgroup)) state.grouprefpos.set(condgroup, source.tell() - cpLen(condname) - 1);
          void isAsciiDecimal;
        }
        state.checklookbehindgroup(condgroup, source);
        const yes = this.parse(verbose, nested + 1, false);
        let no: Node[] | null = null;
        if (source.match('|')) {
          no = this.parse(verbose, nested + 1, false);
          if (source.next === '|') throw source.error('conditional backref with more than two branches');
        }
        if (!source.match(')')) throw source.error('missing ), unterminated subpattern', source.tell() - start);
        return { t: 'cond', g: condgroup, yes, no };
      } else if (ch === '>') {
        capture = false;
        atomic = true;
      } else if (ch in INLINE_FLAGS || ch === '-') {
        const flags = this.parseFlags(ch);
        if (flags === null) {
          if (!first || sub.length) {
            throw source.error('global flags not at the start of the expression', source.tell() - start);
          }
          this.pendingVerbose = (state.flags & FLAG_VERBOSE) !== 0;
          return null;
        }
        [addFlags, delFlags] = flags;
        capture = false;
      } else {
        throw source.error('unknown extension ?' + ch, cpLen(ch) + 1);
      }
    }
    let group: number | null = null;
    if (capture) {
      try {
        group = state.opengroup(name);
      } catch (e) {
        if (e instanceof RegexError) throw source.error(e.msg, cpLen(name ?? '') + 1);
        throw e;
      }
    }
    const subVerbose = (verbose || (addFlags & FLAG_VERBOSE) !== 0) && !(delFlags & FLAG_VERBOSE);
    const p = this.parseSub(subVerbose, nested + 1);
    if (!source.match(')')) throw source.error('missing ), unterminated subpattern', source.tell() - start);
    if (group !== null) state.closegroup(group, p);
    if (atomic) return { t: 'atomic', body: p };
    return { t: 'group', group, add: addFlags, del: delFlags, body: p };
  }

  parseFlags(ch: string): [number, number] | null {
    const source = this.source;
    const state = this.state;
    let addFlags = 0;
    let delFlags = 0;
    let char: string | null = ch;
    if (char !== '-') {
      for (;;) {
        const flag = INLINE_FLAGS[char!];
        if (source.istext) {
          if (char === 'L') throw source.error("bad inline flags: cannot use 'L' flag with a str pattern");
        } else if (char === 'u') {
          throw source.error("bad inline flags: cannot use 'u' flag with a bytes pattern");
        }
        addFlags |= flag;
        if (flag & TYPE_FLAGS && (addFlags & TYPE_FLAGS) !== flag) {
          throw source.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible");
        }
        char = source.get();
        if (char === null) throw source.error('missing -, : or )');
        if (char === ')' || char === '-' || char === ':') break;
        if (!(char in INLINE_FLAGS)) {
          throw source.error(isAlpha(char) ? 'unknown flag' : 'missing -, : or )', cpLen(char));
        }
      }
    }
    if (char === ')') {
      state.flags |= addFlags;
      return null;
    }
    if (addFlags & GLOBAL_FLAGS) throw source.error('bad inline flags: cannot turn on global flag', 1);
    if (char === '-') {
      char = source.get();
      if (char === null) throw source.error('missing flag');
      if (!(char in INLINE_FLAGS)) throw source.error(isAlpha(char) ? 'unknown flag' : 'missing flag', cpLen(char));
      for (;;) {
        const flag = INLINE_FLAGS[char!];
        if (flag & TYPE_FLAGS) throw source.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
        delFlags |= flag;
        char = source.get();
        if (char === null) throw source.error('missing :');
        if (char === ':') break;
        if (!(char in INLINE_FLAGS)) throw source.error(isAlpha(char) ? 'unknown flag' : 'missing :', cpLen(char));
      }
    }
    if (delFlags & GLOBAL_FLAGS) throw source.error('bad inline flags: cannot turn off global flag', 1);
    if (addFlags & delFlags) throw source.error('bad inline flags: flag turned on and off', 1);
    return [addFlags, delFlags];
  }
}

function setItemKey(it: SetItem): string {
  return it.k === 'lit' ? `l${it.c}` : it.k === 'range' ? `r${it.lo},${it.hi}` : `c${it.cat}`;
}

function uniqueItems(set: SetItem[]): SetItem[] {
  const uniq: SetItem[] = [];
  const seen = new Set<string>();
  for (const it of set) {
    const key = setItemKey(it);
    if (!seen.has(key)) {
      seen.add(key);
      uniq.push(it);
    }
  }
  return uniq;
}

/** Equality of items as sre compares them when factoring alternatives (compound items never match). */
function sameSimpleItem(a: Node, b: Node): boolean {
  switch (a.t) {
    case 'lit':
    case 'not_lit':
      return b.t === a.t && b.c === a.c;
    case 'any':
      return b.t === 'any';
    case 'at':
      return b.t === 'at' && b.at === a.at;
    case 'groupref':
      return b.t === 'groupref' && b.g === a.g;
    case 'set':
      return b.t === 'set' && b.neg === a.neg && b.items.length === a.items.length &&
        a.items.every((it, i) => setItemKey(it) === setItemKey(b.items[i]));
    default:
      return false;
  }
}

function isAlpha(s: string): boolean {
  return /^\p{L}+$/u.test(s);
}

/** Checks pattern-type flags as re.compile does and adds the implicit UNICODE flag for str patterns. */
export function fixFlags(isText: boolean, flags: number): number {
  if (isText) {
    if (flags & FLAG_LOCALE) throw new RegexOtherError('ValueError', 'cannot use LOCALE flag with a str pattern');
    if (!(flags & FLAG_ASCII)) flags |= FLAG_UNICODE;
    else if (flags & FLAG_UNICODE) throw new RegexOtherError('ValueError', 'ASCII and UNICODE flags are incompatible');
  } else {
    if (flags & FLAG_UNICODE) throw new RegexOtherError('ValueError', 'cannot use UNICODE flag with a bytes pattern');
    if (flags & FLAG_LOCALE && flags & FLAG_ASCII) throw new RegexOtherError('ValueError', 'ASCII and LOCALE flags are incompatible');
  }
  return flags;
}

export function parsePattern(pattern: string | Uint8Array, flags: number, lookup?: UnicodeNameLookup): ParsedPattern {
  const isText = typeof pattern === 'string';
  const source = new Tokenizer(pattern, isText);
  const state = new State();
  state.flags = flags;
  const parser = new Parser(source, state, lookup);
  const body = parser.parseSub((flags & FLAG_VERBOSE) !== 0, 0);
  state.flags = fixFlags(isText, state.flags);
  if (source.next !== null) throw source.error('unbalanced parenthesis');
  for (const [g, pos] of state.grouprefpos) {
    if (g >= state.groups) throw new RegexError(`invalid group reference ${g}`, pattern, pos);
  }
  return {
    body,
    flags: state.flags,
    groups: state.groups,
    groupindex: state.groupdict,
    isBytes: !isText,
    groupwidths: state.groupwidths,
  };
}
