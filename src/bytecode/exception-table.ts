// The 3.11 exception table (co_exceptiontable). Each entry is four varints: start, size, target,
// depth<<1|lasti, all in code units. Varints here are 6-bit chunks, most significant first, bit 6
// = more follows (the opposite order from the line table); bit 7 marks an entry's first byte.

export interface ExceptionTableEntry {
  /** First covered code unit. */
  start: number;
  /** One past the last covered code unit. */
  end: number;
  /** Handler's code unit. */
  target: number;
  /** Value-stack depth to pop down to before pushing the exception. */
  depth: number;
  /** Whether the raising instruction's offset (in code units) is pushed under the exception. */
  lasti: boolean;
}

function writeVarint(out: number[], val: number, startBit: number): void {
  // Chunks above the lowest carry the continuation bit; only the first byte carries startBit.
  let shift = 0;
  while (val >= 2 ** (shift + 6)) shift += 6;
  for (; shift > 0; shift -= 6) {
    out.push((Math.floor(val / 2 ** shift) & 63) | 64 | startBit);
    startBit = 0;
  }
  out.push((val & 63) | startBit);
}

/** Encodes entries exactly as CPython's assembler does (assemble_emit_exception_table_item). */
export function encodeExceptionTable(entries: readonly ExceptionTableEntry[]): Uint8Array {
  const out: number[] = [];
  for (const e of entries) {
    writeVarint(out, e.start, 128);
    writeVarint(out, e.end - e.start, 0);
    writeVarint(out, e.target, 0);
    writeVarint(out, e.depth * 2 + (e.lasti ? 1 : 0), 0);
  }
  return Uint8Array.from(out);
}

const decodedCache = new WeakMap<Uint8Array, ExceptionTableEntry[]>();

/**
 * Decodes a table (memoised per bytes object). A truncated final entry is dropped, as
 * dis._parse_exception_table does.
 */
export function decodeExceptionTable(bytes: Uint8Array): ExceptionTableEntry[] {
  const cached = decodedCache.get(bytes);
  if (cached) return cached;
  const entries: ExceptionTableEntry[] = [];
  let i = 0;
  const n = bytes.length;
  // -1 marks the end of the data (varints are never negative).
  const readVarint = (): number => {
    if (i >= n) return -1;
    let b = bytes[i++];
    let val = b & 63;
    while (b & 64) {
      if (i >= n) return -1;
      b = bytes[i++];
      val = val * 64 + (b & 63);
    }
    return val;
  };
  while (i < n) {
    const start = readVarint();
    const size = readVarint();
    const target = readVarint();
    const dl = readVarint();
    if (dl < 0 || target < 0 || size < 0 || start < 0) break;
    entries.push({ start, end: start + size, target, depth: Math.floor(dl / 2), lasti: (dl & 1) === 1 });
  }
  decodedCache.set(bytes, entries);
  return entries;
}

/**
 * The entry covering code unit `unitIndex`, or null (the frame exits). Entries are emitted sorted
 * by start and never overlap, so a binary search suffices.
 */
export function findHandler(table: readonly ExceptionTableEntry[], unitIndex: number): ExceptionTableEntry | null {
  let lo = 0;
  let hi = table.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = table[mid];
    if (unitIndex < e.start) hi = mid - 1;
    else if (unitIndex >= e.end) lo = mid + 1;
    else return e;
  }
  return null;
}

/** findHandler over raw co_exceptiontable bytes (decoded once, then cached). */
export function findHandlerInTable(bytes: Uint8Array, unitIndex: number): ExceptionTableEntry | null {
  return bytes.length === 0 ? null : findHandler(decodeExceptionTable(bytes), unitIndex);
}
