// Decoding the bodies of string and bytes literals (escape sequences), as CPython's string_parser.c.
import { lookupUnicodeName } from './unicode-names';

export class EscapeError extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 32;
  if (l >= 97 && l <= 102) return l - 87;
  return -1;
}

/**
 * Decodes the escapes of a str literal body (the text between the quotes). `base` is the body's
 * offset in UTF-8 bytes within the literal, so error positions match CPython's 'unicodeescape' messages.
 */
export function decodeStr(body: string): string {
  if (body.indexOf('\\') < 0) return body;
  let out = '';
  let i = 0;
  const n = body.length;
  let runStart = 0;
  while (i < n) {
    if (body.charCodeAt(i) !== 92) { i++; continue; }
    out += body.slice(runStart, i);
    const escStart = i;
    i++;
    if (i >= n) {
      // Only an f-string's literal piece can end in a backslash ('\{'): it stays a backslash.
      out += '\\';
      runStart = n;
      break;
    }
    const c = body.charCodeAt(i);
    i++;
    switch (c) {
      case 10: break; // line continuation
      case 92: out += '\\'; break;
      case 39: out += "'"; break;
      case 34: out += '"'; break;
      case 98: out += '\b'; break;
      case 102: out += '\f'; break;
      case 116: out += '\t'; break;
      case 110: out += '\n'; break;
      case 114: out += '\r'; break;
      case 118: out += '\v'; break;
      case 97: out += '\x07'; break;
      case 48: case 49: case 50: case 51: case 52: case 53: case 54: case 55: {
        let v = c - 48;
        for (let k = 0; k < 2 && i < n; k++) {
          const d = body.charCodeAt(i);
          if (d < 48 || d > 55) break;
          v = v * 8 + (d - 48);
          i++;
        }
        out += String.fromCodePoint(v);
        break;
      }
      case 120: case 117: case 85: {
        const len = c === 120 ? 2 : c === 117 ? 4 : 8;
        let v = 0;
        for (let k = 0; k < len; k++) {
          const h = i < n ? hexVal(body.charCodeAt(i)) : -1;
          if (h < 0) {
            const name = c === 120 ? '\\xXX' : c === 117 ? '\\uXXXX' : '\\UXXXXXXXX';
            throw unicodeError(body, escStart, i, `truncated ${name} escape`);
          }
          v = v * 16 + h;
          i++;
        }
        if (v > 0x10ffff) throw unicodeError(body, escStart, i, 'illegal Unicode character');
        out += String.fromCodePoint(v);
        break;
      }
      case 78: {
        // \N{NAME}
        if (body.charCodeAt(i) !== 123) throw unicodeError(body, escStart, i, 'malformed \\N character escape');
        const close = body.indexOf('}', i + 1);
        if (close < 0 || close === i + 1) {
          throw unicodeError(body, escStart, close < 0 ? n : close + 1, 'malformed \\N character escape');
        }
        const name = body.slice(i + 1, close);
        const cp = lookupUnicodeName(name);
        if (cp === null) throw unicodeError(body, escStart, close + 1, 'unknown Unicode character name');
        out += String.fromCodePoint(cp);
        i = close + 1;
        break;
      }
      default:
        // Invalid escapes are kept as written (a DeprecationWarning in CPython).
        out += '\\' + String.fromCharCode(c);
        if (c >= 0xd800 && c <= 0xdbff && i < n) { out += body[i]; i++; }
        break;
    }
    runStart = i;
  }
  return out + body.slice(runStart);
}

function utf8Len(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

function unicodeError(body: string, from: number, to: number, why: string): EscapeError {
  // Positions are byte positions in the UTF-8 encoded body, as the codec reports them.
  const a = utf8Len(body.slice(0, from));
  const b = utf8Len(body.slice(0, to)) - 1;
  const pos = b > a ? `in position ${a}-${b}` : `in position ${a}`;
  return new EscapeError(`(unicode error) 'unicodeescape' codec can't decode bytes ${pos}: ${why}`);
}

/** Decodes a bytes literal body; the caller has checked it is ASCII. */
export function decodeBytes(body: string, raw: boolean): Uint8Array {
  const out: number[] = [];
  const n = body.length;
  let i = 0;
  while (i < n) {
    const c = body.charCodeAt(i);
    if (c !== 92 || raw) { out.push(c); i++; continue; }
    i++;
    if (i >= n) throw new EscapeError('Trailing \\ in string');
    const d = body.charCodeAt(i);
    i++;
    switch (d) {
      case 10: break;
      case 92: out.push(92); break;
      case 39: out.push(39); break;
      case 34: out.push(34); break;
      case 98: out.push(8); break;
      case 102: out.push(12); break;
      case 116: out.push(9); break;
      case 110: out.push(10); break;
      case 114: out.push(13); break;
      case 118: out.push(11); break;
      case 97: out.push(7); break;
      case 48: case 49: case 50: case 51: case 52: case 53: case 54: case 55: {
        let v = d - 48;
        for (let k = 0; k < 2 && i < n; k++) {
          const e = body.charCodeAt(i);
          if (e < 48 || e > 55) break;
          v = v * 8 + (e - 48);
          i++;
        }
        out.push(v & 0xff);
        break;
      }
      case 120: {
        const h1 = i < n ? hexVal(body.charCodeAt(i)) : -1;
        const h2 = i + 1 < n ? hexVal(body.charCodeAt(i + 1)) : -1;
        if (h1 < 0 || h2 < 0) throw new EscapeError(`(value error) invalid \\x escape at position ${i - 2}`);
        out.push(h1 * 16 + h2);
        i += 2;
        break;
      }
      default:
        out.push(92, d);
    }
  }
  return Uint8Array.from(out);
}
