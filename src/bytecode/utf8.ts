// UTF-8 with the "surrogatepass" error handler, as marshal uses for str: lone surrogates (legal in
// Python str and in JS strings) round-trip through their 3-byte encodings.

/** The Python exception type and message an invalid sequence produces. */
export class Utf8DecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnicodeDecodeError';
  }
}

function isAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

function asciiString(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  // Chunked so String.fromCharCode never gets too many arguments.
  for (let i = start; i < end; i += 8192) {
    s += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(end, i + 8192)) as unknown as number[]);
  }
  return s;
}

/** Decodes bytes[start, end) as UTF-8, surrogatepass. Errors use CPython's messages. */
export function decodeUtf8Surrogatepass(bytes: Uint8Array, start = 0, end = bytes.length): string {
  if (isAscii(bytes, start, end)) return asciiString(bytes, start, end);
  const units: number[] = [];
  let out = '';
  const fail = (pos: number, reason: string): never => {
    throw new Utf8DecodeError(
      `'utf-8' codec can't decode byte 0x${bytes[pos].toString(16).padStart(2, '0')} in position ${pos - start}: ${reason}`,
    );
  };
  const cont = (i: number, first: number): number => {
    if (i >= end) fail(first, 'unexpected end of data');
    const b = bytes[i];
    if ((b & 0xc0) !== 0x80) fail(first, 'invalid continuation byte');
    return b & 0x3f;
  };
  let i = start;
  while (i < end) {
    const b = bytes[i];
    let cp: number;
    if (b < 0x80) {
      cp = b;
      i += 1;
    } else if (b >= 0xc2 && b < 0xe0) {
      cp = ((b & 0x1f) << 6) | cont(i + 1, i);
      i += 2;
    } else if (b >= 0xe0 && b < 0xf0) {
      const c1 = cont(i + 1, i);
      if (b === 0xe0 && c1 < 0x20) fail(i, 'invalid continuation byte');
      // A surrogate's lead (ED A0-BF) that is cut short is reported as strict UTF-8 sees it.
      if (b === 0xed && c1 >= 0x20 && i + 2 >= end) fail(i, 'invalid continuation byte');
      cp = ((b & 0x0f) << 12) | (c1 << 6) | cont(i + 2, i);
      i += 3;
    } else if (b >= 0xf0 && b < 0xf5) {
      const c1 = cont(i + 1, i);
      if ((b === 0xf0 && c1 < 0x10) || (b === 0xf4 && c1 >= 0x10)) fail(i, 'invalid continuation byte');
      cp = ((b & 0x07) << 18) | (c1 << 12) | (cont(i + 2, i) << 6) | cont(i + 3, i);
      i += 4;
    } else {
      return fail(i, 'invalid start byte');
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else units.push(cp);
    if (units.length >= 8192) {
      out += String.fromCharCode.apply(null, units);
      units.length = 0;
    }
  }
  return out + String.fromCharCode.apply(null, units);
}

/** Encodes a JS string as UTF-8, surrogatepass (lone surrogates get their 3-byte form). */
export function encodeUtf8Surrogatepass(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo < 0xe000) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
}
