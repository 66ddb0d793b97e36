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

  /**
   * Raised at the end of the input: when python3 runs a file its tokenizer has dropped the line
   * buffer there, so the printed error has no caret.
   */
  atEndOfFile = false;

  /**
   * A tokenizer error CPython records in tok->done without raising it (bad dedent, TabError, too
   * deep, line continuation): only reported when the parser reaches that token, never by the
   * scan of the rest of the source that follows a parser error.
   */
  deferred = false;
}

/** Marks a tokenizer error as one CPython only reports when the parser reaches it. */
export function deferredError(e: PySyntaxError): PySyntaxError {
  e.deferred = true;
  return e;
}

function utf8Len(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/**
 * What python3 prints on stderr when a script fails to compile with this error (pythonrun.c's
 * print_error_text). Running a file, CPython's offsets are UTF-8 byte offsets, so ours (characters)
 * are converted first; IndentationErrors get a single caret.
 */
export function formatSyntaxError(e: PySyntaxError, opts: { declaresEncoding?: boolean } = {}): string {
  let out = e.lineno > 0 ? `  File "${e.filename}", line ${e.lineno}\n` : '';
  if (e.text !== null && e.lineno > 0) {
    const chars = [...e.text];
    // With a coding declaration CPython keeps character offsets (tok->encoding is set).
    const toBytes = (o: number): number => (opts.declaresEncoding || o <= 0 ? o : utf8Len(chars.slice(0, o - 1).join('')) + 1 + Math.max(0, o - 1 - chars.length));
    let offset = e.atEndOfFile ? 0 : toBytes(e.offset);
    let endOffset = e.end_lineno === e.lineno ? toBytes(e.end_offset) : e.end_offset;
    const lineSize = utf8Len(e.text);
    if (e.end_lineno > e.lineno) endOffset = lineSize;
    if (endOffset > lineSize + 1) endOffset = lineSize + 1;
    let carets = endOffset > 0 && endOffset > offset ? endOffset - offset : 1;
    if (e.kind !== 'SyntaxError') carets = 1;
    // Work on the UTF-8 bytes of the line, as the C code does.
    let text = Buffer.from(e.text, 'utf8');
    offset--;
    let i = 0;
    while (i < text.length && (text[i] === 32 || text[i] === 9 || text[i] === 12)) { i++; offset--; }
    text = text.subarray(i);
    let len = text.length;
    if (len > 0 && text[len - 1] === 10) len--;
    if (offset > len) offset = len;
    for (;;) {
      const nl = text.indexOf(10);
      if (nl < 0 || nl >= offset) break;
      text = text.subarray(nl + 1);
      len -= nl + 1;
      offset -= nl + 1;
    }
    out += '    ' + text.toString('utf8');
    if (text[len] !== 10) out += '\n';
    if (offset >= 0) out += '    ' + ' '.repeat(offset) + '^'.repeat(carets) + '\n';
  }
  out += `${e.kind}: ${e.msg}\n`;
  return out;
}
