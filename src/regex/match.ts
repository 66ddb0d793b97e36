// The backtracking matcher: runs a compiled Program over code points with an explicit backtrack stack
// (never recursion), following sre's semantics.
import { AtKind, Op, type Program } from './compile';
import { RegexOtherError } from './errors';
import { asciiLower, isUnicodeWord, unicodeLower } from './unicode';

/** Default backtrack stack limit in ints (512 MiB). */
export const DEFAULT_MAX_STACK = 1 << 27;

// Backtrack stack entries are 4 ints: [kind, a, b, c].
const BT_BRANCH = 0; // a = pc, b = pos
const BT_UNDO_CAP = 1; // a = slot, b = old value, c = old lastindex
const BT_UNDO_REP = 2; // a = repeat, b = old count, c = old start
const BT_SINGLE_GREEDY = 3; // a = pc of REP_SINGLE, b = lowest position, c = current position
const BT_SINGLE_LAZY = 4; // a = pc of REP_SINGLE, b = position, c = count
const BT_LAZY_ITER = 5; // a = pc of REP_CHECK, b = pos
const BT_BARRIER = 6; // a = pc of ASSERT_START / ATOMIC_START, b = pos
const BT_REP_EXIT = 11; // a = pc of REP_CHECK, b = pos, c = old start: leave a greedy loop
// Choice points in NR regions (see Compiler.nr): the entry below each holds BT_NR_INFO.
const BT_NR_INFO = 7; // a = lastmark (highest set mark slot), b = lastindex
const BT_BRANCH_NR = 8; // as BT_BRANCH
const BT_SINGLE_GREEDY_NR = 9; // as BT_SINGLE_GREEDY
const BT_SINGLE_LAZY_NR = 10; // as BT_SINGLE_LAZY

export interface MatchResult {
  /** start/end per group (group 0 first); -1 when the group did not participate. */
  spans: number[];
  /** The last group closed (re's lastindex), or -1. */
  lastindex: number;
}

function asciiWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

export class Matcher {
  private bt = new Int32Array(256);
  private sp = 0;
  private barriers: number[] = [];
  private caps: Int32Array;
  private counts: Int32Array;
  private starts: Int32Array;
  private lastindex = -1;

  private backtracks = 0;

  /**
   * checkInterrupt, when given, is called every 65536 backtracks so a long (catastrophic) match can
   * be interrupted as sre checks signals; whatever it throws propagates out of the match.
   */
  constructor(readonly prog: Program, private readonly maxStack = DEFAULT_MAX_STACK, private readonly checkInterrupt?: () => void) {
    this.caps = new Int32Array(prog.ngroups * 2).fill(-1);
    this.counts = new Int32Array(prog.nrepeats);
    this.starts = new Int32Array(prog.nrepeats).fill(-1);
  }

  private push(kind: number, a: number, b: number, c: number): void {
    let sp = this.sp;
    if (sp + 4 > this.bt.length) {
      // python3 runs out of memory on such matches too; report it as MemoryError, not a JS crash
      if (this.bt.length >= this.maxStack) throw new RegexOtherError('MemoryError', '');
      let bigger: typeof this.bt;
      try {
        bigger = new Int32Array(this.bt.length * 2);
      } catch {
        throw new RegexOtherError('MemoryError', '');
      }
      bigger.set(this.bt);
      this.bt = bigger;
    }
    const bt = this.bt;
    bt[sp] = kind;
    bt[sp + 1] = a;
    bt[sp + 2] = b;
    bt[sp + 3] = c;
    this.sp = sp + 4;
  }

  private testUnit(pc: number, ch: number): boolean {
    const code = this.prog.code;
    switch (code[pc]) {
      case Op.CHAR: return ch === code[pc + 1];
      case Op.NOT_CHAR: return ch !== code[pc + 1];
      case Op.CHAR_IGN_UNI: return unicodeLower(ch) === code[pc + 1];
      case Op.NOT_CHAR_IGN_UNI: return unicodeLower(ch) !== code[pc + 1];
      case Op.CHAR_IGN_ASCII: return asciiLower(ch) === code[pc + 1];
      case Op.NOT_CHAR_IGN_ASCII: return asciiLower(ch) !== code[pc + 1];
      case Op.ANY: return ch !== 10;
      case Op.ANY_ALL: return true;
      case Op.SET: return this.prog.sets[code[pc + 1]](ch);
      default: return false;
    }
  }

  private unitLength(pc: number): number {
    const op = this.prog.code[pc];
    return op === Op.ANY || op === Op.ANY_ALL ? 1 : 2;
  }

  /**
   * Tries to match at `start` in s[0:end]. Returns the result or null.
   * fullmatch: the match must end at `end`; mustAdvance: the match must not be empty.
   */
  matchAt(s: Int32Array, start: number, end: number, fullmatch: boolean, mustAdvance: boolean): MatchResult | null {
    const prog = this.prog;
    const code = prog.code;
    const caps = this.caps;
    const counts = this.counts;
    const starts = this.starts;
    this.sp = 0;
    if (this.barriers.length) this.barriers.length = 0;
    this.lastindex = -1;
    caps.fill(-1);
    starts.fill(-1);
    let pc = 0;
    let pos = start;
    for (;;) {
      let fail = false;
      switch (code[pc]) {
        case Op.CHAR:
          if (pos < end && s[pos] === code[pc + 1]) { pos++; pc += 2; } else fail = true;
          break;
        case Op.NOT_CHAR:
          if (pos < end && s[pos] !== code[pc + 1]) { pos++; pc += 2; } else fail = true;
          break;
        case Op.CHAR_IGN_UNI:
          if (pos < end && unicodeLower(s[pos]) === code[pc + 1]) { pos++; pc += 2; } else fail = true;
          break;
        case Op.NOT_CHAR_IGN_UNI:
          if (pos < end && unicodeLower(s[pos]) !== code[pc + 1]) { pos++; pc += 2; } else fail = true;
          break;
        case Op.CHAR_IGN_ASCII:
          if (pos < end && asciiLower(s[pos]) === code[pc + 1]) { pos++; pc += 2; } else fail = true;
          break;
        case Op.NOT_CHAR_IGN_ASCII:
          if (pos < end && asciiLower(s[pos]) !== code[pc + 1]) { pos++; pc += 2; } else fail = true;
          break;
        case Op.ANY:
          if (pos < end && s[pos] !== 10) { pos++; pc += 1; } else fail = true;
          break;
        case Op.ANY_ALL:
          if (pos < end) { pos++; pc += 1; } else fail = true;
          break;
        case Op.SET:
          if (pos < end && prog.sets[code[pc + 1]](s[pos])) { pos++; pc += 2; } else fail = true;
          break;
        case Op.AT:
          if (this.at(code[pc + 1], s, pos, end)) pc += 2;
          else fail = true;
          break;
        case Op.SAVE: {
          const slot = code[pc + 1];
          this.push(BT_UNDO_CAP, slot, caps[slot], this.lastindex);
          caps[slot] = pos;
          if (slot & 1) this.lastindex = slot >> 1;
          pc += 2;
          break;
        }
        case Op.SPLIT:
          this.push(BT_BRANCH, code[pc + 1], pos, 0);
          pc += 2;
          break;
        case Op.SPLIT_NR:
          this.push(BT_NR_INFO, this.lastmark(), this.lastindex, 0);
          this.push(BT_BRANCH_NR, code[pc + 1], pos, 0);
          pc += 2;
          break;
        case Op.JMP:
          pc = code[pc + 1];
          break;
        case Op.REP_INIT: {
          const r = code[pc + 1];
          this.push(BT_UNDO_REP, r, counts[r], starts[r]);
          counts[r] = 0;
          starts[r] = -1;
          pc += 2;
          break;
        }
        case Op.REP_CHECK: {
          const r = code[pc + 1];
          const c = counts[r];
          if (c < code[pc + 2]) {
            // Like sre, only optional iterations record where they start (for the empty-iteration check).
            pc += 6;
            break;
          }
          const max = code[pc + 3];
          const canIter = (max < 0 || c < max) && pos !== starts[r];
          if (!canIter) {
            pc = code[pc + 5];
          } else if (code[pc + 4] === 0) {
            // one entry both restores the iteration start and resumes after the loop
            this.push(BT_REP_EXIT, pc, pos, starts[r]);
            starts[r] = pos;
            pc += 6;
          } else {
            this.push(BT_LAZY_ITER, pc, pos, 0);
            pc = code[pc + 5];
          }
          break;
        }
        case Op.REP_INC: {
          const r = code[pc + 1];
          this.push(BT_UNDO_REP, r, counts[r], starts[r]);
          counts[r]++;
          pc = code[pc + 2];
          break;
        }
        case Op.REP_SINGLE: {
          const min = code[pc + 1];
          const max = code[pc + 2];
          const kind = code[pc + 3] & 3;
          const nr = (code[pc + 3] & 4) !== 0;
          const unit = pc + 5;
          if (kind === 1) {
            // lazy: take the minimum now, more on backtracking
            let n = 0;
            while (n < min && pos + n < end && this.testUnit(unit, s[pos + n])) n++;
            if (n < min) { fail = true; break; }
            pos += n;
            if (max < 0 || n < max) {
              if (nr) {
                this.push(BT_NR_INFO, this.lastmark(), this.lastindex, 0);
                this.push(BT_SINGLE_LAZY_NR, pc, pos, n);
              } else {
                this.push(BT_SINGLE_LAZY, pc, pos, n);
              }
            }
            pc = code[pc + 4];
            break;
          }
          const limit = max < 0 || end - pos < max ? end : pos + max;
          let p = pos;
          switch (code[unit]) {
            case Op.SET: {
              const pred = prog.sets[code[unit + 1]];
              while (p < limit && pred(s[p])) p++;
              break;
            }
            case Op.ANY_ALL:
              p = limit;
              break;
            case Op.ANY:
              while (p < limit && s[p] !== 10) p++;
              break;
            case Op.CHAR: {
              const ch = code[unit + 1];
              while (p < limit && s[p] === ch) p++;
              break;
            }
            default:
              while (p < limit && this.testUnit(unit, s[p])) p++;
          }
          if (p - pos < min) { fail = true; break; }
          if (kind === 0 && p - pos > min) {
            if (nr) {
              this.push(BT_NR_INFO, this.lastmark(), this.lastindex, 0);
              this.push(BT_SINGLE_GREEDY_NR, pc, pos + min, p);
            } else {
              this.push(BT_SINGLE_GREEDY, pc, pos + min, p);
            }
          }
          pos = p;
          pc = code[pc + 4];
          break;
        }
        case Op.GROUPREF: {
          const g = code[pc + 1];
          const gs = caps[g * 2];
          const ge = caps[g * 2 + 1];
          if (gs < 0 || ge < 0 || ge < gs) { fail = true; break; }
          const len = ge - gs;
          if (pos + len > end) { fail = true; break; }
          const ign = code[pc + 2];
          for (let i = 0; i < len; i++) {
            const a = s[gs + i];
            const b = s[pos + i];
            if (a === b) continue;
            if (ign === 2 && unicodeLower(a) === unicodeLower(b)) continue;
            if (ign === 1 && asciiLower(a) === asciiLower(b)) continue;
            fail = true;
            break;
          }
          if (!fail) {
            pos += len;
            pc += 3;
          }
          break;
        }
        case Op.COND: {
          const g = code[pc + 1];
          // sre: a group counts as matched only when both marks are set and end >= start (a group
          // re-opened in a later iteration has its new start after its old end).
          if (caps[g * 2] >= 0 && caps[g * 2 + 1] >= caps[g * 2]) pc += 3;
          else pc = code[pc + 2];
          break;
        }
        case Op.ASSERT_START: {
          const kind = code[pc + 1];
          if (kind >= 2) {
            const width = code[pc + 2];
            if (pos - width < 0) {
              // not enough text behind: the look-behind body cannot match
              if (kind === 3) pc = code[pc + 3];
              else fail = true;
              break;
            }
            this.barriers.push(this.sp);
            this.push(BT_BARRIER, pc, pos, 0);
            pos -= width;
          } else {
            this.barriers.push(this.sp);
            this.push(BT_BARRIER, pc, pos, 0);
          }
          pc += 4;
          break;
        }
        case Op.ASSERT_END: {
          const h = this.barriers.pop()!;
          const startPc = this.bt[h + 1];
          const savedPos = this.bt[h + 2];
          const kind = code[startPc + 1];
          if (kind & 1) {
            // negative assertion whose body matched: undo the body, then fail
            this.unwindTo(h);
            this.sp = h;
            fail = true;
          } else {
            this.cut(h);
            pos = savedPos;
            pc = code[startPc + 3];
          }
          break;
        }
        case Op.ATOMIC_START:
          this.barriers.push(this.sp);
          this.push(BT_BARRIER, pc, pos, 0);
          pc += 1;
          break;
        case Op.ATOMIC_END:
          this.cut(this.barriers.pop()!);
          pc += 1;
          break;
        case Op.MATCH:
          if ((fullmatch && pos !== end) || (mustAdvance && pos === start)) {
            fail = true;
            break;
          }
          caps[0] = start;
          caps[1] = pos;
          {
            const n = caps.length;
            const spans: number[] = new Array(n);
            spans[0] = start;
            spans[1] = pos;
            for (let i = 2; i < n; i += 2) {
              const a = caps[i];
              const b = caps[i + 1];
              if (a < 0 || b < 0) spans[i] = spans[i + 1] = -1;
              else {
                spans[i] = a;
                spans[i + 1] = b;
              }
            }
            return { spans, lastindex: this.lastindex };
          }
        default:
          throw new Error(`regex: bad opcode ${code[pc]}`);
      }
      if (!fail) continue;
      // Backtrack: pop entries until one gives a new state to resume from.
      const r = this.backtrack(s, end);
      if (r < 0) return null;
      pc = this.resumePc;
      pos = r;
    }
  }

  private resumePc = 0;
  /** Undo entries popped since the last resumption, applied once its kind is known (NR regions only). */
  private pending: number[] = [];

  /** Highest capture slot set, as sre's lastmark (in slot numbering). */
  private lastmark(): number {
    const caps = this.caps;
    for (let i = caps.length - 1; i >= 2; i--) if (caps[i] >= 0) return i;
    return -1;
  }

  private applyPending(nrLastmark: number, nrLastindex: number, nr: boolean): void {
    const pending = this.pending;
    if (pending.length === 0) {
      if (nr) this.lastindex = nrLastindex;
      return;
    }
    const caps = this.caps;
    if (nr) {
      // sre restores lastmark only: marks above it are dropped, marks below keep their values
      // (their undo entries go back on the stack for an enclosing iteration's full restore).
      for (let i = 0; i < pending.length; i += 3) if (pending[i] > nrLastmark) caps[pending[i]] = -1;
      for (let i = pending.length - 3; i >= 0; i -= 3) {
        if (pending[i] <= nrLastmark) this.push(BT_UNDO_CAP, pending[i], pending[i + 1], pending[i + 2]);
      }
      this.lastindex = nrLastindex;
    } else {
      for (let i = 0; i < pending.length; i += 3) {
        caps[pending[i]] = pending[i + 1];
        this.lastindex = pending[i + 2];
      }
    }
    pending.length = 0;
  }

  /** Pops entries until one gives a state to resume from; returns its position (pc in resumePc) or -1. */
  private backtrack(s: Int32Array, end: number): number {
    if (this.checkInterrupt !== undefined && (++this.backtracks & 0xffff) === 0) this.checkInterrupt();
    const code = this.prog.code;
    const caps = this.caps;
    const counts = this.counts;
    const starts = this.starts;
    const deferred = this.prog.usesNr;
    const bt = this.bt;
    while (this.sp > 0) {
      const sp = this.sp - 4;
      const kind = bt[sp];
      const a = bt[sp + 1];
      const b = bt[sp + 2];
      const c = bt[sp + 3];
      this.sp = sp;
      switch (kind) {
        case BT_BRANCH:
          if (deferred) this.applyPending(0, 0, false);
          this.resumePc = a;
          return b;
        case BT_REP_EXIT:
          if (deferred) this.applyPending(0, 0, false);
          starts[code[a + 1]] = c;
          this.resumePc = code[a + 5];
          return b;
        case BT_UNDO_CAP:
          if (deferred) {
            this.pending.push(a, b, c);
          } else {
            caps[a] = b;
            this.lastindex = c;
          }
          break;
        case BT_UNDO_REP:
          counts[a] = b;
          starts[a] = c;
          break;
        case BT_SINGLE_GREEDY:
        case BT_SINGLE_GREEDY_NR: {
          let infoLm = 0;
          let infoLi = 0;
          if (kind === BT_SINGLE_GREEDY_NR) {
            this.sp -= 4;
            infoLm = bt[this.sp + 1];
            infoLi = bt[this.sp + 2];
          }
          let cur = c - 1;
          const next = code[a + 4];
          // If the continuation starts with a literal, skip positions where it cannot match.
          if (code[next] === Op.CHAR) {
            const ch = code[next + 1];
            while (cur >= b && s[cur] !== ch) cur--;
            if (cur < b) break;
          }
          if (deferred) this.applyPending(infoLm, infoLi, kind === BT_SINGLE_GREEDY_NR);
          if (cur > b) {
            if (kind === BT_SINGLE_GREEDY_NR) this.push(BT_NR_INFO, infoLm, infoLi, 0);
            this.push(kind, a, b, cur);
          }
          this.resumePc = next;
          return cur;
        }
        case BT_SINGLE_LAZY:
        case BT_SINGLE_LAZY_NR: {
          let infoLm = 0;
          let infoLi = 0;
          if (kind === BT_SINGLE_LAZY_NR) {
            this.sp -= 4;
            infoLm = bt[this.sp + 1];
            infoLi = bt[this.sp + 2];
          }
          const max = code[a + 2];
          if ((max < 0 || c < max) && b < end && this.testUnit(a + 5, s[b])) {
            if (deferred) this.applyPending(infoLm, infoLi, kind === BT_SINGLE_LAZY_NR);
            if (max < 0 || c + 1 < max) {
              if (kind === BT_SINGLE_LAZY_NR) this.push(BT_NR_INFO, infoLm, infoLi, 0);
              this.push(kind, a, b + 1, c + 1);
            }
            this.resumePc = code[a + 4];
            return b + 1;
          }
          break;
        }
        case BT_BRANCH_NR: {
          this.sp -= 4;
          if (deferred) this.applyPending(bt[this.sp + 1], bt[this.sp + 2], true);
          this.resumePc = a;
          return b;
        }
        case BT_LAZY_ITER: {
          if (deferred) this.applyPending(0, 0, false);
          const r = code[a + 1];
          this.push(BT_UNDO_REP, r, counts[r], starts[r]);
          starts[r] = b;
          this.resumePc = a + 6;
          return b;
        }
        case BT_BARRIER: {
          this.barriers.pop();
          if (code[a] === Op.ASSERT_START && code[a + 1] & 1) {
            // negative assertion whose body failed: the assertion succeeds
            if (deferred) this.applyPending(0, 0, false);
            this.resumePc = code[a + 3];
            return b;
          }
          break;
        }
        default:
          break;
      }
    }
    if (deferred) this.applyPending(0, 0, false);
    return -1;
  }

  /** Applies the undo entries above height h (used when a negative assertion's body matched). */
  private unwindTo(h: number): void {
    const bt = this.bt;
    for (let sp = this.sp - 4; sp > h; sp -= 4) {
      const kind = bt[sp];
      if (kind === BT_UNDO_CAP) {
        this.caps[bt[sp + 1]] = bt[sp + 2];
        this.lastindex = bt[sp + 3];
      } else if (kind === BT_UNDO_REP) {
        this.counts[bt[sp + 1]] = bt[sp + 2];
        this.starts[bt[sp + 1]] = bt[sp + 3];
      } else if (kind === BT_BARRIER) {
        // an inner barrier still on the stack belongs to a finished group; nothing to undo
      }
    }
  }

  /** Drops the choice points from height h up (the barrier included), keeping undo entries. */
  private cut(h: number): void {
    const bt = this.bt;
    let w = h;
    for (let r = h + 4; r < this.sp; r += 4) {
      const kind = bt[r];
      if (kind === BT_UNDO_CAP || kind === BT_UNDO_REP) {
        if (w !== r) {
          bt[w] = kind;
          bt[w + 1] = bt[r + 1];
          bt[w + 2] = bt[r + 2];
          bt[w + 3] = bt[r + 3];
        }
        w += 4;
      }
    }
    this.sp = w;
  }

  private at(kind: number, s: Int32Array, pos: number, end: number): boolean {
    switch (kind) {
      case AtKind.BEGINNING:
      case AtKind.BEGINNING_STRING:
        return pos === 0;
      case AtKind.BEGINNING_LINE:
        return pos === 0 || s[pos - 1] === 10;
      case AtKind.END:
        return pos === end || (pos === end - 1 && s[pos] === 10);
      case AtKind.END_LINE:
        return pos === end || s[pos] === 10;
      case AtKind.END_STRING:
        return pos === end;
      case AtKind.BOUNDARY_UNI:
      case AtKind.NON_BOUNDARY_UNI: {
        if (pos === 0 && end === 0) return false;
        const before = pos > 0 && isUnicodeWord(s[pos - 1]);
        const after = pos < end && isUnicodeWord(s[pos]);
        return (before !== after) === (kind === AtKind.BOUNDARY_UNI);
      }
      case AtKind.BOUNDARY_ASCII:
      case AtKind.NON_BOUNDARY_ASCII: {
        if (pos === 0 && end === 0) return false;
        const before = pos > 0 && asciiWord(s[pos - 1]);
        const after = pos < end && asciiWord(s[pos]);
        return (before !== after) === (kind === AtKind.BOUNDARY_ASCII);
      }
      default:
        return false;
    }
  }

  /** Searches for the leftmost match starting at or after `start`. */
  search(s: Int32Array, start: number, end: number, mustAdvance: boolean): MatchResult | null {
    const { firstTest, firstChar } = this.prog;
    for (let p = start; p <= end; p++) {
      if (firstChar >= 0) {
        // native scan for the character every match starts with
        const q = s.indexOf(firstChar, p);
        if (q < 0 || q >= end) return null;
        p = q;
      } else if (firstTest !== null) {
        while (p < end && !firstTest(s[p])) p++;
        if (p >= end) return null;
      }
      const m = this.matchAt(s, p, end, false, mustAdvance && p === start);
      if (m) return m;
    }
    return null;
  }
}
