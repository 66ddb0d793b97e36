// re.escape: backslash before the characters that are special in patterns (and whitespace).
const SPECIAL = new Set(Array.from('()[]{}?*+-|^$\\.&~# \t\n\r\v\f', (c) => c.charCodeAt(0)));

export function escape(pattern: string | Uint8Array): string | Uint8Array {
  if (typeof pattern === 'string') {
    let out = '';
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      if (SPECIAL.has(c)) out += '\\';
      out += pattern[i];
    }
    return out;
  }
  const out: number[] = [];
  for (const b of pattern) {
    if (SPECIAL.has(b)) out.push(92);
    out.push(b);
  }
  return Uint8Array.from(out);
}
