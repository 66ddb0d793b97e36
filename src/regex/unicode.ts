// Character predicates and case mapping with python3 3.11's Unicode data (see unicode-data.ts).
import { CASED_RANGES, DIGIT_RANGES, EXTRA_CASES, LOWER_MAP, SPACE_RANGES, UPPER_MAP, WORD_RANGES } from './unicode-data';

/** Decodes a delta-encoded range table into a flat Int32Array [start0, end0, start1, end1, ...]. */
function decodeRanges(text: string): Int32Array {
  const parts = text.split(',');
  const out = new Int32Array(parts.length);
  let prev = 0;
  for (let i = 0; i < parts.length; i += 2) {
    const start = prev + parseInt(parts[i], 16);
    const end = start + parseInt(parts[i + 1], 16);
    out[i] = start;
    out[i + 1] = end;
    prev = end;
  }
  return out;
}

function inRanges(table: Int32Array, cp: number): boolean {
  let lo = 0;
  let hi = (table.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < table[mid * 2]) hi = mid - 1;
    else if (cp > table[mid * 2 + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

let wordTable: Int32Array | null = null;
let digitTable: Int32Array | null = null;
let spaceTable: Int32Array | null = null;
let casedTable: Int32Array | null = null;
let lowerMap: Map<number, number> | null = null;
let lowerPreimages: Map<number, number[]> | null = null;
let extraCases: Map<number, number[]> | null = null;

/** str.isalnum() or '_' (sre's Unicode \w). */
export function isUnicodeWord(cp: number): boolean {
  if (cp < 128) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || cp === 95;
  return inRanges(wordTable ??= decodeRanges(WORD_RANGES), cp);
}

/** str.isdecimal() (sre's Unicode \d). */
export function isUnicodeDigit(cp: number): boolean {
  if (cp < 128) return cp >= 48 && cp <= 57;
  return inRanges(digitTable ??= decodeRanges(DIGIT_RANGES), cp);
}

/** str.isspace() (sre's Unicode \s). */
export function isUnicodeSpace(cp: number): boolean {
  if (cp < 128) return (cp >= 9 && cp <= 13) || (cp >= 28 && cp <= 32);
  return inRanges(spaceTable ??= decodeRanges(SPACE_RANGES), cp);
}

export function isUnicodeCased(cp: number): boolean {
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  return inRanges(casedTable ??= decodeRanges(CASED_RANGES), cp);
}

/** Whether any character in [lo, hi] is cased. */
export function rangeHasCased(lo: number, hi: number): boolean {
  const t = casedTable ??= decodeRanges(CASED_RANGES);
  for (let i = 0; i < t.length; i += 2) if (t[i] <= hi && t[i + 1] >= lo) return true;
  return false;
}

function buildLower(): Map<number, number> {
  const m = new Map<number, number>();
  const pre = new Map<number, number[]>();
  let prev = 0;
  for (const item of LOWER_MAP.split(',')) {
    const colon = item.indexOf(':');
    const cp = prev + parseInt(item.slice(0, colon), 16);
    const lo = cp + parseInt(item.slice(colon + 1), 16);
    m.set(cp, lo);
    const list = pre.get(lo);
    if (list) list.push(cp);
    else pre.set(lo, [cp]);
    prev = cp;
  }
  lowerPreimages = pre;
  return m;
}

/** sre's simple Unicode lowercase of one code point. */
export function unicodeLower(cp: number): number {
  if (cp < 128) return cp >= 65 && cp <= 90 ? cp + 32 : cp;
  const v = (lowerMap ??= buildLower()).get(cp);
  return v === undefined ? cp : v;
}

/** The code points other than `lower` itself whose lowercase is `lower`. */
export function lowerPreimagesOf(lower: number): readonly number[] {
  if (!lowerPreimages) lowerMap = buildLower();
  return lowerPreimages!.get(lower) ?? EMPTY;
}

const EMPTY: readonly number[] = [];

/** Characters equivalent to a lowercase character under IGNORECASE besides its own case forms. */
export function extraCasesOf(lower: number): readonly number[] {
  if (!extraCases) {
    extraCases = new Map();
    for (const entry of EXTRA_CASES.split(';')) {
      const [k, vs] = entry.split(':');
      extraCases.set(parseInt(k, 16), vs.split(',').map((v) => parseInt(v, 16)));
    }
  }
  return extraCases.get(lower) ?? EMPTY;
}

export function asciiLower(cp: number): number {
  return cp >= 65 && cp <= 90 ? cp + 32 : cp;
}

export function isAsciiCased(cp: number): boolean {
  return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
}

let upperMap: Map<number, number> | null = null;

/** sre's Unicode uppercase of one code point (used for IGNORECASE ranges beyond the BMP). */
export function unicodeUpper(cp: number): number {
  if (!upperMap) {
    upperMap = new Map();
    let prev = 0;
    for (const item of UPPER_MAP.split(',')) {
      const colon = item.indexOf(':');
      const c = prev + parseInt(item.slice(0, colon), 16);
      upperMap.set(c, c + parseInt(item.slice(colon + 1), 16));
      prev = c;
    }
  }
  const v = upperMap.get(cp);
  return v === undefined ? cp : v;
}
