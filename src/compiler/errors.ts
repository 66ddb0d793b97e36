// SyntaxErrors raised by the symbol table and the code generator. Inside the compiler they carry
// only a message and an AST location; compile() turns them into the parser's PySyntaxError with
// the source line, as CPython's compiler_error does (offsets are the AST's byte columns + 1).
import { PySyntaxError } from '../parser/errors';

export interface Loc {
  lineno: number;
  col_offset: number;
  end_lineno: number | null;
  end_col_offset: number | null;
}

export class CompilerSyntaxError extends Error {
  constructor(
    readonly msg: string,
    readonly filename: string,
    readonly loc: Loc,
  ) {
    super(msg);
  }
}

export function compilerError(msg: string, filename: string, loc: Loc): CompilerSyntaxError {
  return new CompilerSyntaxError(msg, filename, loc);
}

/** The PySyntaxError CPython would raise, with the offending line of `source` as its text. */
export function toPySyntaxError(e: CompilerSyntaxError, source: string | null): PySyntaxError {
  let text: string | null = null;
  if (source !== null) {
    const lines = source.split(/(?<=\n)/);
    const line = lines[e.loc.lineno - 1];
    if (line !== undefined) text = line.endsWith('\n') ? line : line;
  }
  return new PySyntaxError(
    'SyntaxError',
    e.msg,
    e.filename,
    e.loc.lineno,
    e.loc.col_offset + 1,
    text,
    e.loc.end_lineno ?? e.loc.lineno,
    // No end column (future.c's errors): CPython's end_offset is None; 0 here.
    e.loc.end_col_offset === null ? 0 : e.loc.end_col_offset + 1,
  );
}

/** CPython's RecursionError('maximum recursion depth exceeded during compilation'). */
export class CompilerRecursionError extends Error {
  constructor() {
    super('maximum recursion depth exceeded during compilation');
    this.name = 'RecursionError';
  }
}
