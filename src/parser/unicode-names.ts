// \N{NAME} lookup over the generated name table (decompressed on first use).
import { inflateSync } from 'node:zlib';
import { NAMES_DEFLATED_BASE64, RULE_RANGES } from './unicode-names-data';

let table: Map<string, number> | null = null;

function load(): Map<string, number> {
  const text = inflateSync(Buffer.from(NAMES_DEFLATED_BASE64, 'base64')).toString('latin1');
  const map = new Map<string, number>();
  let cp = 0;
  let i = 0;
  while (i < text.length) {
    let nl = text.indexOf('\n', i);
    if (nl < 0) nl = text.length;
    const sp = text.indexOf(' ', i);
    cp += parseInt(text.slice(i, sp), 16);
    map.set(text.slice(sp + 1, nl), cp);
    i = nl + 1;
  }
  return map;
}

const JAMO_L = ['G', 'GG', 'N', 'D', 'DD', 'R', 'M', 'B', 'BB', 'S', 'SS', '', 'J', 'JJ', 'C', 'K', 'T', 'P', 'H'];
const JAMO_V = ['A', 'AE', 'YA', 'YAE', 'EO', 'E', 'YEO', 'YE', 'O', 'WA', 'WAE', 'OE', 'YO', 'U', 'WEO', 'WE', 'WI', 'YU', 'EU', 'YI', 'I'];
const JAMO_T = ['', 'G', 'GG', 'GS', 'N', 'NJ', 'NH', 'D', 'L', 'LG', 'LM', 'LB', 'LS', 'LT', 'LP', 'LH', 'M', 'B', 'BS', 'S', 'SS', 'NG', 'J', 'C', 'K', 'T', 'P', 'H'];

function inRanges(prefix: string, cp: number): boolean {
  for (const [a, b] of RULE_RANGES[prefix] ?? []) if (cp >= a && cp <= b) return true;
  return false;
}

function hangul(rest: string): number | null {
  // Longest-match decomposition into leading consonant, vowel, trailing consonant.
  for (let l = 0; l < JAMO_L.length; l++) {
    if (!rest.startsWith(JAMO_L[l])) continue;
    const r1 = rest.slice(JAMO_L[l].length);
    for (let v = 0; v < JAMO_V.length; v++) {
      if (!r1.startsWith(JAMO_V[v])) continue;
      const r2 = r1.slice(JAMO_V[v].length);
      const t = JAMO_T.indexOf(r2);
      if (t >= 0) return 0xac00 + (l * 21 + v) * 28 + t;
    }
  }
  return null;
}

/** The code point named `name` (case-insensitive, as unicodedata.lookup), or null. */
export function lookupUnicodeName(name: string): number | null {
  const upper = name.toUpperCase();
  for (const prefix of Object.keys(RULE_RANGES)) {
    if (!upper.startsWith(prefix)) continue;
    const rest = upper.slice(prefix.length);
    if (prefix === 'HANGUL SYLLABLE ') {
      const cp = hangul(rest);
      if (cp !== null && inRanges(prefix, cp)) return cp;
      continue;
    }
    if (/^[0-9A-F]{4,5}$/.test(rest)) {
      const cp = parseInt(rest, 16);
      if (inRanges(prefix, cp)) return cp;
    }
    return null;
  }
  table ??= load();
  return table.get(upper) ?? null;
}
