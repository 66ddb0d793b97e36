// The compiler: Python source or AST -> CPython 3.11 code objects, field by field equal to what
// python3's compile() produces. Pipeline (as CPython): future features, AST optimisation
// (ast-opt.ts), symbol table (symtable.ts), code generation (codegen.ts), assembly (assembler.ts).
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { CodeObject } from '../bytecode/code';
import { CO_FUTURE_ANNOTATIONS } from '../bytecode/code';
import type { mod } from '../parser/ast-nodes';
import { PySyntaxError } from '../parser/errors';
import { parse } from '../parser';
import { AstOptimizer, collectIdentifiers } from './ast-opt';
import { Compiler } from './codegen';
import { CompilerRecursionError, CompilerSyntaxError, compilerError, toPySyntaxError } from './errors';
import { SymbolTable } from './symtable';

export type CompileMode = 'exec' | 'eval' | 'single';

const CO_FUTURE_BARRY_AS_BDFL = 0x400000;

const KNOWN_FUTURES = new Set([
  'nested_scopes', 'generators', 'division', 'absolute_import', 'with_statement', 'print_function',
  'unicode_literals', 'barry_as_FLUFL', 'generator_stop', 'annotations',
]);

/** future.c: the flags of leading `from __future__ import ...` statements, and the last such line. */
function futureFeatures(m: any, filename: string): { flags: number; lineno: number } {
  let flags = 0;
  let lineno = 0;
  if (m._type !== 'Module') return { flags, lineno };
  let done = false;
  let i = 0;
  let prevLine = 0;
  for (const s of m.body) {
    if (done && s.lineno > prevLine) break;
    prevLine = s.lineno;
    if (i === 0 && s._type === 'Expr' && s.value._type === 'Constant' && typeof s.value.value === 'string') {
      i++;
      continue;
    }
    i++;
    if (s._type === 'ImportFrom' && s.module === '__future__') {
      // future.c reports these at the statement's start only (no end position).
      const at = { lineno: s.lineno, col_offset: s.col_offset, end_lineno: s.lineno, end_col_offset: null };
      if (done) {
        // future.c passes the 0-based column here (offset = col_offset, not col_offset + 1).
        throw compilerError('from __future__ imports must occur at the beginning of the file', filename,
          { ...at, col_offset: s.col_offset - 1 });
      }
      for (const a of s.names) {
        if (a.name === 'braces') throw compilerError('not a chance', filename, at);
        if (!KNOWN_FUTURES.has(a.name)) throw compilerError(`future feature ${a.name} is not defined`, filename, at);
        if (a.name === 'annotations') flags |= CO_FUTURE_ANNOTATIONS;
        if (a.name === 'barry_as_FLUFL') flags |= CO_FUTURE_BARRY_AS_BDFL;
      }
      lineno = s.lineno;
    } else {
      done = true;
    }
  }
  return { flags, lineno };
}

export interface CompileOptions {
  /** sys.flags.optimize (0, 1 = -O, 2 = -OO). */
  optimize?: number;
  /** Source text, used to quote the offending line in SyntaxErrors. */
  source?: string;
  /** Called for each compile-time SyntaxWarning (CPython's compiler_warn), with its line. */
  onWarning?: (message: string, lineno: number) => void;
}

/**
 * Compiles a module AST (Module / Expression / Interactive) to a code object. The AST is rewritten
 * in place by constant folding. Compile-time errors are thrown as PySyntaxError.
 */
export function compileAst(m: mod, filename: string, mode: CompileMode, options: CompileOptions = {}): CodeObject {
  void mode;
  const optimize = options.optimize ?? 0;
  try {
    const fut = futureFeatures(m, filename);
    // The module's identifiers, collected only if a frozenset constant needs them.
    let idents: Set<string> | null = null;
    const identifiers = () => (idents ??= collectIdentifiers(m));
    new AstOptimizer(optimize, (fut.flags & CO_FUTURE_ANNOTATIONS) !== 0, identifiers).mod(m);
    const st = new SymbolTable(filename, (fut.flags & CO_FUTURE_ANNOTATIONS) !== 0);
    st.build(m);
    const c = new Compiler(st, filename, optimize, fut.flags, fut.lineno);
    c.identifiers = identifiers;
    c.onWarning = options.onWarning ?? null;
    return c.compileMod(m);
  } catch (e) {
    if (e instanceof CompilerSyntaxError) throw toPySyntaxError(e, options.source ?? null);
    // A JavaScript stack overflow on very deeply nested code: CPython's RecursionError.
    if (e instanceof RangeError && /call stack/i.test(e.message)) throw new CompilerRecursionError();
    throw e;
  }
}

/**
 * Parses `source` with pyvm's parser and compiles it, as CPython's compile(source, filename, mode).
 * Throws PySyntaxError for syntax errors found by the parser, the symbol table or the compiler.
 */
export function compile(source: string, filename: string, mode: CompileMode, options: CompileOptions = {}): CodeObject {
  return compileAst(parse(source, filename, mode), filename, mode, { ...options, source });
}

export { PySyntaxError, CompilerRecursionError };
