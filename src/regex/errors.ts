// Errors raised while compiling a pattern or expanding a template.

/** re.error: msg, pattern, pos (code point index or null), lineno and colno as CPython computes them. */
export class RegexError extends Error {
  readonly msg: string;
  readonly pattern: string | Uint8Array | null;
  readonly pos: number | null;
  readonly lineno: number | null;
  readonly colno: number | null;

  constructor(msg: string, pattern: string | Uint8Array | null = null, pos: number | null = null) {
    let lineno: number | null = null;
    let colno: number | null = null;
    let full = msg;
    if (pattern !== null && pos !== null) {
      // Lines are counted in the pattern as Python sees it (code points, or bytes).
      const units = typeof pattern === 'string' ? Array.from(pattern) : Array.from(pattern, (b) => String.fromCharCode(b));
      let newlines = 0;
      let lastNl = -1;
      for (let i = 0; i < pos && i < units.length; i++) {
        if (units[i] === '\n') {
          newlines++;
          lastNl = i;
        }
      }
      lineno = newlines + 1;
      colno = pos - lastNl;
      full = `${msg} at position ${pos}`;
      if (units.includes('\n')) full += ` (line ${lineno}, column ${colno})`;
    }
    super(full);
    this.name = 'error';
    this.msg = msg;
    this.pattern = pattern;
    this.pos = pos;
    this.lineno = lineno;
    this.colno = colno;
  }
}

/** Errors the re module raises as other Python exception types (OverflowError, ValueError, IndexError, TypeError). */
export class RegexOtherError extends Error {
  constructor(readonly pyType: 'OverflowError' | 'ValueError' | 'IndexError' | 'TypeError' | 'RecursionError' | 'MemoryError', message: string) {
    super(message);
    this.name = pyType;
  }
}
