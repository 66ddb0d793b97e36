// Compiles the parsed AST into a flat program for the backtracking matcher (match.ts).
import { RegexError } from './errors';
import {
  FLAG_ASCII, FLAG_DOTALL, FLAG_IGNORECASE, FLAG_LOCALE, FLAG_MULTILINE, FLAG_UNICODE,
  MAXREPEAT, getwidth, type AtCode, type Category, type Node, type ParsedPattern, type SetItem,
} from './parse';
import {
  asciiLower, extraCasesOf, isAsciiCased, isUnicodeCased, isUnicodeDigit, isUnicodeSpace, isUnicodeWord,
  lowerPreimagesOf, rangeHasCased, unicodeLower, unicodeUpper,
} from './unicode';

// Opcodes. Operands follow each opcode in Program.code.
export const enum Op {
  CHAR, // c
  NOT_CHAR, // c
  CHAR_IGN_UNI, // lower
  NOT_CHAR_IGN_UNI, // lower
  CHAR_IGN_ASCII, // lower
  NOT_CHAR_IGN_ASCII, // lower
  ANY,
  ANY_ALL,
  SET, // set index
  AT, // AtKind
  SAVE, // slot
  SPLIT, // alternative pc (try next instruction first)
  SPLIT_NR, // as SPLIT, in a region where sre restores only lastmark on failure (see Compiler.nr)
  JMP, // target
  REP_INIT, // r
  REP_CHECK, // r, min, max, kind(0 greedy, 1 lazy), exit pc
  REP_INC, // r, check pc
  REP_SINGLE, // min, max, kind (0 greedy, 1 lazy, 2 possessive; +4 in an NR region), next pc ; unit follows
  GROUPREF, // group, ignore mode (0 none, 1 ascii, 2 unicode)
  COND, // group, no pc
  ASSERT_START, // kind (0 ahead, 1 ahead neg, 2 behind, 3 behind neg), width, end pc (after ASSERT_END)
  ASSERT_END,
  ATOMIC_START,
  ATOMIC_END,
  MATCH,
}

export const enum AtKind {
  BEGINNING, BEGINNING_LINE, END, END_LINE, BEGINNING_STRING, END_STRING,
  BOUNDARY_UNI, NON_BOUNDARY_UNI, BOUNDARY_ASCII, NON_BOUNDARY_ASCII,
}

export type CharPredicate = (ch: number) => boolean;

export interface Program {
  code: Int32Array;
  sets: CharPredicate[];
  nrepeats: number;
  /** Whether the program has SPLIT_NR or NR single repeats. */
  usesNr: boolean;
  ngroups: number; // including group 0
  /** When every match must start with one particular character (case-sensitive), that character. */
  firstChar: number;
  /** A test every match's first character passes, or null when unknown / the match may be empty. */
  firstTest: CharPredicate | null;
}

const IGN_NONE = 0;
const IGN_ASCII = 1;
const IGN_UNI = 2;

function asciiWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function asciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function asciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function categoryTest(cat: Category, unicode: boolean): CharPredicate {
  switch (cat) {
    case 'digit': return unicode ? isUnicodeDigit : asciiDigit;
    case 'not_digit': return unicode ? (c) => !isUnicodeDigit(c) : (c) => !asciiDigit(c);
    case 'word': return unicode ? isUnicodeWord : asciiWord;
    case 'not_word': return unicode ? (c) => !isUnicodeWord(c) : (c) => !asciiWord(c);
    case 'space': return unicode ? isUnicodeSpace : asciiSpace;
    case 'not_space': return unicode ? (c) => !isUnicodeSpace(c) : (c) => !asciiSpace(c);
  }
}

/** Membership in the literal and range items of a set (categories excluded). */
function itemsTest(items: SetItem[]): CharPredicate {
  const lits = new Set<number>();
  const ranges: number[] = [];
  for (const it of items) {
    if (it.k === 'lit') lits.add(it.c);
    else if (it.k === 'range') ranges.push(it.lo, it.hi);
  }
  return (c) => {
    if (lits.has(c)) return true;
    for (let i = 0; i < ranges.length; i += 2) if (c >= ranges[i] && c <= ranges[i + 1]) return true;
    return false;
  };
}

/** Builds the predicate of a character set under the given flags, as sre's IN / IN_*_IGNORE. */
function setPredicate(items: SetItem[], neg: boolean, flags: number, isBytes: boolean): CharPredicate {
  const unicode = (flags & FLAG_UNICODE) !== 0 && !isBytes;
  const cats = items.filter((i) => i.k === 'cat').map((i) => categoryTest((i as { cat: Category }).cat, unicode));
  const inItems = itemsTest(items);
  let ign = IGN_NONE;
  if (flags & FLAG_IGNORECASE) {
    if (unicode && !(flags & FLAG_LOCALE)) {
      const hascased = items.some((i) => (i.k === 'lit' && (isUnicodeCased(i.c) || i.c > 0xffff)) || (i.k === 'range' && (i.hi > 0xffff || rangeHasCased(i.lo, i.hi))));
      if (hascased) ign = IGN_UNI;
    } else {
      // sre also treats any set with items beyond the BMP as cased.
      const hascased = items.some((i) => (i.k === 'lit' && (isAsciiCased(i.c) || i.c > 0xffff)) || (i.k === 'range' && ((i.lo <= 122 && i.hi >= 65) || i.hi > 0xffff)));
      if (hascased) ign = IGN_ASCII;
    }
  }
  let test: CharPredicate;
  if (ign === IGN_NONE) {
    test = (c) => {
      if (inItems(c)) return true;
      for (const t of cats) if (t(c)) return true;
      return false;
    };
  } else if (ign === IGN_ASCII) {
    // Ranges reaching beyond the BMP are also tried, as by sre, through the Unicode uppercase.
    const astralRanges: number[] = [];
    for (const it of items) if (it.k === 'range' && it.hi > 0xffff) astralRanges.push(it.lo, it.hi);
    test = (c) => {
      const lc = asciiLower(c);
      if (inItems(lc) || (lc >= 97 && lc <= 122 && inItems(lc - 32))) return true;
      if (astralRanges.length) {
        const uc = unicodeUpper(lc);
        for (let i = 0; i < astralRanges.length; i += 2) if (uc >= astralRanges[i] && uc <= astralRanges[i + 1]) return true;
      }
      for (const t of cats) if (t(lc)) return true;
      return false;
    };
  } else {
    // x matches when some BMP item i has lower(i) equal to lower(x) or to one of its extra case
    // forms. Like sre, items beyond the BMP are compared with lower(x) as written: a literal
    // exactly, a range also through the uppercase of lower(x).
    const bmpItems: SetItem[] = [];
    const astralLits = new Set<number>();
    const astralRanges: number[] = [];
    for (const it of items) {
      if (it.k === 'lit') {
        if (it.c > 0xffff) astralLits.add(it.c);
        else bmpItems.push(it);
      } else if (it.k === 'range') {
        if (it.hi > 0xffff) {
          astralRanges.push(it.lo, it.hi);
          if (it.lo <= 0xffff) bmpItems.push({ k: 'range', lo: it.lo, hi: 0xffff });
        } else {
          bmpItems.push(it);
        }
      }
    }
    const inBmp = itemsTest(bmpItems);
    const hasLowerIn = (t: number): boolean => {
      if (unicodeLower(t) === t && inBmp(t)) return true;
      for (const p of lowerPreimagesOf(t)) if (inBmp(p)) return true;
      return false;
    };
    const inAstral = (lc: number): boolean => {
      if (astralLits.has(lc)) return true;
      const uc = unicodeUpper(lc);
      for (let i = 0; i < astralRanges.length; i += 2) {
        if (lc >= astralRanges[i] && lc <= astralRanges[i + 1]) return true;
        if (uc >= astralRanges[i] && uc <= astralRanges[i + 1]) return true;
      }
      return false;
    };
    const hasAstral = astralLits.size > 0 || astralRanges.length > 0;
    test = (c) => {
      const lc = unicodeLower(c);
      if (hasLowerIn(lc)) return true;
      if (hasAstral && inAstral(lc)) return true;
      for (const e of extraCasesOf(lc)) if (hasLowerIn(e)) return true;
      for (const t of cats) if (t(lc)) return true;
      return false;
    };
  }
  const base = neg ? (c: number) => !test(c) : test;
  // Cache the answers for Latin-1 characters.
  const cache = new Uint8Array(256);
  for (let c = 0; c < 256; c++) cache[c] = base(c) ? 1 : 0;
  return (c) => (c < 256 ? cache[c] === 1 : base(c));
}

/** Repeat counts live in an Int32Array; counts this large cannot be reached before memory runs out. */
function clampCount(n: number): number {
  return Math.min(n, 0x7fffffff);
}

function ignoreMode(flags: number, isBytes: boolean): number {
  if (!(flags & FLAG_IGNORECASE)) return IGN_NONE;
  if (!isBytes && flags & FLAG_UNICODE) return IGN_UNI;
  return IGN_ASCII;
}

const GROUP_FLAG_MASK = FLAG_ASCII | FLAG_LOCALE | FLAG_UNICODE;

function combineFlags(flags: number, add: number, del: number): number {
  if (add & GROUP_FLAG_MASK) flags &= ~GROUP_FLAG_MASK;
  return (flags | add) & ~del;
}

class Compiler {
  code: number[] = [];
  sets: CharPredicate[] = [];
  nrepeats = 0;
  /**
   * True outside every greedy/lazy general repeat (possessive repeats open none). sre has no repeat
   * context there, so a failed alternative or single-character backtrack restores only lastmark:
   * marks below it keep values assigned in the failed path (e.g. an outer group's end set before a
   * later failure still counts for (?(1)...)).
   */
  nr = true;
  usesNr = false;
  /** Number of greedy/lazy general repeats around the code being compiled. */
  generalDepth = 0;

  constructor(readonly parsed: ParsedPattern) {
    // Without capture groups there are no marks, and the lastmark-only restore changes nothing.
    if (parsed.groups <= 1) this.nr = false;
  }

  emit(...xs: number[]): number {
    const at = this.code.length;
    this.code.push(...xs);
    return at;
  }

  /** Single-character node under flags, or null when the node is not a unit. */
  unitOf(seq: Node[], flags: number): { node: Node; flags: number } | null {
    if (seq.length !== 1) return null;
    const n = seq[0];
    if (n.t === 'group' && n.group === null) return this.unitOf(n.body, combineFlags(flags, n.add, n.del));
    if (n.t === 'lit' || n.t === 'not_lit' || n.t === 'any' || n.t === 'set') return { node: n, flags };
    return null;
  }

  compileUnit(n: Node, flags: number): void {
    const isBytes = this.parsed.isBytes;
    switch (n.t) {
      case 'lit':
      case 'not_lit': {
        const not = n.t === 'not_lit';
        const ign = ignoreMode(flags, isBytes);
        if (ign === IGN_NONE || (ign === IGN_UNI ? !isUnicodeCased(n.c) : !isAsciiCased(n.c))) {
          this.emit(not ? Op.NOT_CHAR : Op.CHAR, n.c);
        } else if (ign === IGN_ASCII) {
          this.emit(not ? Op.NOT_CHAR_IGN_ASCII : Op.CHAR_IGN_ASCII, asciiLower(n.c));
        } else {
          const lo = unicodeLower(n.c);
          const extra = extraCasesOf(lo);
          if (extra.length === 0) {
            this.emit(not ? Op.NOT_CHAR_IGN_UNI : Op.CHAR_IGN_UNI, lo);
          } else {
            const members = new Set([lo, ...extra]);
            const test: CharPredicate = (c) => members.has(unicodeLower(c));
            this.sets.push(not ? (c) => !test(c) : test);
            this.emit(Op.SET, this.sets.length - 1);
          }
        }
        return;
      }
      case 'any':
        this.emit(flags & FLAG_DOTALL ? Op.ANY_ALL : Op.ANY);
        return;
      case 'set':
        this.sets.push(setPredicate(n.items, n.neg, flags, isBytes));
        this.emit(Op.SET, this.sets.length - 1);
        return;
      default:
        throw new Error('not a unit');
    }
  }

  compileSeq(seq: Node[], flags: number): void {
    for (const n of seq) this.compileNode(n, flags);
  }

  compileNode(n: Node, flags: number): void {
    switch (n.t) {
      case 'lit': case 'not_lit': case 'any': case 'set':
        this.compileUnit(n, flags);
        return;
      case 'at':
        this.emit(Op.AT, this.atKind(n.at, flags));
        return;
      case 'group': {
        const inner = combineFlags(flags, n.add, n.del);
        if (n.group !== null) this.emit(Op.SAVE, n.group * 2);
        this.compileSeq(n.body, inner);
        if (n.group !== null) this.emit(Op.SAVE, n.group * 2 + 1);
        return;
      }
      case 'branch': {
        const jumps: number[] = [];
        for (let i = 0; i < n.alts.length; i++) {
          if (i < n.alts.length - 1) {
            const split = this.emit(this.nr ? Op.SPLIT_NR : Op.SPLIT, 0);
            if (this.nr) this.usesNr = true;
            this.compileSeq(n.alts[i], flags);
            jumps.push(this.emit(Op.JMP, 0));
            this.code[split + 1] = this.code.length;
          } else {
            this.compileSeq(n.alts[i], flags);
          }
        }
        for (const j of jumps) this.code[j + 1] = this.code.length;
        return;
      }
      case 'repeat':
        this.compileRepeat(n, flags);
        return;
      case 'groupref':
        this.emit(Op.GROUPREF, n.g, ignoreMode(flags, this.parsed.isBytes));
        return;
      case 'cond': {
        const cond = this.emit(Op.COND, n.g, 0);
        this.compileSeq(n.yes, flags);
        if (n.no !== null) {
          const j = this.emit(Op.JMP, 0);
          this.code[cond + 2] = this.code.length;
          this.compileSeq(n.no, flags);
          this.code[j + 1] = this.code.length;
        } else {
          this.code[cond + 2] = this.code.length;
        }
        return;
      }
      case 'assert': {
        let width = 0;
        if (n.behind) {
          const [lo, hi] = getwidth(n.body, this.parsed);
          if (lo !== hi) throw new RegexError('look-behind requires fixed-width pattern');
          width = lo;
        }
        const kind = (n.behind ? 2 : 0) + (n.neg ? 1 : 0);
        const start = this.emit(Op.ASSERT_START, kind, width, 0);
        this.compileSeq(n.body, flags);
        this.emit(Op.ASSERT_END);
        this.code[start + 3] = this.code.length;
        return;
      }
      case 'atomic':
        this.emit(Op.ATOMIC_START);
        this.compileSeq(n.body, flags);
        this.emit(Op.ATOMIC_END);
        return;
    }
  }

  atKind(at: AtCode, flags: number): AtKind {
    const unicode = (flags & FLAG_UNICODE) !== 0 && !this.parsed.isBytes;
    switch (at) {
      case 'beginning': return flags & FLAG_MULTILINE ? AtKind.BEGINNING_LINE : AtKind.BEGINNING;
      case 'end': return flags & FLAG_MULTILINE ? AtKind.END_LINE : AtKind.END;
      case 'beginning_string': return AtKind.BEGINNING_STRING;
      case 'end_string': return AtKind.END_STRING;
      case 'boundary': return unicode ? AtKind.BOUNDARY_UNI : AtKind.BOUNDARY_ASCII;
      case 'non_boundary': return unicode ? AtKind.NON_BOUNDARY_UNI : AtKind.NON_BOUNDARY_ASCII;
    }
  }

  compileRepeat(n: Extract<Node, { t: 'repeat' }>, flags: number): void {
    const unit = this.unitOf(n.body, flags);
    const kind = n.kind === 'greedy' ? 0 : n.kind === 'lazy' ? 1 : 2;
    if (unit) {
      if (this.nr) this.usesNr = true;
      const at = this.emit(Op.REP_SINGLE, clampCount(n.min), n.max === MAXREPEAT ? -1 : clampCount(n.max), kind + (this.nr ? 4 : 0), 0);
      this.compileUnit(unit.node, unit.flags);
      this.code[at + 4] = this.code.length;
      return;
    }
    if (kind === 2) this.emit(Op.ATOMIC_START);
    const r = this.nrepeats++;
    this.emit(Op.REP_INIT, r);
    const check = this.emit(Op.REP_CHECK, r, clampCount(n.min), n.max === MAXREPEAT ? -1 : clampCount(n.max), kind === 1 ? 1 : 0, 0);
    const outerNr = this.nr;
    const outerDepth = this.generalDepth;
    // A possessive repeat opens no repeat context of its own.
    if (kind !== 2) this.generalDepth++;
    this.nr = this.generalDepth === 0 && this.parsed.groups > 1;
    // sre commits to each iteration of a possessive repeat as soon as it matches.
    if (kind === 2) this.emit(Op.ATOMIC_START);
    this.compileSeq(n.body, flags);
    if (kind === 2) this.emit(Op.ATOMIC_END);
    this.nr = outerNr;
    this.generalDepth = outerDepth;
    this.emit(Op.REP_INC, r, check);
    this.code[check + 5] = this.code.length;
    if (kind === 2) this.emit(Op.ATOMIC_END);
  }
}

/** Computes a first-character filter for search: a predicate every match's first character satisfies. */
function firstInfo(c: Compiler): { firstChar: number; firstTest: CharPredicate | null } {
  const code = c.code;
  let pc = 0;
  // Skip group-0-irrelevant SAVE instructions at the start.
  while (code[pc] === Op.SAVE) pc += 2;
  const op = code[pc];
  switch (op) {
    case Op.CHAR: {
      const ch = code[pc + 1];
      return { firstChar: ch, firstTest: (x) => x === ch };
    }
    case Op.CHAR_IGN_UNI: {
      const lo = code[pc + 1];
      return { firstChar: -1, firstTest: (x) => unicodeLower(x) === lo };
    }
    case Op.CHAR_IGN_ASCII: {
      const lo = code[pc + 1];
      return { firstChar: -1, firstTest: (x) => asciiLower(x) === lo };
    }
    case Op.SET:
      return { firstChar: -1, firstTest: c.sets[code[pc + 1]] };
    case Op.REP_SINGLE:
      if (code[pc + 1] > 0) {
        const unitPc = pc + 5;
        const uop = code[unitPc];
        if (uop === Op.CHAR) {
          const ch = code[unitPc + 1];
          return { firstChar: ch, firstTest: (x) => x === ch };
        }
        if (uop === Op.SET) return { firstChar: -1, firstTest: c.sets[code[unitPc + 1]] };
      }
      break;
    default:
      break;
  }
  return { firstChar: -1, firstTest: null };
}

export function compileProgram(parsed: ParsedPattern): Program {
  const c = new Compiler(parsed);
  c.compileSeq(parsed.body, parsed.flags);
  c.emit(Op.MATCH);
  const { firstChar, firstTest } = firstInfo(c);
  return {
    code: Int32Array.from(c.code),
    sets: c.sets,
    nrepeats: c.nrepeats,
    usesNr: c.usesNr,
    ngroups: parsed.groups,
    firstChar,
    firstTest,
  };
}
