// SyntaxError as CPython reports it, and the text python3 prints for an uncaught one.

export type SyntaxErrorKind = 'SyntaxError' | 'IndentationError' | 'TabError';

/**
 * A Python SyntaxError (or IndentationError / TabError). The fields are the ones CPython's
 * exception carries: offset and end_offset are 1-based and counted in characters.
 */
export class PySyntaxError extends Error {
  constructor(
    readonly kind: SyntaxErrorKind,
    readonly msg: string,
    readonly filename: string,
    readonly lineno: number,
    readonly offset: number,
    readonly text: string | null,
    readonly end_lineno: number,
    readonly end_offset: number,
  ) {
    super(msg);
    this.name = kind;
  }
}

/** What python3 prints on stderr when a script fails to compile with this error (pythonrun.c's layout). */
export function formatSyntaxError(e: PySyntaxError): string {
  let out = `  File "${e.filename}", line ${e.lineno}\n`;
  if (e.text !== null) {
    let endOffset = e.end_offset;
    const lineSize = e.text.length;
    if (e.end_lineno > e.lineno) endOffset = lineSize;
    if (endOffset > lineSize + 1) endOffset = lineSize + 1;
    let text = e.text;
    let offset = e.offset - 1;
    let i = 0;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\f')) { i++; offset--; endOffset--; }
    text = text.slice(i);
    let len = text.length;
    if (len > 0 && text[len - 1] === '\n') len--;
    if (offset > len) offset = len;
    for (;;) {
      const nl = text.indexOf('\n');
      if (nl < 0 || nl >= offset) break;
      text = text.slice(nl + 1);
      len -= nl + 1;
      offset -= nl + 1;
      endOffset -= nl + 1;
    }
    out += '    ' + text;
    if (text[len] !== '\n') out += '\n';
    if (offset >= 0) {
      let reps = endOffset - 1 - offset;
      if (reps < 1) reps = 1;
      out += '    ' + ' '.repeat(offset) + '^'.repeat(reps) + '\n';
    }
  }
  out += `${e.kind}: ${e.msg}\n`;
  return out;
}
