// String literal tokens to AST nodes: implicit concatenation, bytes, and 3.11's f-strings (the
// tokenizer hands over the whole f-string; its fields are parsed here, their expressions by a
// sub-parser placed where CPython 3.11 places them).
import type * as A from './ast-nodes';
import { PyBytes } from '../values';
import type { PySyntaxError } from './errors';
import { EscapeError, decodeBytes, decodeStr } from './strings';
import type { Token } from './tokenizer';
import { Parser } from './parser';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Node = any;

interface StrPieces {
  /** Joined-string values being built (Constant / FormattedValue), or null while no f-string seen. */
  values: A.expr[];
  pending: string;
}

function prefixOf(text: string): { prefix: string; quoteLen: number; bodyStart: number } {
  let i = 0;
  while (text[i] !== '"' && text[i] !== "'") i++;
  const q = text[i];
  const quoteLen = text.startsWith(q + q + q, i) ? 3 : 1;
  return { prefix: text.slice(0, i).toLowerCase(), quoteLen, bodyStart: i + quoteLen };
}

/** The node for consecutive STRING tokens: Constant (str or bytes) or JoinedStr. */
export function buildStrings(p: Parser, parts: Token[], first: Token, last: Token): A.expr {
  let bytesMode: boolean | null = null;
  let isF = false;
  let kindU = false;
  for (let i = 0; i < parts.length; i++) {
    const { prefix } = prefixOf(parts[i].string);
    const isB = prefix.includes('b');
    if (bytesMode === null) bytesMode = isB;
    else if (bytesMode !== isB) throw p.errorAtLastPublic('cannot mix bytes and nonbytes literals');
    if (prefix.includes('f')) isF = true;
    if (i === 0 && parts[i].string.charCodeAt(0) === 117) kindU = true; // only a lowercase 'u' prefix
  }
  const pos = (n: Node): Node => {
    n.lineno = first.lineno;
    n.col_offset = first.col;
    n.end_lineno = last.end_lineno;
    n.end_col_offset = last.end_col;
    return n;
  };
  if (bytesMode) {
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (const t of parts) {
      const { prefix, quoteLen, bodyStart } = prefixOf(t.string);
      const body = t.string.slice(bodyStart, t.string.length - quoteLen);
      // eslint-disable-next-line no-control-regex
      if (/[^\x00-\x7f]/.test(body)) throw p.stringError('bytes can only contain ASCII literal characters', t, t);
      let b: Uint8Array;
      try {
        b = decodeBytes(body, prefix.includes('r'));
      } catch (e) {
        if (e instanceof EscapeError) throw p.errorAtLastPublic(e.detail);
        throw e;
      }
      chunks.push(b);
      total += b.length;
    }
    const out = new Uint8Array(total);
    let o = 0;
    for (const c of chunks) { out.set(c, o); o += c.length; }
    return pos({ _type: 'Constant', value: new PyBytes(out), kind: null });
  }
  if (!isF) {
    let s = '';
    for (const t of parts) s += decodeStrToken(p, t);
    return pos({ _type: 'Constant', value: s, kind: kindU ? 'u' : null });
  }
  const st: StrPieces = { values: [], pending: '' };
  for (const t of parts) {
    const { prefix } = prefixOf(t.string);
    if (!prefix.includes('f')) {
      st.pending += decodeStrToken(p, t);
      continue;
    }
    parseFString(p, t, st, first, last, 0);
  }
  flushPending(st, pos);
  return pos({ _type: 'JoinedStr', values: st.values });
}

function flushPending(st: StrPieces, pos: (n: Node) => Node): void {
  if (st.pending) {
    st.values.push(pos({ _type: 'Constant', value: st.pending, kind: null }));
    st.pending = '';
  }
}

function decodeStrToken(p: Parser, t: Token): string {
  const { prefix, quoteLen, bodyStart } = prefixOf(t.string);
  const body = t.string.slice(bodyStart, t.string.length - quoteLen);
  if (prefix.includes('r')) return body;
  try {
    return decodeStr(body);
  } catch (e) {
    if (e instanceof EscapeError) throw p.errorAtLastPublic(e.detail);
    throw e;
  }
}

function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/**
 * Parses an f-string token's body into st.values (3.11's string_parser.c: literal text with
 * doubled braces and escapes, `{expr[=][!conv][:spec]}` fields, nested fields in the spec).
 */
function parseFString(p: Parser, t: Token, st: StrPieces, first: Token, last: Token, _level: number): void {
  const text = t.string;
  const { prefix, quoteLen, bodyStart } = prefixOf(text);
  const raw = prefix.includes('r');
  const end = text.length - quoteLen;
  const pos = (n: Node): Node => {
    n.lineno = first.lineno;
    n.col_offset = first.col;
    n.end_lineno = last.end_lineno;
    n.end_col_offset = last.end_col;
    return n;
  };
  const i = parseFStringBody(p, t, text, bodyStart, end, raw, st, pos, 0, first, last);
  void i;
}

function fstringError(p: Parser, _t: Token, msg: string): PySyntaxError {
  return p.errorAtLastPublic(`f-string: ${msg}`);
}

/** Parses literal text and fields from text[i, end); returns the index where it stopped. */
function parseFStringBody(
  p: Parser, t: Token, text: string, i: number, end: number, raw: boolean, st: StrPieces, pos: (n: Node) => Node,
  recurse: number, first: Token, last: Token,
): number {
  while (i < end) {
    // Literal run.
    let lit = '';
    const litStart = i;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (!raw && c === 92 && i + 1 < end) {
        const d = text.charCodeAt(i + 1);
        if (d === 78) {
          // \N{...} keeps its braces (the character after N is consumed either way, as CPython).
          if (i + 2 < end && text.charCodeAt(i + 2) === 123) {
            const close = text.indexOf('}', i + 3);
            i = close < 0 || close >= end ? end : close + 1;
          } else i = Math.min(end, i + 3);
          continue;
        }
        // '\{' and '\}': the backslash stays literal and the brace keeps its meaning.
        if (d === 123 || d === 125) { i += 1; continue; }
        i += 2;
        continue;
      }
      if (c === 123 || c === 125) {
        if (recurse === 0 && i + 1 < end && text.charCodeAt(i + 1) === c) {
          // Doubled brace: a literal brace.
          lit += decodeLiteral(p, t, text.slice(litStart, i + 1), raw, lit.length);
          i += 2;
          return parseFStringBodyContinue(p, t, text, i, end, raw, st, pos, recurse, first, last, lit);
        }
        if (c === 125) {
          if (recurse > 0) break;
          throw fstringError(p, t, "single '}' is not allowed");
        }
        break;
      }
      i++;
    }
    lit += decodeLiteral(p, t, text.slice(litStart, i), raw, 0);
    st.pending += lit;
    if (i >= end) break;
    const c = text.charCodeAt(i);
    if (c === 125) break; // end of a nested format spec
    // A field.
    i = parseField(p, t, text, i, end, raw, st, pos, recurse, first, last);
  }
  return i;
}

function parseFStringBodyContinue(
  p: Parser, t: Token, text: string, i: number, end: number, raw: boolean, st: StrPieces, pos: (n: Node) => Node,
  recurse: number, first: Token, last: Token, lit: string,
): number {
  st.pending += lit;
  return parseFStringBody(p, t, text, i, end, raw, st, pos, recurse, first, last);
}

function decodeLiteral(p: Parser, t: Token, s: string, raw: boolean, _o: number): string {
  if (raw || s.indexOf('\\') < 0) return s;
  try {
    return decodeStr(s);
  } catch (e) {
    if (e instanceof EscapeError) throw p.errorAtLastPublic(e.detail);
    throw e;
  }
}

function parseField(
  p: Parser, t: Token, text: string, i: number, end: number, raw: boolean, st: StrPieces, pos: (n: Node) => Node,
  recurse: number, first: Token, last: Token,
): number {
  if (recurse >= 2) throw fstringError(p, t, 'expressions nested too deeply');
  const open = i;
  i++;
  const exprStart = i;
  // Find the end of the expression: track nested brackets and strings.
  const stack: number[] = [];
  let quote = 0;
  let tripleQ = false;
  let exprEnd = -1;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 92) throw p.errorAtLastPublic('f-string expression part cannot include a backslash');
    if (quote) {
      if (c === quote) {
        if (tripleQ) {
          if (text.charCodeAt(i + 1) === quote && text.charCodeAt(i + 2) === quote) { i += 3; quote = 0; continue; }
        } else { quote = 0; }
      }
      i++;
      continue;
    }
    if (c === 39 || c === 34) {
      if (text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c) { tripleQ = true; i += 3; }
      else { tripleQ = false; i++; }
      quote = c;
      continue;
    }
    if (c === 40 || c === 91 || c === 123) {
      if (stack.length >= 200) throw fstringError(p, t, 'too many nested parenthesis');
      stack.push(c);
      i++;
      continue;
    }
    if (c === 35) throw p.errorAtLastPublic("f-string expression part cannot include '#'");
    if (stack.length === 0) {
      if (c === 33 && text.charCodeAt(i + 1) === 61) { i += 2; continue; } // '!='
      if (c === 61 && (text.charCodeAt(i + 1) === 61)) { i += 2; continue; }
      if ((c === 60 || c === 62) && text.charCodeAt(i + 1) === 61) { i += 2; continue; }
      if (c === 33 || c === 58 || c === 125 || c === 61) { exprEnd = i; break; }
    }
    if (c === 41 || c === 93 || c === 125) {
      if (!stack.length) throw fstringError(p, t, `unmatched '${String.fromCharCode(c)}'`);
      const o = stack.pop()!;
      const want = o === 40 ? 41 : o === 91 ? 93 : 125;
      if (c !== want) throw fstringError(p, t, `closing parenthesis '${String.fromCharCode(c)}' does not match opening parenthesis '${String.fromCharCode(o)}'`);
    }
    i++;
  }
  if (quote) throw fstringError(p, t, 'unterminated string');
  if (stack.length) throw fstringError(p, t, "expecting '}'");
  if (exprEnd < 0) throw fstringError(p, t, "expecting '}'");
  const exprText = text.slice(exprStart, exprEnd);
  if (/^[ \t\f\r\n]*$/.test(exprText)) {
    const term = text[exprEnd];
    if (term === '!' || term === ':' || term === '=') throw fstringError(p, t, `expression required before '${term}'`);
    throw fstringError(p, t, 'empty expression not allowed');
  }
  const value = compileFStringExpr(p, t, text, open, exprText);
  i = exprEnd;
  let conversion = -1;
  let debugText: string | null = null;
  if (text.charCodeAt(i) === 61) {
    i++;
    // The '=' specifier: the expression text (with surrounding whitespace) becomes literal text.
    let j = i;
    while (j < end && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9 || text.charCodeAt(j) === 10 || text.charCodeAt(j) === 12 || text.charCodeAt(j) === 13)) j++;
    debugText = text.slice(exprStart, j);
    i = j;
  }
  if (text.charCodeAt(i) === 33) {
    i++;
    if (i >= end) throw fstringError(p, t, "expecting '}'");
    const conv = text[i];
    if (conv !== 's' && conv !== 'r' && conv !== 'a') throw fstringError(p, t, "invalid conversion character: expected 's', 'r', or 'a'");
    conversion = conv.charCodeAt(0);
    i++;
  }
  let format_spec: A.expr | null = null;
  if (i < end && text.charCodeAt(i) === 58) {
    i++;
    const sub: StrPieces = { values: [], pending: '' };
    i = parseFStringBody(p, t, text, i, end, raw, sub, pos, recurse + 1, first, last);
    // The spec's trailing literal ends where this string token ends (FstringParser_Finish(first, t)).
    flushPending(sub, (n: Node): Node => {
      n.lineno = t.lineno;
      n.col_offset = t.col;
      n.end_lineno = t.end_lineno;
      n.end_col_offset = t.end_col;
      return n;
    });
    const spec: Node = { _type: 'JoinedStr', values: sub.values };
    spec.lineno = t.lineno;
    spec.col_offset = t.col;
    spec.end_lineno = t.end_lineno;
    spec.end_col_offset = t.end_col;
    format_spec = spec;
  }
  if (i >= end || text.charCodeAt(i) !== 125) throw fstringError(p, t, "expecting '}'");
  i++;
  if (debugText !== null) {
    st.pending += debugText;
    if (conversion === -1 && format_spec === null) conversion = 114;
  }
  flushPending(st, pos);
  st.values.push(pos({ _type: 'FormattedValue', value, conversion, format_spec }));
  return i;
}

/** Parses one f-string field's expression with the positions CPython 3.11 computes for it. */
function compileFStringExpr(p: Parser, t: Token, text: string, open: number, exprText: string): A.expr {
  // fstring_find_expr_location: lines before the '{' inside the token; the column of the '{'
  // on its line, unless only whitespace follows it up to a newline.
  let lines = 0;
  for (let k = 0; k < open; k++) if (text.charCodeAt(k) === 10) lines++;
  let cols = 0;
  let newlineAfterBrace = true;
  for (let k = open + 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 125 || c === 10) break;
    if (c !== 32 && c !== 9 && c !== 12) { newlineAfterBrace = false; break; }
  }
  if (!newlineAfterBrace) {
    let s = open;
    while (s > 0 && text.charCodeAt(s) !== 10) s--;
    cols = utf8Length(text.slice(s, open));
    if (text.charCodeAt(s) === 10) cols -= 1;
  }
  const colOffset = lines === 0 ? t.col + cols : cols;
  const sub = new Parser('(' + exprText + ')\n', p.filename, { lineOffset: t.lineno + lines - 1, colOffset });
  return sub.parseFstringExpr();
}

