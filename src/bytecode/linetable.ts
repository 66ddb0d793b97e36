// The 3.11 location table (co_linetable): one entry per instruction (its EXTENDED_ARG prefixes and
// inline caches included), each covering at most 8 code units. The first byte of an entry is
// 1 | code:4 | (units-1):3; the code picks one of five forms (see encodeLinetable). Line deltas are
// relative to the previous entry that carried a line, starting from co_firstlineno.
import type { CodeObject } from './code';

/** Where an instruction came from; null where CPython has None. */
export interface SourcePosition {
  lineno: number | null;
  endLineno: number | null;
  col: number | null;
  endCol: number | null;
}

export interface LinetableEntry {
  /** Code units covered (instruction + EXTENDED_ARGs + caches); split over 8 by the encoder. */
  units: number;
  pos: SourcePosition;
}

const enum Form {
  /** codes 0-9: same line, col = code*8 + (b>>4 & 7), end col = col + (b & 15). */
  Short0 = 0,
  /** codes 10-12: line delta code-10, then raw col and end col bytes. */
  OneLine0 = 10,
  OneLine1 = 11,
  OneLine2 = 12,
  /** line delta as svarint, no columns. */
  NoColumn = 13,
  /** svarint line delta, varint end-line delta, varint col+1, varint end col+1. */
  Long = 14,
  /** no location at all. */
  None = 15,
}

/** A growable byte buffer (entries are small; the final copy is exact-size). */
class ByteWriter {
  buf = new Uint8Array(64);
  len = 0;
  push(b: number): void {
    if (this.len === this.buf.length) {
      const bigger = new Uint8Array(this.buf.length * 2);
      bigger.set(this.buf);
      this.buf = bigger;
    }
    this.buf[this.len++] = b;
  }
  /** Unsigned varint, 6-bit chunks, least significant first, bit 6 = more follows. */
  varint(val: number): void {
    while (val >= 64) {
      this.push(64 | (val & 63));
      val = Math.floor(val / 64);
    }
    this.push(val);
  }
  /** Signed varint: sign in the low bit. */
  svarint(val: number): void {
    this.varint(val < 0 ? (-val * 2) | 1 : val * 2);
  }
  bytes(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

/**
 * Builds co_linetable from one entry per instruction, choosing forms as CPython 3.11's assembler
 * does (write_location_info_entry), so the bytes are identical to CPython's.
 */
export function encodeLinetable(firstLineno: number, entries: readonly LinetableEntry[]): Uint8Array {
  const w = new ByteWriter();
  let prevLine = firstLineno;
  const header = (code: number, units: number) => w.push(0x80 | (code << 3) | (units - 1));
  const writeOne = (pos: SourcePosition, units: number) => {
    const { lineno, endLineno, col, endCol } = pos;
    if (lineno === null || lineno < 0) {
      header(Form.None, units);
      return;
    }
    const lineDelta = lineno - prevLine;
    const endLine = endLineno ?? -1;
    const column = col ?? -1;
    const endColumn = endCol ?? -1;
    if (column < 0 || endColumn < 0) {
      // Without columns CPython prefers the compact form unless the range spans lines.
      if (endLine === lineno || endLine === -1) {
        header(Form.NoColumn, units);
        w.svarint(lineDelta);
        prevLine = lineno;
        return;
      }
    } else if (endLine === lineno) {
      if (lineDelta === 0 && column < 80 && endColumn - column < 16 && endColumn >= column) {
        header(Form.Short0 + (column >> 3), units);
        w.push(((column & 7) << 4) | (endColumn - column));
        return;
      }
      if (lineDelta >= 0 && lineDelta < 3 && column < 128 && endColumn < 128) {
        header(Form.OneLine0 + lineDelta, units);
        w.push(column);
        w.push(endColumn);
        prevLine = lineno;
        return;
      }
    }
    header(Form.Long, units);
    w.svarint(lineDelta);
    w.varint(endLine - lineno);
    w.varint(column + 1);
    w.varint(endColumn + 1);
    prevLine = lineno;
  };
  for (const { units, pos } of entries) {
    let left = units;
    while (left > 8) {
      writeOne(pos, 8);
      left -= 8;
    }
    if (left > 0) writeOne(pos, left);
  }
  return w.bytes();
}

/** One decoded entry: a range of code units and its position. `line` is the running line. */
export interface DecodedLinetableEntry {
  /** First code unit. */
  start: number;
  /** Code units covered. */
  units: number;
  pos: SourcePosition;
  /** The running line after this entry (CPython's computed_line, used by co_lnotab). */
  computedLine: number;
}

const decodedCache = new WeakMap<Uint8Array, { first: number; entries: DecodedLinetableEntry[] }>();

/** Thrown inside the decoder when the table ends mid-entry. */
const TRUNCATED = Symbol('truncated');

/**
 * Decodes a location table into its entries (memoised per table: the VM asks often). A malformed
 * table (from hand-made marshal data) is decoded up to the first bad entry rather than rejected,
 * so dis and tracebacks degrade instead of failing.
 */
export function decodeLinetableEntries(linetable: Uint8Array, firstLineno: number): DecodedLinetableEntry[] {
  const cached = decodedCache.get(linetable);
  if (cached && cached.first === firstLineno) return cached.entries;
  const entries: DecodedLinetableEntry[] = [];
  let i = 0;
  let line = firstLineno;
  let unit = 0;
  const n = linetable.length;
  const readVarint = (): number => {
    if (i >= n) throw TRUNCATED;
    let b = linetable[i++];
    let val = b & 63;
    let shift = 1;
    while (b & 64) {
      if (i >= n) throw TRUNCATED;
      b = linetable[i++];
      val += (b & 63) * shift * 64;
      shift *= 64;
    }
    return val;
  };
  const readSvarint = (): number => {
    const u = readVarint();
    return u & 1 ? -Math.floor(u / 2) : Math.floor(u / 2);
  };
  const readByte = (): number => {
    if (i >= n) throw TRUNCATED;
    return linetable[i++];
  };
  // One entry; `line` is only committed once the whole entry has been read.
  const readEntry = (first: number): { units: number; pos: SourcePosition; line: number } => {
    const code = (first >> 3) & 15;
    const units = (first & 7) + 1;
    let l = line;
    let pos: SourcePosition;
    if (code === Form.None) {
      pos = { lineno: null, endLineno: null, col: null, endCol: null };
    } else if (code === Form.Long) {
      l += readSvarint();
      const endLine = l + readVarint();
      const col = readVarint() - 1;
      const endCol = readVarint() - 1;
      pos = { lineno: l, endLineno: endLine, col: col < 0 ? null : col, endCol: endCol < 0 ? null : endCol };
    } else if (code === Form.NoColumn) {
      l += readSvarint();
      pos = { lineno: l, endLineno: l, col: null, endCol: null };
    } else if (code >= Form.OneLine0) {
      l += code - Form.OneLine0;
      const col = readByte();
      const endCol = readByte();
      pos = { lineno: l, endLineno: l, col, endCol };
    } else {
      const b = readByte();
      const col = code * 8 + ((b >> 4) & 7);
      pos = { lineno: l, endLineno: l, col, endCol: col + (b & 15) };
    }
    return { units, pos, line: l };
  };
  while (i < n) {
    const first = linetable[i++];
    if (!(first & 0x80)) break;
    let e: { units: number; pos: SourcePosition; line: number };
    try {
      e = readEntry(first);
    } catch (err) {
      if (err !== TRUNCATED) throw err;
      break;
    }
    line = e.line;
    entries.push({ start: unit, units: e.units, pos: e.pos, computedLine: line });
    unit += e.units;
  }
  decodedCache.set(linetable, { first: firstLineno, entries });
  return entries;
}

type LinetableCode = Pick<CodeObject, 'co_linetable' | 'co_firstlineno' | 'co_code'>;

/** co_positions(): one position per code unit of co_code. */
export function codePositions(code: LinetableCode): SourcePosition[] {
  const out: SourcePosition[] = [];
  const total = code.co_code.length >> 1;
  for (const e of decodeLinetableEntries(code.co_linetable, code.co_firstlineno)) {
    for (let k = 0; k < e.units; k++) out.push(e.pos);
  }
  // CPython yields (None,)*4 for units past the table's end.
  while (out.length < total) out.push({ lineno: null, endLineno: null, col: null, endCol: null });
  return out;
}

const unitLinesCache = new WeakMap<Uint8Array, Int32Array>();

/**
 * The line of every code unit (-1 where there is none), memoised per co_linetable: the VM's
 * tracing asks for the current line at every instruction, so this is an array read.
 */
export function unitLines(code: LinetableCode): Int32Array {
  let lines = unitLinesCache.get(code.co_linetable);
  if (lines && lines.length === code.co_code.length >> 1) return lines;
  lines = new Int32Array(code.co_code.length >> 1).fill(-1);
  for (const e of decodeLinetableEntries(code.co_linetable, code.co_firstlineno)) {
    const line = e.pos.lineno ?? -1;
    const end = Math.min(e.start + e.units, lines.length);
    for (let u = e.start; u < end; u++) lines[u] = line;
  }
  unitLinesCache.set(code.co_linetable, lines);
  return lines;
}

/** co_lines(): (start, end, line) in byte offsets, one per non-empty entry. */
export function coLines(code: LinetableCode): [number, number, number | null][] {
  return decodeLinetableEntries(code.co_linetable, code.co_firstlineno).map((e) => [
    e.start * 2,
    (e.start + e.units) * 2,
    e.pos.lineno,
  ]);
}

/** PyCode_Addr2Line: the line of the instruction at byteOffset; null for a lineless instruction. */
export function addr2line(code: LinetableCode, byteOffset: number): number | null {
  if (byteOffset < 0) return code.co_firstlineno;
  const entries = decodeLinetableEntries(code.co_linetable, code.co_firstlineno);
  const unit = byteOffset >> 1;
  // Binary search: entries are contiguous and ordered by start.
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = entries[mid];
    if (unit < e.start) hi = mid - 1;
    else if (unit >= e.start + e.units) lo = mid + 1;
    else return e.pos.lineno;
  }
  return null;
}

/** co_lnotab (deprecated but still derived in 3.11): (byte delta, signed line delta) pairs. */
export function coLnotab(code: LinetableCode): Uint8Array {
  const out: number[] = [];
  let line = code.co_firstlineno;
  let codeOffset = 0;
  const pair = (a: number, b: number) => out.push(a & 0xff, b & 0xff);
  for (const e of decodeLinetableEntries(code.co_linetable, code.co_firstlineno)) {
    if (e.computedLine === line) continue;
    const start = e.start * 2;
    let bdelta = start - codeOffset;
    let ldelta = e.computedLine - line;
    while (bdelta > 255) {
      pair(255, 0);
      bdelta -= 255;
    }
    while (ldelta > 127) {
      pair(bdelta, 127);
      bdelta = 0;
      ldelta -= 127;
    }
    while (ldelta < -128) {
      pair(bdelta, -128);
      bdelta = 0;
      ldelta += 128;
    }
    pair(bdelta, ldelta);
    codeOffset = start;
    line = e.computedLine;
  }
  return Uint8Array.from(out);
}
