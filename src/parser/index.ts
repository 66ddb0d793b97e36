// The parser's public API: source → AST (src/parser/ast-nodes.ts), CPython's SyntaxErrors.
import type { mod } from './ast-nodes';
import { parseSource } from './parser';
import { prepareSource } from './tokenizer';
import { PySyntaxError } from './errors';
export { PySyntaxError, formatSyntaxError, type SyntaxErrorKind } from './errors';
export { dumpAst } from './dump';
export { decodeSource, declaredEncoding } from './source';
export type * from './ast-nodes';

/** Parses Python 3.11 source, as ast.parse(source, filename, mode). Throws PySyntaxError. */
export function parse(source: string, filename = '<unknown>', mode: 'exec' | 'eval' | 'single' | 'func_type' = 'exec'): mod {
  if (source.indexOf('\0') >= 0) {
    // As compile()/ast.parse of a str: no location.
    throw new PySyntaxError('SyntaxError', 'source code string cannot contain null bytes', filename, 0, 0, null, 0, 0);
  }
  return parseSource(prepareSource(source), filename, mode);
}
