// Python 3.11's tokenizer, on char codes. Tokens are produced on demand (the parser pulls them),
// so that, as in CPython, a lexical error after a syntax error is never the one reported.
import { PySyntaxError, deferredError, type SyntaxErrorKind } from './errors';

export const enum T {
  ENDMARKER = 0,
  NAME = 1,
  NUMBER = 2,
  STRING = 3,
  NEWLINE = 4,
  INDENT = 5,
  DEDENT = 6,
  OP = 7,
  /** End of input inside brackets (CPython's ERRORTOKEN with E_EOF). */
  EOF_IN_BRACKETS = 8,
}

export interface Token {
  type: T;
  /** The token's text (for NAME: the NFKC-normalised identifier). */
  string: string;
  /** Character index of the token's first and past-last character in the source. */
  start: number;
  end: number;
  lineno: number;
  /** UTF-8 byte column, as CPython's col_offset. */
  col: number;
  end_lineno: number;
  end_col: number;
  /** Bracket nesting depth after this token (CPython's tok->level). */
  level: number;
  /** INDENT/DEDENT/ENDMARKER: errors at this token use the tokenizer's cursor (`start`). */
  noPos?: boolean;
}

const MAXINDENT = 100;
const MAXLEVEL = 200;
const TABSIZE = 8;

// Operators by length; the longest match wins.
const OPS3 = new Set(['**=', '...', '<<=', '>>=', '//=', '!=']);
const OPS2 = new Set([
  '!=', '%=', '&=', '**', '*=', '+=', '-=', '->', '//', '/=', ':=', '<<', '<=', '==', '>=', '>>', '@=', '^=', '|=', '<>',
]);
const OPS1 = new Set(['%', '&', '(', ')', '*', '+', ',', '-', '.', '/', ':', ';', '<', '=', '>', '@', '[', ']', '^', '{', '|', '}', '~']);

const NUMBER_KEYWORD_FOLLOWERS = ['and', 'else', 'for', 'if', 'in', 'is', 'not', 'or'];

const ID_START = /[\p{XID_Start}_]/u;
const ID_CONTINUE = /[\p{XID_Continue}]/u;

function isAsciiIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isAsciiIdChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Source text and the mapping from character indexes to lines and UTF-8 columns. */
export class SourceText {
  readonly text: string;
  readonly ascii: boolean;
  readonly lineStarts: number[] = [0];

  constructor(text: string) {
    this.text = text;
    // eslint-disable-next-line no-control-regex
    this.ascii = !/[^\x00-\x7f]/.test(text);
  }

  /** UTF-8 byte length of text[from, to). */
  byteLen(from: number, to: number): number {
    if (this.ascii) return to - from;
    const s = this.text;
    let n = 0;
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { n += 4; i++; } else n += 3;
      } else n += 3;
    }
    return n;
  }

  /** Start index of the (1-based) line. */
  lineStart(lineno: number): number {
    return this.lineStarts[lineno - 1] ?? this.text.length;
  }

  /** The text of a line including its newline. */
  lineText(lineno: number): string {
    const start = this.lineStart(lineno);
    let end = this.text.indexOf('\n', start);
    end = end < 0 ? this.text.length : end + 1;
    return this.text.slice(start, end);
  }

  /** Number of code points in text[from, to) (CPython reports error offsets in characters). */
  charLen(from: number, to: number): number {
    if (this.ascii) return to - from;
    let n = 0;
    for (let i = from; i < to; i++) {
      const c = this.text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
        const d = this.text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
      n++;
    }
    return n;
  }
}

interface Bracket {
  ch: number;
  lineno: number;
  /** char index of the bracket */
  pos: number;
}

export class Tokenizer {
  readonly src: SourceText;
  private readonly s: string;
  private pos = 0;
  lineno = 1;
  private lineStart = 0;
  private atBol = true;
  private pendingDedents = 0;
  private readonly indents: number[] = [0];
  private readonly altIndents: number[] = [0];
  readonly brackets: Bracket[] = [];
  private done = false;
  /** Position of the last NEWLINE-producing line end, for DEDENT/ENDMARKER placement. */
  private contLine = false;

  constructor(src: SourceText, readonly filename: string) {
    this.src = src;
    this.s = src.text;
  }

  error(msg: string, lineno: number, startPos: number, endLineno?: number, endPos?: number, kind: SyntaxErrorKind = 'SyntaxError', noNewlineText = false): PySyntaxError {
    const src = this.src;
    const ls = src.lineStart(lineno);
    let text = src.lineText(lineno);
    if (noNewlineText && text.endsWith('\n')) text = text.slice(0, -1);
    const offset = src.charLen(ls, Math.max(ls, startPos)) + 1;
    let endOffset: number;
    const el = endLineno ?? lineno;
    if (endPos === undefined) endOffset = offset;
    else if (endPos < 0) endOffset = endPos;
    else endOffset = src.charLen(src.lineStart(el), Math.max(src.lineStart(el), endPos)) + 1;
    return new PySyntaxError(kind, msg, this.filename, lineno, offset, text, el, endOffset);
  }

  private newLine(pos: number): void {
    this.lineno++;
    this.lineStart = pos;
    if (this.src.lineStarts.length < this.lineno) this.src.lineStarts.push(pos);
  }

  private col(pos: number): number {
    return this.src.byteLen(this.lineStart, pos);
  }

  private make(type: T, str: string, start: number, end: number): Token {
    const col = this.col(start);
    return { type, string: str, start, end, lineno: this.lineno, col, end_lineno: this.lineno, end_col: col + this.src.byteLen(start, end), level: this.brackets.length };
  }

  /** The tokenizer's error, once raised, is raised again by every later call (as CPython's tok->done). */
  private failure: PySyntaxError | null = null;

  next(): Token {
    if (this.failure) throw this.failure;
    try {
      return this.nextToken();
    } catch (e) {
      if (e instanceof PySyntaxError) this.failure = e;
      throw e;
    }
  }

  /** A token without a position of its own (INDENT/DEDENT/ENDMARKER): `start` is the tokenizer's cursor. */
  private marker(type: T, cursor: number): Token {
    let lineno = this.lineno;
    let ls = this.lineStart;
    // (An end of input inside brackets keeps the count: CPython has read past the last newline.)
    if (type !== T.EOF_IN_BRACKETS && cursor >= this.s.length && this.lineStart >= this.s.length && this.lineno > 1) {
      // At the end of input CPython stays on the last line.
      lineno = this.lineno - 1;
      ls = this.src.lineStart(lineno);
    }
    const col = this.src.byteLen(ls, cursor);
    return { type, string: '', start: cursor, end: cursor, lineno, col, end_lineno: lineno, end_col: col, level: this.brackets.length, noPos: true };
  }

  private nextToken(): Token {
    const s = this.s;
    if (this.atEof) return this.eofAfterContinuation2();
    if (this.pendingDedents > 0) {
      this.pendingDedents--;
      return this.marker(T.DEDENT, this.pos);
    }
    if (this.done) return this.marker(T.ENDMARKER, this.pos);

    if (this.atBol) {
      this.atBol = false;
      const r = this.indentation();
      if (r) return r;
    }

    // Skip spaces, comments and backslash continuations.
    let commentStart = -1;
    for (;;) {
      const c = s.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 12) { this.pos++; continue; }
      if (c === 35) {
        commentStart = this.pos;
        const nl = s.indexOf('\n', this.pos);
        this.pos = nl < 0 ? s.length : nl;
        continue;
      }
      if (c === 92) {
        const d = s.charCodeAt(this.pos + 1);
        if (d === 10) {
          this.pos += 2;
          this.newLine(this.pos);
          if (this.pos >= s.length) return this.eofAfterContinuation();
          this.contLine = true;
          continue;
        }
        const e = this.error('unexpected character after line continuation character', this.lineno, this.pos + 1);
        throw deferredError(new PySyntaxError(e.kind, e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, 0));
      }
      break;
    }

    const start = this.pos;
    if (start >= s.length) return this.endOfInput();
    const c = s.charCodeAt(start);

    if (c === 10) {
      this.pos++;
      // A NEWLINE token starts at a comment that precedes it (CPython's tok->start) and ends at the '\n'.
      const tok = this.make(T.NEWLINE, '', commentStart >= 0 ? commentStart : start, start);
      this.newLine(this.pos);
      if (this.brackets.length > 0) return this.next();
      this.atBol = true;
      return tok;
    }

    // Identifiers, keywords and string prefixes.
    if (isAsciiIdStart(c) || c >= 128) {
      let p = start;
      let ascii = true;
      for (;;) {
        const d = s.charCodeAt(p);
        if (isAsciiIdChar(d)) { p++; continue; }
        if (d >= 128) {
          const cp = s.codePointAt(p)!;
          const ch = String.fromCodePoint(cp);
          if (p === start ? ID_START.test(ch) : ID_CONTINUE.test(ch)) { ascii = false; p += ch.length; continue; }
          if (p === start) throw this.invalidCharacter(p, cp);
          // An identifier followed by a non-identifier non-ASCII character: reported at that character.
          throw this.invalidCharacter(p, cp);
        }
        break;
      }
      const d = s.charCodeAt(p);
      if ((d === 39 || d === 34) && p - start <= 2 && isStringPrefix(s, start, p)) {
        return this.string(start, p);
      }
      this.pos = p;
      let name = s.slice(start, p);
      if (!ascii) {
        name = name.normalize('NFKC');
      }
      return this.make(T.NAME, name, start, p);
    }

    if (isDigit(c) || (c === 46 && isDigit(s.charCodeAt(start + 1)))) return this.number(start);

    if (c === 39 || c === 34) return this.string(start, start);

    // Brackets.
    if (c === 40 || c === 91 || c === 123) {
      if (this.brackets.length >= MAXLEVEL) throw this.error('too many nested parentheses', this.lineno, start, undefined, undefined, 'SyntaxError', true);
      this.brackets.push({ ch: c, lineno: this.lineno, pos: start });
      this.pos++;
      return this.make(T.OP, s[start], start, start + 1);
    }
    if (c === 41 || c === 93 || c === 125) {
      const ch = s[start];
      const open = this.brackets.pop();
      if (!open) throw this.error(`unmatched '${ch}'`, this.lineno, start, undefined, undefined, 'SyntaxError', true);
      const expected = open.ch === 40 ? 41 : open.ch === 91 ? 93 : 125;
      if (c !== expected) {
        const oc = String.fromCharCode(open.ch);
        if (open.lineno !== this.lineno) {
          throw this.error(`closing parenthesis '${ch}' does not match opening parenthesis '${oc}' on line ${open.lineno}`, this.lineno, start, undefined, undefined, 'SyntaxError', true);
        }
        throw this.error(`closing parenthesis '${ch}' does not match opening parenthesis '${oc}'`, this.lineno, start, undefined, undefined, 'SyntaxError', true);
      }
      this.pos++;
      return this.make(T.OP, ch, start, start + 1);
    }

    // Operators.
    const three = s.substr(start, 3);
    if (OPS3.has(three) && three.length === 3) { this.pos += 3; return this.make(T.OP, three, start, start + 3); }
    const two = three.slice(0, 2);
    if (OPS2.has(two)) { this.pos += 2; return this.make(T.OP, two, start, start + 2); }
    const one = s[start];
    if (OPS1.has(one)) { this.pos++; return this.make(T.OP, one, start, start + 1); }
    if (c === 33) {
      // A lone '!' is an ERRORTOKEN that the parser rejects as invalid syntax.
      this.pos++;
      return this.make(T.OP, '!', start, start + 1);
    }
    if (c === 36 || c === 63 || c === 96) {
      this.pos++;
      return this.make(T.OP, one, start, start + 1);
    }
    const cp = s.codePointAt(start)!;
    throw this.invalidCharacter(start, cp);
  }

  /**
   * A backslash continuation at the very end: CPython's tokenizer returns an ERRORTOKEN with
   * E_EOF (the parser then reports "unexpected EOF while parsing" if it gets that far).
   */
  private eofAfterContinuation(): Token {
    const lineno = this.lineno - 1;
    const ls = this.src.lineStart(lineno);
    const col = this.src.byteLen(ls, this.s.length);
    this.atEof = true;
    return { type: T.EOF_IN_BRACKETS, string: '', start: this.s.length, end: this.s.length, lineno, col, end_lineno: lineno, end_col: col, level: this.brackets.length, noPos: true };
  }

  private atEof = false;

  private eofAfterContinuation2(): Token {
    const lineno = Math.max(1, this.lineno - 1);
    const ls = this.src.lineStart(lineno);
    const col = this.src.byteLen(ls, this.s.length);
    return { type: T.EOF_IN_BRACKETS, string: '', start: this.s.length, end: this.s.length, lineno, col, end_lineno: lineno, end_col: col, level: this.brackets.length, noPos: true };
  }

  private invalidCharacter(pos: number, cp: number): PySyntaxError {
    const hex = cp.toString(16).toUpperCase().padStart(4, '0');
    const ch = String.fromCodePoint(cp);
    // str.isprintable(): not in categories C*, Z* (space excepted).
    if (/[\p{C}\p{Z}]/u.test(ch) && ch !== ' ') {
      return this.error(`invalid non-printable character U+${hex}`, this.lineno, pos, undefined, undefined, 'SyntaxError', true);
    }
    return this.error(`invalid character '${ch}' (U+${hex})`, this.lineno, pos, undefined, undefined, 'SyntaxError', true);
  }

  private endOfInput(): Token {
    if (this.brackets.length > 0) return this.marker(T.EOF_IN_BRACKETS, this.pos);
    this.done = true;
    // Close the open blocks.
    if (this.indents.length > 1) {
      this.pendingDedents = this.indents.length - 1;
      this.indents.length = 1;
      this.altIndents.length = 1;
      this.pendingDedents--;
      return this.marker(T.DEDENT, this.pos);
    }
    return this.marker(T.ENDMARKER, this.pos);
  }

  /** At the beginning of a line: measure indentation, skip blank lines, emit INDENT/DEDENT. */
  private indentation(): Token | null {
    const s = this.s;
    for (;;) {
      let col = 0;
      let altcol = 0;
      let p = this.pos;
      // A backslash continuation inside the indentation joins the next line's indentation to it
      // (3.11 keeps counting the indentation across such lines).
      for (;;) {
        const c = s.charCodeAt(p);
        if (c === 32) { col++; altcol++; }
        else if (c === 9) { col = (Math.floor(col / TABSIZE) + 1) * TABSIZE; altcol++; }
        else if (c === 12) { col = altcol = 0; }
        else if (c === 92 && s.charCodeAt(p + 1) !== 10 && p + 1 < s.length) {
          // A backslash in the indentation not followed by a newline (tok_continuation_line).
          this.pos = p;
          const e = this.error('unexpected character after line continuation character', this.lineno, p + 1);
          throw deferredError(new PySyntaxError(e.kind, e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, 0));
        }
        else if (c === 92 && s.charCodeAt(p + 1) === 10) {
          p += 2;
          this.newLine(p);
          if (p >= s.length) { this.pos = p; return this.eofAfterContinuation(); }
          continue;
        }
        else break;
        p++;
      }
      const c = s.charCodeAt(p);
      if (c === 35 || c === 10) {
        // Blank or comment-only line: no tokens, no indentation change.
        const nl = s.indexOf('\n', p);
        if (nl < 0) { this.pos = s.length; return null; }
        this.pos = nl + 1;
        this.newLine(this.pos);
        if (this.pos >= s.length) return null;
        continue;
      }
      if (p >= s.length) { this.pos = p; return null; }
      if (this.brackets.length > 0) { this.pos = p; return null; }
      this.pos = p;
      const top = this.indents[this.indents.length - 1];
      const altTop = this.altIndents[this.altIndents.length - 1];
      if (col === top) {
        if (altcol !== altTop) throw this.tabError();
        return null;
      }
      if (col > top) {
        if (this.indents.length >= MAXINDENT) throw deferredError(this.error('too many levels of indentation', this.lineno, p, this.lineno, p, 'IndentationError'));
        if (altcol <= altTop) throw this.tabError();
        this.indents.push(col);
        this.altIndents.push(altcol);
        const tok = this.marker(T.INDENT, p);
        return tok;
      }
      // Dedent.
      let n = 0;
      while (this.indents.length > 1 && col < this.indents[this.indents.length - 1]) {
        this.indents.pop();
        this.altIndents.pop();
        n++;
      }
      if (col !== this.indents[this.indents.length - 1]) {
        // CPython reports the column just past the end of the line.
        const e = this.error('unindent does not match any outer indentation level', this.lineno, p, this.lineno, -1, 'IndentationError');
        const lineLen = this.src.charLen(this.lineStart, this.lineEnd(p));
        throw deferredError(new PySyntaxError(e.kind, e.msg, e.filename, e.lineno, lineLen + 1, e.text, e.end_lineno, e.end_offset));
      }
      if (altcol !== this.altIndents[this.altIndents.length - 1]) throw this.tabError();
      this.pendingDedents = n - 1;
      return this.marker(T.DEDENT, p);
    }
  }

  private tabError(): PySyntaxError {
    const e = this.error('inconsistent use of tabs and spaces in indentation', this.lineno, this.pos, this.lineno, -1, 'TabError');
    return deferredError(new PySyntaxError(e.kind, e.msg, e.filename, e.lineno, 1, e.text, e.end_lineno, 0));
  }

  private lineEnd(p: number): number {
    const nl = this.s.indexOf('\n', p);
    return nl < 0 ? this.s.length : nl;
  }

  private number(start: number): Token {
    const s = this.s;
    let p = start;
    const c = s.charCodeAt(p);
    const bad = (msg: string, at: number, endAt?: number): PySyntaxError => this.error(msg, this.lineno, at, this.lineno, endAt, 'SyntaxError', true);
    const digitsRun = (isOk: (d: number) => boolean, kind: string): void => {
      // digits with single underscores between them
      for (;;) {
        const d = s.charCodeAt(p);
        if (isOk(d)) { p++; continue; }
        if (d === 95) {
          p++;
          if (!isOk(s.charCodeAt(p))) {
            throw bad(`invalid ${kind} literal`, p - 1);
          }
          continue;
        }
        break;
      }
    };
    const isDec = isDigit;
    if (c === 48 && (s.charCodeAt(p + 1) | 32) === 120) {
      p += 2;
      const isHex = (d: number): boolean => isDigit(d) || ((d | 32) >= 97 && (d | 32) <= 102);
      if (s.charCodeAt(p) === 95) p++;
      if (!isHex(s.charCodeAt(p))) throw bad('invalid hexadecimal literal', p - 1);
      digitsRun(isHex, 'hexadecimal');
      this.verifyEnd(start, p, 'hexadecimal');
      return this.numberToken(start, p);
    }
    if (c === 48 && (s.charCodeAt(p + 1) | 32) === 111) {
      p += 2;
      const isOct = (d: number): boolean => d >= 48 && d <= 55;
      if (s.charCodeAt(p) === 95) p++;
      const d0 = s.charCodeAt(p);
      if (!isOct(d0)) {
        if (isDigit(d0)) throw bad(`invalid digit '${s[p]}' in octal literal`, p);
        throw bad('invalid octal literal', p - 1);
      }
      digitsRun(isOct, 'octal');
      if (isDigit(s.charCodeAt(p))) throw bad(`invalid digit '${s[p]}' in octal literal`, p);
      this.verifyEnd(start, p, 'octal');
      return this.numberToken(start, p);
    }
    if (c === 48 && (s.charCodeAt(p + 1) | 32) === 98) {
      p += 2;
      const isBin = (d: number): boolean => d === 48 || d === 49;
      if (s.charCodeAt(p) === 95) p++;
      const d0 = s.charCodeAt(p);
      if (!isBin(d0)) {
        if (isDigit(d0)) throw bad(`invalid digit '${s[p]}' in binary literal`, p);
        throw bad('invalid binary literal', p - 1);
      }
      digitsRun(isBin, 'binary');
      if (isDigit(s.charCodeAt(p))) throw bad(`invalid digit '${s[p]}' in binary literal`, p);
      this.verifyEnd(start, p, 'binary');
      return this.numberToken(start, p);
    }
    let isFloat = false;
    if (c !== 46) {
      // Decimal integer part. A leading 0 forbids other nonzero digits unless it becomes a float.
      digitsRun(isDec, 'decimal');
    }
    const d = s.charCodeAt(p);
    if (d === 46) {
      isFloat = true;
      p++;
      if (isDigit(s.charCodeAt(p))) digitsRun(isDec, 'decimal');
    }
    const e = s.charCodeAt(p);
    if ((e | 32) === 101) {
      const save = p;
      p++;
      const sign = s.charCodeAt(p);
      if (sign === 43 || sign === 45) {
        p++;
        if (!isDigit(s.charCodeAt(p))) throw bad('invalid decimal literal', p - 1);
      } else if (!isDigit(s.charCodeAt(p))) {
        p = save;
        this.verifyEnd(start, p + 0, 'decimal');
        return this.numberToken(start, p);
      }
      digitsRun(isDec, 'decimal');
      isFloat = true;
    }
    if ((s.charCodeAt(p) | 32) === 106) {
      p++;
      this.verifyEnd(start, p, 'imaginary');
      return this.numberToken(start, p);
    }
    if (!isFloat && c === 48) {
      // "0", "00", "0_0": only zeros allowed.
      for (let i = start; i < p; i++) {
        const ch = s.charCodeAt(i);
        if (ch !== 48 && ch !== 95) {
          let q = start;
          while (s.charCodeAt(q) === 48 || s.charCodeAt(q) === 95) q++;
          throw this.error('leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', this.lineno, start, this.lineno, q, 'SyntaxError', true);
        }
      }
    }
    this.verifyEnd(start, p, 'decimal');
    return this.numberToken(start, p);
  }

  /** A number directly followed by an identifier character is an error (keywords warn only). */
  private verifyEnd(start: number, p: number, kind: string): void {
    const s = this.s;
    const c = s.charCodeAt(p);
    if (!(isAsciiIdChar(c) || (c >= 128 && ID_CONTINUE.test(String.fromCodePoint(s.codePointAt(p)!))))) return;
    for (const kw of NUMBER_KEYWORD_FOLLOWERS) {
      if (s.startsWith(kw, p)) {
        const after = s.charCodeAt(p + kw.length);
        if (!isAsciiIdChar(after)) return;
      }
    }
    // CPython reports the position of the offending character (its 0-based column), start and end.
    void start;
    throw this.error(`invalid ${kind} literal`, this.lineno, p - 1, undefined, undefined, 'SyntaxError', true);
  }

  private numberToken(start: number, end: number): Token {
    this.pos = end;
    return this.make(T.NUMBER, this.s.slice(start, end), start, end);
  }

  /** A string literal starting at `start` (prefix) with its quote at `q`. */
  private string(start: number, q: number): Token {
    const s = this.s;
    const quote = s.charCodeAt(q);
    const startLine = this.lineno;
    const startLineStart = this.lineStart;
    const startCol = this.col(start);
    let p = q + 1;
    let triple = false;
    if (s.charCodeAt(p) === quote && s.charCodeAt(p + 1) === quote) {
      triple = true;
      p += 2;
    }
    for (;;) {
      if (p >= s.length) {
        throw this.unterminated(triple, startLine, start, startLineStart);
      }
      const c = s.charCodeAt(p);
      if (c === quote) {
        if (!triple) { p++; break; }
        if (s.charCodeAt(p + 1) === quote && s.charCodeAt(p + 2) === quote) { p += 3; break; }
        p++;
        continue;
      }
      if (c === 92) {
        const d = s.charCodeAt(p + 1);
        if (d === 10) {
          p += 2;
          this.newLine(p);
          continue;
        }
        if (p + 1 >= s.length) { p++; continue; }
        p += 2;
        continue;
      }
      if (c === 10) {
        if (!triple) throw this.unterminated(false, startLine, start, startLineStart);
        p++;
        this.newLine(p);
        continue;
      }
      p++;
    }
    this.pos = p;
    const text = s.slice(start, p);
    const end_col = this.col(p);
    return { type: T.STRING, string: text, start, end: p, lineno: startLine, col: startCol, end_lineno: this.lineno, end_col, level: this.brackets.length };
  }

  private unterminated(triple: boolean, startLine: number, start: number, startLineStart: number): PySyntaxError {
    void startLineStart;
    // The line count where the end of input / line was detected.
    let detected = this.lineno;
    if (triple) {
      // CPython counts the lines up to the end of input.
      const s = this.s;
      let n = startLine;
      for (let i = start; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
      detected = s.endsWith('\n') ? n - 1 : n;
      if (detected < startLine) detected = startLine;
      // The tokenizer needs the line table up to here for the error text.
      return this.error(`unterminated triple-quoted string literal (detected at line ${detected})`, startLine, start, startLine, start, 'SyntaxError', true);
    }
    return this.error(`unterminated string literal (detected at line ${detected})`, startLine, start, startLine, start, 'SyntaxError', true);
  }
}

function isStringPrefix(s: string, start: number, end: number): boolean {
  const p = s.slice(start, end).toLowerCase();
  return p === 'r' || p === 'u' || p === 'b' || p === 'f' || p === 'br' || p === 'rb' || p === 'fr' || p === 'rf';
}

/** Normalises newlines as CPython does when reading source, and ensures a final newline. */
export function prepareSource(source: string): string {
  let s = source.indexOf('\r') >= 0 ? source.replace(/\r\n?/g, '\n') : source;
  if (!s.endsWith('\n')) s += '\n';
  return s;
}
