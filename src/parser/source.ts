// Decoding a source file's bytes: UTF-8 BOM and PEP 263 coding declarations, as CPython's tokenizer.
import { PySyntaxError } from './errors';

const CODING_RE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

/** CPython's get_normal_name: canonical spelling of the common encodings. */
function normalName(s: string): string {
  const l = s.toLowerCase().replace(/_/g, '-');
  if (l === 'utf-8' || l.startsWith('utf-8-')) return 'utf-8';
  for (const n of ['latin-1', 'iso-8859-1', 'iso-latin-1']) {
    if (l === n || l.startsWith(n + '-')) return 'iso-8859-1';
  }
  return s;
}

function lineAt(bytes: Uint8Array, start: number): [string, number] {
  let end = start;
  while (end < bytes.length && bytes[end] !== 10) end++;
  const line = Buffer.from(bytes.subarray(start, end)).toString('latin1');
  return [line, end + 1];
}

const DECODERS: Record<string, string> = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'iso-8859-1': 'latin1', latin1: 'latin1', 'latin-1': 'latin1', ascii: 'ascii',
  'us-ascii': 'ascii', cp1252: 'windows-1252', 'windows-1252': 'windows-1252', 'iso-8859-15': 'iso-8859-15',
  latin9: 'iso-8859-15', 'utf-16': 'utf-16le', cp437: 'ibm437',
};

/**
 * The PEP 263 coding declaration of a file (line 1, or line 2 after a blank/comment line), or null.
 * Running a file that declares one, CPython reports SyntaxError offsets in characters rather
 * than UTF-8 bytes: pass `{ declaresEncoding: true }` to formatSyntaxError for such files.
 */
export function declaredEncoding(bytes: Uint8Array): string | null {
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const [l1, next] = lineAt(bytes, start);
  const m = CODING_RE.exec(l1);
  if (m) return m[1];
  if (/^[ \t\f]*(#.*)?\r?$/.test(l1)) {
    const m2 = CODING_RE.exec(lineAt(bytes, next)[0]);
    if (m2) return m2[1];
  }
  return null;
}

/** Decodes source bytes to text (BOM, coding declaration on line 1 or 2); throws CPython's SyntaxError. */
export function decodeSource(bytes: Uint8Array, filename: string): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    // What python3 reports when running such a file.
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < nul; i++) if (bytes[i] === 10) { line++; lineStart = i + 1; }
    // python3 shows the line up to the NUL, without a caret.
    const text = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, nul));
    throw new PySyntaxError('SyntaxError', 'source code cannot contain null bytes', filename, line, 0, text, line, 0);
  }
  let start = 0;
  let bom = false;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    start = 3;
    bom = true;
  }
  let encoding: string | null = null;
  let declLine = 0;
  const [l1, next] = lineAt(bytes, start);
  let m = CODING_RE.exec(l1);
  if (m) { encoding = m[1]; declLine = 1; }
  else if (/^[ \t\f]*(#.*)?\r?$/.test(l1)) {
    const [l2] = lineAt(bytes, next);
    m = CODING_RE.exec(l2);
    if (m) { encoding = m[1]; declLine = 2; }
  }
  const body = bytes.subarray(start);
  if (encoding !== null) {
    const norm = normalName(encoding);
    if (bom && norm !== 'utf-8') {
      throw new PySyntaxError('SyntaxError', `encoding problem: ${norm} with BOM`, filename, 0, 0, null, 0, 0);
    }
    let label = DECODERS[norm.toLowerCase()];
    if (!label) {
      try {
        label = new TextDecoder(norm.toLowerCase()).encoding;
      } catch {
        label = '';
      }
    }
    if (!label) {
      // python3 FILE says "encoding problem" (compile() of bytes: "unknown encoding"), with no location.
      throw new PySyntaxError('SyntaxError', `encoding problem: ${encoding}`, filename, 0, 0, null, 0, 0);
    }
    if (label === 'ascii') {
      for (let i = 0; i < body.length; i++) {
        if (body[i] >= 0x80) throw badUtf8(body, i, filename, 'ascii');
      }
      return Buffer.from(body).toString('latin1');
    }
    if (label === 'latin1') return Buffer.from(body).toString('latin1');
    if (label === 'windows-1252') return decodeCp1252(body);
    if (label !== 'utf-8') return new TextDecoder(label).decode(body);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    let i = 0;
    // Find the first invalid byte to report its line like CPython does.
    const dec = new TextDecoder('utf-8', { fatal: true });
    let lo = 0;
    let hi = body.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      try { dec.decode(body.subarray(0, mid)); lo = mid; } catch { hi = mid - 1; }
    }
    i = lo;
    if (encoding === null) {
      let line = 1;
      for (let k = 0; k < i; k++) if (body[k] === 10) line++;
      const hex = body[i].toString(16).padStart(2, '0');
      throw new PySyntaxError('SyntaxError', `Non-UTF-8 code starting with '\\x${hex}' in file ${filename} on line ${line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details`, filename, 0, 0, null, 0, 0);
    }
    throw badUtf8(body, i, filename, 'utf-8');
  }
}

function badUtf8(body: Uint8Array, at: number, filename: string, enc: string): PySyntaxError {
  let line = 1;
  for (let i = 0; i < at; i++) if (body[i] === 10) line++;
  const msg = enc === 'utf-8'
    ? `(unicode error) 'utf-8' codec can't decode byte 0x${body[at].toString(16).padStart(2, '0')} in position ${at}: invalid start byte`
    : `(unicode error) 'ascii' codec can't decode byte 0x${body[at].toString(16)} in position ${at}: ordinal not in range(128)`;
  return new PySyntaxError('SyntaxError', msg, filename, line, 0, null, line, 0);
}

// cp1252's 0x80-0x9f (the rest is latin-1); the five undefined bytes are errors in Python's codec.
const CP1252_HIGH = '\u20ac\0\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\0\u017d\0' +
  '\0\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\0\u017e\u0178';

function decodeCp1252(body: Uint8Array): string {
  let out = '';
  for (const b of body) out += b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}
