// Recursive-descent parser for Python 3.11, one method per rule of CPython's PEG grammar
// (Grammar/python.gram), named after the rule. Methods return null when their rule does not match
// (having restored the position), and throw PySyntaxError for definite errors. As in CPython, a
// failed parse is retried with the `invalid_*` rules switched on to find a specific message.
import type * as A from './ast-nodes';
import { Ellipsis, None, PyComplex, type LiteralValue } from '../values';
import { PySyntaxError, type SyntaxErrorKind } from './errors';
import { SourceText, T, Tokenizer, type Token } from './tokenizer';
import { buildStrings } from './string-literals';
import { parseNumber } from './numbers';
import { TargetsType, exprName, invalidTarget } from './expr-names';

type Mode = 'exec' | 'eval' | 'single' | 'func_type' | 'fstring';

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

const AUGASSIGN: Record<string, A.operator['_type']> = {
  '+=': 'Add', '-=': 'Sub', '*=': 'Mult', '@=': 'MatMult', '/=': 'Div', '%=': 'Mod', '&=': 'BitAnd', '|=': 'BitOr',
  '^=': 'BitXor', '<<=': 'LShift', '>>=': 'RShift', '**=': 'Pow', '//=': 'FloorDiv',
};

// Singleton operator and context nodes, as CPython shares them.
const LOAD: A.Load = { _type: 'Load' };
const STORE: A.Store = { _type: 'Store' };
const DEL: A.Del = { _type: 'Del' };
const OPS: Record<string, A.operator> = {};
for (const t of ['Add', 'Sub', 'Mult', 'MatMult', 'Div', 'Mod', 'Pow', 'LShift', 'RShift', 'BitOr', 'BitXor', 'BitAnd', 'FloorDiv'] as const) {
  OPS[t] = { _type: t } as A.operator;
}
const BINOP: Record<string, A.operator> = {
  '|': OPS.BitOr, '^': OPS.BitXor, '&': OPS.BitAnd, '<<': OPS.LShift, '>>': OPS.RShift, '+': OPS.Add, '-': OPS.Sub,
  '*': OPS.Mult, '/': OPS.Div, '//': OPS.FloorDiv, '%': OPS.Mod, '@': OPS.MatMult,
};
/** Operators of bitwise_or, bitwise_xor, bitwise_and, shift_expr, sum and term, in that order. */
const BINARY_LEVELS: readonly (readonly string[])[] = [['|'], ['^'], ['&'], ['<<', '>>'], ['+', '-'], ['*', '/', '//', '%', '@']];
const CMPOP: Record<string, A.cmpop> = {
  '==': { _type: 'Eq' }, '!=': { _type: 'NotEq' }, '<': { _type: 'Lt' }, '<=': { _type: 'LtE' }, '>': { _type: 'Gt' },
  '>=': { _type: 'GtE' }, in: { _type: 'In' }, 'not in': { _type: 'NotIn' }, is: { _type: 'Is' }, 'is not': { _type: 'IsNot' },
};
const AND: A.And = { _type: 'And' };
const OR: A.Or = { _type: 'Or' };
const UNARY: Record<string, A.unaryop> = { '+': { _type: 'UAdd' }, '-': { _type: 'USub' }, '~': { _type: 'Invert' }, not: { _type: 'Not' } };

/**
 * Deepest AST nesting accepted. CPython 3.11's ast.parse raises RecursionError ("maximum recursion
 * depth exceeded during ast construction") just below 3000 levels with the default recursion limit.
 */
const MAXSTACK = 2989;

/** sys.get_int_max_str_digits() default. */
const MAX_STR_DIGITS = 4300;

/** Where an f-string's sub-expression sits in the enclosing source. */
interface SubParseOrigin {
  lineOffset: number;
  colOffset: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Node = any;

export class Parser {
  private readonly toks: Token[] = [];
  private p = 0;
  private readonly tz: Tokenizer;
  readonly src: SourceText;
  /** Second pass: the invalid_* rules are active. */
  private invalid = false;
  private secondPass = false;
  private depth = 0;
  private readonly fstringOrigin: SubParseOrigin | null;

  constructor(source: string, readonly filename: string, origin: SubParseOrigin | null = null) {
    this.src = new SourceText(source);
    this.tz = new Tokenizer(this.src, filename);
    this.fstringOrigin = origin;
  }

  // ---- tokens --------------------------------------------------------------------------------

  private fill(): Token {
    while (this.toks.length <= this.p) {
      const t = this.tz.next();
      if (this.fstringOrigin) {
        const o = this.fstringOrigin;
        if (t.lineno === 1) t.col += o.colOffset;
        if (t.end_lineno === 1) t.end_col += o.colOffset;
        t.lineno += o.lineOffset;
        t.end_lineno += o.lineOffset;
      }
      this.toks.push(t);
    }
    return this.toks[this.p];
  }

  private tok(): Token {
    return this.toks[this.p] ?? this.fill();
  }

  private peek(k: number): Token {
    const save = this.p;
    this.p += k;
    const t = this.tok();
    this.p = save;
    return t;
  }

  /** The last token consumed that is not NEWLINE/INDENT/DEDENT (where a node ends). */
  private get last(): Token {
    let m = this.p - 1;
    let t = this.toks[m];
    while (m > 0 && (t.type === T.NEWLINE || t.type === T.INDENT || t.type === T.DEDENT || t.type === T.ENDMARKER)) t = this.toks[--m];
    return t;
  }

  private isOp(s: string): boolean {
    const t = this.tok();
    return t.type === T.OP && t.string === s;
  }

  private isKw(s: string): boolean {
    const t = this.tok();
    return t.type === T.NAME && t.string === s;
  }

  private eatOp(s: string): boolean {
    const t = this.tok();
    if (t.type === T.OP && t.string === s) { this.p++; return true; }
    return false;
  }

  private eatKw(s: string): boolean {
    const t = this.tok();
    if (t.type === T.NAME && t.string === s) { this.p++; return true; }
    return false;
  }

  /** A NAME that is not a keyword. */
  private name(): Token | null {
    const t = this.tok();
    if (t.type === T.NAME && !KEYWORDS.has(t.string)) { this.p++; return t; }
    return null;
  }

  /** `&&'x'`: a token that must be there. */
  private expectForced(s: string): void {
    if (this.eatOp(s)) return;
    const t = this.tok();
    throw this.errorAt(t, t, `expected '${s}'`);
  }

  // ---- positions and errors ------------------------------------------------------------------

  private at<N>(n: Node, lineno: number, col: number): N {
    const m = n as Node;
    const e = this.last;
    m.lineno = lineno;
    m.col_offset = col;
    m.end_lineno = e.end_lineno;
    m.end_col_offset = e.end_col;
    return n;
  }

  private atTok<N>(n: Node, t: Token): N {
    return this.at(n, t.lineno, t.col);
  }

  private atNode<N>(n: Node, s: Node): N {
    return this.at(n, s.lineno, s.col_offset);
  }

  /**
   * CPython's _PyPegen_byte_offset_to_character_offset: the number of characters in the first
   * byteCol+1 bytes of `text`, the byte count clipped to its length + 1.
   */
  private charOffset(text: string, byteCol: number): number {
    const target = byteCol + 1;
    let bytes = 0;
    let chars = 0;
    for (const ch of text) {
      if (bytes >= target) break;
      const c = ch.codePointAt(0)!;
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      chars++;
    }
    if (bytes < target) chars++; // past the end: the terminating NUL counts
    return chars;
  }

  /**
   * The text CPython shows for an error on `lineno`: a line continued from the previous one by a
   * backslash is shown (and its columns converted) from the start of its logical line.
   */
  private errorLineText(lineno: number): string {
    const text = this.lineTextFor(lineno) ?? '';
    if (this.fstringOrigin) return text;
    let first = lineno;
    while (first > 1 && this.src.lineText(first - 1).endsWith('\\\n')) first--;
    if (first === lineno) return text;
    let out = '';
    for (let l = first; l < lineno; l++) out += this.src.lineText(l);
    return out + text;
  }

  private lineTextFor(lineno: number): string | null {
    if (this.fstringOrigin) return this.src.lineText(lineno - this.fstringOrigin.lineOffset);
    // CPython takes the tokenizer's current line with its newline, any other line without.
    const text = this.src.lineText(lineno);
    const last = this.toks[this.toks.length - 1];
    if (last && last.end_lineno !== lineno && text.endsWith('\n')) return text.slice(0, -1);
    return text;
  }

  error(kind: SyntaxErrorKind, msg: string, lineno: number, col: number, endLineno: number, endCol: number, rawEnd = false): PySyntaxError {
    // Inside an f-string's expression CPython reports columns in the `(expr)` text it parsed.
    const o = this.fstringOrigin;
    const rawCol = (l: number, c: number): number => (o && l - o.lineOffset === 1 ? c - o.colOffset : c);
    // Both offsets are converted against the text of the error's first line, as CPython does.
    const text = this.errorLineText(lineno);
    const offset = col < 0 ? 0 : this.charOffset(text, rawCol(lineno, col));
    const endOffset = rawEnd ? endCol : endCol < 0 ? endCol + 1 : this.charOffset(text, rawCol(endLineno, endCol));
    if (o) msg = 'f-string: ' + msg;
    return new PySyntaxError(kind, msg, this.filename, lineno, offset, text, endLineno, endOffset);
  }

  private errorAt(a: Token | Node, b: Token | Node, msg: string, kind: SyntaxErrorKind = 'SyntaxError'): PySyntaxError {
    const aTok = 'type' in a && typeof a.type === 'number';
    const bTok = 'type' in b && typeof b.type === 'number';
    if (aTok && (a as Token).noPos) {
      // INDENT/DEDENT/ENDMARKER: CPython uses the tokenizer's cursor column and no end.
      const t = a as Token;
      const text = this.lineTextFor(t.lineno);
      const offset = this.fstringOrigin ? 0 : this.src.charLen(this.src.lineStart(t.lineno), t.start);
      const err = new PySyntaxError(kind, msg, this.filename, t.lineno, offset, text, t.lineno, -1);
      err.atEndOfFile = t.start >= this.src.text.length;
      return err;
    }
    const [l1, c1] = aTok ? [a.lineno, a.col] : [a.lineno, a.col_offset];
    const [l2, c2] = bTok ? [b.end_lineno, b.end_col] : [b.end_lineno, b.end_col_offset];
    return this.error(kind, msg, l1, c1, l2, c2);
  }

  /** RAISE_SYNTAX_ERROR: at the last token fetched. */
  private errorAtLast(msg: string, kind: SyntaxErrorKind = 'SyntaxError'): PySyntaxError {
    const t = this.toks[this.toks.length - 1];
    return this.errorAt(t, t, msg, kind);
  }

  private enter(): void {
    if (++this.depth > MAXSTACK) throw this.tooDeep();
  }

  /** A left-associative chain (a+b+c..., a.b.c...) nests one level per link. */
  private chain(links: number): void {
    if (links + this.depth > MAXSTACK + 1) throw this.tooDeep();
  }

  private tooDeep(): PySyntaxError {
    return this.errorAtLast('maximum recursion depth exceeded during ast construction');
  }

  // ---- entry ---------------------------------------------------------------------------------

  parse(mode: Mode): A.mod {
    let firstErr: unknown;
    try {
      const r = this.runMode(mode);
      if (r) return r;
    } catch (e) {
      if (!(e instanceof PySyntaxError)) throw e;
      firstErr = e;
    }
    if (firstErr) {
      // A definite error found in the first pass (a forced token, a tokenizer error, ...).
      throw this.checkRestOfSource(firstErr as PySyntaxError);
    }
    const lastTok = this.toks[this.toks.length - 1];
    // Second pass with the invalid_* rules.
    this.p = 0;
    this.depth = 0;
    this.invalid = true;
    this.secondPass = true;
    try {
      this.runMode(mode);
    } catch (e) {
      if (!(e instanceof PySyntaxError)) throw e;
      throw this.checkRestOfSource(e);
    }
    throw this.genericError(lastTok);
  }

  private runMode(mode: Mode): A.mod | null {
    switch (mode) {
      case 'exec': return this.file();
      case 'eval': return this.eval();
      case 'single': return this.interactive();
      case 'func_type': return this.func_type();
      case 'fstring': return this.fstring();
    }
  }

  private genericError(last: Token): PySyntaxError {
    if (last.type === T.EOF_IN_BRACKETS) {
      return this.unclosedBracketError(true) ?? this.errorAt(last, last, 'unexpected EOF while parsing');
    }
    if (last.type === T.INDENT || last.type === T.DEDENT) {
      return this.errorAt(last, last, last.type === T.INDENT ? 'unexpected indent' : 'unexpected unindent', 'IndentationError');
    }
    if (last.noPos) {
      // RAISE_SYNTAX_ERROR_KNOWN_LOCATION on a token without a column: offsets 0.
      const e = new PySyntaxError('SyntaxError', 'invalid syntax', this.filename, last.lineno, 0, this.lineTextFor(last.lineno), last.lineno, 0);
      return this.checkRestOfSource(e);
    }
    const err = this.errorAt(last, last, 'invalid syntax');
    return this.checkRestOfSource(err);
  }

  private unclosedBracketError(keepNewline = false): PySyntaxError | null {
    const b = this.tz.brackets[this.tz.brackets.length - 1];
    if (!b) return null;
    const ls = this.src.lineStart(b.lineno);
    const col = this.src.byteLen(ls, b.pos);
    const e = this.error('SyntaxError', `'${String.fromCharCode(b.ch)}' was never closed`, b.lineno, col, b.lineno, 0, true);
    // The line keeps its newline when it is the tokenizer's current line: the last line of the input.
    const line = this.src.lineText(b.lineno);
    let lastLine = this.src.lineStarts.length;
    if (this.src.lineStarts[lastLine - 1] >= this.src.text.length) lastLine--;
    const withNewline = keepNewline && b.lineno === lastLine;
    return new PySyntaxError(e.kind, e.msg, e.filename, e.lineno, e.offset, withNewline ? line : line.replace(/\n$/, ''), e.end_lineno, e.end_offset);
  }

  /** CPython tokenizes the rest of the source after a parser error: a tokenizer error wins. */
  private checkRestOfSource(err: PySyntaxError): PySyntaxError {
    if (this.fstringOrigin) return err;
    const currentErrLine = this.toks.length ? this.toks[this.toks.length - 1].lineno : 0;
    try {
      for (;;) {
        this.p = this.toks.length;
        const t = this.fill();
        if (t.type === T.ENDMARKER) break;
        if (t.type === T.EOF_IN_BRACKETS) {
          const b = this.tz.brackets[this.tz.brackets.length - 1];
          if (b && currentErrLine > b.lineno) return this.unclosedBracketError()!;
          break;
        }
      }
    } catch (e) {
      if (e instanceof PySyntaxError) return e.deferred ? err : e;
      throw e;
    }
    return err;
  }

  // ---- top-level rules -----------------------------------------------------------------------

  private file(): A.Module | null {
    const body = this.statements();
    if (this.tok().type !== T.ENDMARKER) return null;
    return { _type: 'Module', body: body ?? [], type_ignores: [] };
  }

  private eval(): A.Expression | null {
    const body = this.expressions();
    if (!body) return null;
    while (this.tok().type === T.NEWLINE) this.p++;
    if (this.tok().type !== T.ENDMARKER) return null;
    return { _type: 'Expression', body };
  }

  private interactive(): A.Interactive | null {
    const t = this.tok();
    if (t.type === T.NEWLINE) { this.p++; return { _type: 'Interactive', body: [] }; }
    const body = this.statement();
    if (!body) return null;
    // Anything but blank lines and comments after the statement is an error (bad_single_statement).
    const last = this.toks[this.p - 1];
    if (!/^(?:[ \t\f\n]|#[^\n]*)*$/.test(this.src.text.slice(last.end))) {
      throw this.errorAt(last, last, 'multiple statements found while compiling a single statement');
    }
    return { _type: 'Interactive', body };
  }

  private func_type(): A.FunctionType | null {
    if (!this.eatOp('(')) return null;
    const argtypes: A.expr[] = [];
    if (!this.isOp(')')) {
      for (;;) {
        // func_type_comment argument types: `*T` and `**T` contribute just T.
        if (this.isOp('*') || this.isOp('**')) this.p++;
        const e = this.expression();
        if (!e) return null;
        argtypes.push(e);
        if (!this.eatOp(',')) break;
      }
    }
    if (!this.eatOp(')') || !this.eatOp('->')) return null;
    const returns = this.expression();
    if (!returns) return null;
    while (this.tok().type === T.NEWLINE) this.p++;
    if (this.tok().type !== T.ENDMARKER) return null;
    return { _type: 'FunctionType', argtypes, returns };
  }

  /** For f-string expressions: `(expr)` parsed as fstring_input (star_expressions). */
  parseFstringExpr(): A.expr {
    return (this.parse('fstring') as A.Expression).body;
  }

  /** fstring: star_expressions, over the text `(expr)`. */
  private fstring(): A.Expression | null {
    const e = this.star_expressions();
    if (!e || this.tok().type !== T.NEWLINE) return null;
    return { _type: 'Expression', body: e };
  }

  // ---- statements ----------------------------------------------------------------------------

  private statements(): A.stmt[] | null {
    const out: A.stmt[] = [];
    for (;;) {
      const t = this.tok();
      if (t.type === T.ENDMARKER || t.type === T.DEDENT || t.type === T.EOF_IN_BRACKETS) break;
      const s = this.statement();
      if (!s) break;
      for (const x of s) out.push(x);
    }
    return out.length ? out : null;
  }

  private statement(): A.stmt[] | null {
    const c = this.compound_stmt();
    if (c) return [c];
    return this.simple_stmts();
  }

  private compound_stmt(): A.stmt | null {
    const t = this.tok();
    if (t.type === T.OP) {
      if (t.string === '@') return this.decorated();
      return null;
    }
    if (t.type !== T.NAME) return null;
    switch (t.string) {
      case 'def': return this.function_def([], null);
      case 'if': return this.if_stmt();
      case 'class': return this.class_def([], null);
      case 'with': return this.with_stmt(null);
      case 'for': return this.for_stmt(null);
      case 'try': return this.try_stmt();
      case 'while': return this.while_stmt();
      case 'async': {
        const n = this.peek(1);
        if (n.type === T.NAME) {
          if (n.string === 'def') { this.p++; return this.function_def([], t); }
          if (n.string === 'with') { this.p++; return this.with_stmt(t); }
          if (n.string === 'for') { this.p++; return this.for_stmt(t); }
        }
        return null;
      }
      case 'match': return this.match_stmt();
    }
    return null;
  }

  private simple_stmts(): A.stmt[] | null {
    const out: A.stmt[] = [];
    const save = this.p;
    for (;;) {
      const s = this.simple_stmt();
      if (!s) { this.p = save; return null; }
      out.push(s);
      if (this.eatOp(';')) {
        if (this.tok().type === T.NEWLINE) break;
        continue;
      }
      break;
    }
    if (this.tok().type !== T.NEWLINE) {
      if (this.invalid && out.length) {
        // invalid_expression etc. are reached through the expression rules; nothing more here.
      }
      this.p = save;
      return null;
    }
    this.p++;
    return out;
  }

  private simple_stmt(): A.stmt | null {
    const t = this.tok();
    if (t.type === T.NAME) {
      switch (t.string) {
        case 'return': return this.return_stmt();
        case 'import': return this.import_name();
        case 'from': return this.import_from();
        case 'raise': return this.raise_stmt();
        case 'pass': this.p++; return this.atTok<A.Pass>({ _type: 'Pass' }, t);
        case 'del': return this.del_stmt();
        case 'assert': return this.assert_stmt();
        case 'break': this.p++; return this.atTok<A.Break>({ _type: 'Break' }, t);
        case 'continue': this.p++; return this.atTok<A.Continue>({ _type: 'Continue' }, t);
        case 'global':
        case 'nonlocal': {
          this.p++;
          const names: string[] = [];
          do {
            const n = this.name();
            if (!n) return this.failAt(t);
            names.push(n.string);
          } while (this.eatOp(','));
          return this.atTok({ _type: t.string === 'global' ? 'Global' : 'Nonlocal', names }, t);
        }
      }
    }
    return this.assignment_or_expr();
  }

  private failAt(t: Token): null {
    this.p = this.toks.indexOf(t);
    return null;
  }

  private assignment_or_expr(): A.stmt | null {
    const start = this.tok();
    const save = this.p;
    const e = this.isKw('yield') ? this.yield_expr() : this.star_expressions();
    if (!e) return null;
    const t = this.tok();
    if (t.type === T.OP) {
      if (t.string === ':=' && this.invalid && e._type !== 'Tuple' && e._type !== 'Starred' && e._type !== 'Name') this.invalidWalrusTarget(e);
      if (t.string === '=') return this.assignment(e, start);
      if (t.string === ':') {
        {
          const simpleTarget = e._type === 'Name' || e._type === 'Attribute' || e._type === 'Subscript';
          if (!simpleTarget) {
            if (!this.invalid) { this.p = save; return null; }
            const s1 = this.p;
            this.p++;
            const ann = this.withoutInvalid(() => this.expression());
            this.p = s1;
            if (!ann) { this.p = save; return null; }
            if (e._type === 'Tuple' || e._type === 'List') {
              const inParens = start.type === T.OP;
              if (e._type === 'List' || inParens) throw this.errorAt(e, e, `only single target (not ${e._type === 'List' ? 'list' : 'tuple'}) can be annotated`);
              throw this.errorAt(e.elts[0], e.elts[0], 'only single target (not tuple) can be annotated');
            }
            throw this.errorAt(e, e, 'illegal target for annotation');
          }
          this.p++;
          const annotation = this.expression();
          if (!annotation) { this.p = save; return null; }
          let value: A.expr | null = null;
          if (this.eatOp('=')) {
            value = this.isKw('yield') ? this.yield_expr() : this.star_expressions();
            if (!value) { this.p = save; return null; }
          }
          const simple = e._type === 'Name' && start.type === T.NAME ? 1 : 0;
          this.setContext(e, STORE);
          return this.atTok<A.AnnAssign>({ _type: 'AnnAssign', target: e, annotation, value, simple }, start);
        }
      }
      const aug = AUGASSIGN[t.string];
      if (aug !== undefined) {
        if (e._type !== 'Name' && e._type !== 'Attribute' && e._type !== 'Subscript') {
          if (this.invalid && !(start.type === T.NAME && start.string === 'yield')) {
            // a=star_expressions augassign (yield_expr | star_expressions)
            this.p++;
            const rhs = this.withoutInvalid(() => (this.isKw('yield') ? this.yield_expr() : this.star_expressions()));
            if (rhs) throw this.errorAt(e, e, `'${exprName(e)}' is an illegal expression for augmented assignment`);
          }
          this.p = save;
          return null;
        }
        this.p++;
        const value = this.isKw('yield') ? this.yield_expr() : this.star_expressions();
        if (!value) { this.p = save; return null; }
        this.setContext(e, STORE);
        return this.atTok<A.AugAssign>({ _type: 'AugAssign', target: e, op: OPS[aug], value }, start);
      }
    }
    return this.atTok<A.Expr>({ _type: 'Expr', value: e }, start);
  }

  private assignment(first: A.expr, start: Token): A.stmt | null {
    const save = this.toks.indexOf(start);
    const targets: A.expr[] = [first];
    let value: A.expr | null = null;
    while (this.eatOp('=')) {
      const rhsTok = this.tok();
      const v = this.isKw('yield') ? this.yield_expr() : this.star_expressions();
      if (!v) {
        if (this.invalid) this.checkInvalidTargets(targets, rhsTok, null);
        this.p = save;
        return null;
      }
      value = v;
      if (this.isOp('=')) targets.push(v);
    }
    // Every target must be assignable.
    for (const tgt of targets) {
      if (tgt._type === 'Yield' || tgt._type === 'YieldFrom' || invalidTarget(tgt, TargetsType.STAR)) {
        this.checkInvalidTargets(targets, null, value);
        this.p = save;
        return null;
      }
    }
    for (const tgt of targets) this.setContext(tgt, STORE);
    return this.atTok<A.Assign>({ _type: 'Assign', targets, value: value!, type_comment: null }, start);
  }

  /** The messages of invalid_named_expression / invalid_assignment for a bad assignment. */
  private checkInvalidTargets(targets: A.expr[], _rhsTok: Token | null, value: A.expr | null): void {
    const first = targets[0];
    if (targets.length === 1 && value) {
      const bitwiseOr = !['Compare', 'BoolOp', 'IfExp', 'Lambda', 'Starred', 'Tuple', 'List', 'GeneratorExp', 'Yield', 'YieldFrom', 'NamedExpr'].includes(first._type)
        && !(first._type === 'UnaryOp' && first.op._type === 'Not')
        && !(first._type === 'Constant' && (first.value === true || first.value === false || first.value === None));
      const rhsOk = !['Lambda', 'Yield', 'YieldFrom', 'Starred', 'NamedExpr'].includes(value._type) && !(value._type === 'UnaryOp' && value.op._type === 'Not');
      if (bitwiseOr && rhsOk && first._type !== 'Name' && first._type !== 'Attribute' && first._type !== 'Subscript') {
        throw this.errorAt(first, first, `cannot assign to ${exprName(first)} here. Maybe you meant '==' instead of '='?`);
      }
    }
    for (const tgt of targets) {
      if (tgt._type === 'Yield' || tgt._type === 'YieldFrom') throw this.errorAt(tgt, tgt, 'assignment to yield expression not possible');
      const bad = invalidTarget(tgt, TargetsType.STAR);
      if (bad) throw this.errorAt(bad, bad, `cannot assign to ${exprName(bad)}`);
    }
  }

  /** Sets the context of a target expression (CPython's _PyPegen_set_expr_context). */
  private setContext(e: A.expr, ctx: A.expr_context): void {
    switch (e._type) {
      case 'Name': case 'Attribute': case 'Subscript': e.ctx = ctx; break;
      case 'Starred': e.ctx = ctx; this.setContext(e.value, ctx); break;
      case 'Tuple': case 'List': e.ctx = ctx; for (const x of e.elts) this.setContext(x, ctx); break;
      default: break;
    }
  }

  private return_stmt(): A.Return {
    const t = this.tok();
    this.p++;
    const value = this.star_expressions();
    return this.atTok<A.Return>({ _type: 'Return', value }, t);
  }

  private raise_stmt(): A.Raise | null {
    const t = this.tok();
    this.p++;
    let exc: A.expr | null = null;
    let cause: A.expr | null = null;
    exc = this.expression();
    if (exc && this.eatKw('from')) {
      cause = this.expression();
      if (!cause) return this.failAt(t);
    }
    return this.atTok<A.Raise>({ _type: 'Raise', exc, cause }, t);
  }

  private assert_stmt(): A.Assert | null {
    const t = this.tok();
    this.p++;
    const test = this.expression();
    if (!test) return this.failAt(t);
    let msg: A.expr | null = null;
    if (this.eatOp(',')) {
      msg = this.expression();
      if (!msg) return this.failAt(t);
    }
    return this.atTok<A.Assert>({ _type: 'Assert', test, msg }, t);
  }

  private del_stmt(): A.Delete | null {
    const t = this.tok();
    this.p++;
    const targets: A.expr[] = [];
    const save = this.p;
    const list = this.del_targets();
    const ok = list !== null && (this.isOp(';') || this.tok().type === T.NEWLINE);
    if (ok) {
      for (const e of list) {
        const bad = this.delTargetInvalid(e);
        if (bad) {
          if (!this.invalid) return this.failAt(t);
          throw this.errorAt(bad, bad, `cannot delete ${exprName(bad)}`);
        }
        this.setContext(e, DEL);
        targets.push(e);
      }
      return this.atTok<A.Delete>({ _type: 'Delete', targets }, t);
    }
    if (this.invalid) {
      // invalid_del_stmt: 'del' star_expressions
      this.p = save;
      const e = this.withoutInvalid(() => this.star_expressions());
      const bad = e && invalidTarget(e, TargetsType.DEL);
      if (bad) throw this.errorAt(bad, bad, `cannot delete ${exprName(bad)}`);
    }
    this.p = save;
    return this.failAt(t);
  }

  /** del_targets: ','.del_target+ [','] where a del_target is a primary (name, attribute, subscript, or a bracketed group of targets). */
  private del_targets(): A.expr[] | null {
    const out: A.expr[] = [];
    for (;;) {
      const t = this.tok();
      if (t.type === T.NEWLINE || (t.type === T.OP && t.string === ';')) break;
      const e = this.primary();
      if (!e) return out.length ? out : null;
      if ((e._type === 'Tuple' || e._type === 'List') && t.type !== T.OP) return null;
      out.push(e);
      if (!this.eatOp(',')) break;
    }
    return out.length ? out : null;
  }

  private delTargetInvalid(e: A.expr): A.expr | null {
    return invalidTarget(e, TargetsType.DEL);
  }

  /** Comma-separated expressions with their trailing comma allowed (for del). */
  private star_expressions_list(): A.expr[] | null {
    const out: A.expr[] = [];
    for (;;) {
      const e = this.star_expression();
      if (!e) return out.length ? out : null;
      out.push(e);
      if (!this.eatOp(',')) return out;
      const n = this.tok();
      if (n.type === T.NEWLINE || (n.type === T.OP && n.string === ';')) return out;
    }
  }

  private import_name(): A.Import | null {
    const t = this.tok();
    this.p++;
    const names: A.alias[] = [];
    do {
      const a = this.dotted_as_name();
      if (!a) return this.failAt(t);
      names.push(a);
    } while (this.eatOp(','));
    return this.atTok<A.Import>({ _type: 'Import', names }, t);
  }

  private dotted_name(): string | null {
    const n = this.name();
    if (!n) return null;
    let s = n.string;
    while (this.isOp('.')) {
      const nx = this.peek(1);
      if (nx.type !== T.NAME || KEYWORDS.has(nx.string)) break;
      this.p += 2;
      s += '.' + nx.string;
    }
    return s;
  }

  private dotted_as_name(): A.alias | null {
    const t = this.tok();
    const name = this.dotted_name();
    if (!name) return null;
    let asname: string | null = null;
    if (this.eatKw('as')) {
      const n = this.name();
      if (!n) return this.failAt(t);
      asname = n.string;
    }
    return this.atTok<A.alias>({ _type: 'alias', name, asname }, t);
  }

  private import_from(): A.ImportFrom | null {
    const t = this.tok();
    this.p++;
    let level = 0;
    for (;;) {
      if (this.eatOp('.')) level++;
      else if (this.eatOp('...')) level += 3;
      else break;
    }
    let module: string | null = null;
    if (!this.isKw('import')) {
      module = this.dotted_name();
      if (!module) return this.failAt(t);
    } else if (level === 0) return this.failAt(t);
    if (!this.eatKw('import')) return this.failAt(t);
    const names: A.alias[] = [];
    if (this.isOp('*')) {
      const s = this.tok();
      this.p++;
      names.push(this.atTok<A.alias>({ _type: 'alias', name: '*', asname: null }, s));
    } else {
      const paren = this.eatOp('(');
      for (;;) {
        const s = this.tok();
        const n = this.name();
        if (!n) return this.failAt(t);
        let asname: string | null = null;
        if (this.eatKw('as')) {
          const a = this.name();
          if (!a) return this.failAt(t);
          asname = a.string;
        }
        names.push(this.atTok<A.alias>({ _type: 'alias', name: n.string, asname }, s));
        if (!this.eatOp(',')) break;
        if (paren && this.isOp(')')) break;
        if (!paren && this.tok().type === T.NEWLINE) {
          if (this.invalid) throw this.errorAtLast('trailing comma not allowed without surrounding parentheses');
          return this.failAt(t);
        }
      }
      if (paren && !this.eatOp(')')) return this.failAt(t);
    }
    return this.atTok<A.ImportFrom>({ _type: 'ImportFrom', module, names, level }, t);
  }

  // ---- compound statements -------------------------------------------------------------------

  /** block: NEWLINE INDENT statements DEDENT | simple_stmts */
  private block(what: string | null, kwTok: Token | null): A.stmt[] | null {
    const save = this.p;
    if (this.tok().type === T.NEWLINE) {
      this.p++;
      if (this.tok().type !== T.INDENT) {
        if (what !== null && kwTok !== null) {
          throw this.errorAtLastFetched(`expected an indented block after ${what} on line ${kwTok.lineno}`, 'IndentationError');
        }
        this.p = save;
        return null;
      }
      this.p++;
      const body = this.statements();
      if (!body || this.tok().type !== T.DEDENT) { this.p = save; return null; }
      this.p++;
      return body;
    }
    return this.simple_stmts();
  }

  private errorAtLastFetched(msg: string, kind: SyntaxErrorKind): PySyntaxError {
    this.tok();
    return this.errorAtLast(msg, kind);
  }

  private decorated(): A.stmt | null {
    const start = this.p;
    const decorators: A.expr[] = [];
    while (this.eatOp('@')) {
      const e = this.named_expression();
      if (!e || this.tok().type !== T.NEWLINE) { this.p = start; return null; }
      this.p++;
      decorators.push(e);
    }
    const t = this.tok();
    if (t.type === T.NAME) {
      if (t.string === 'def') return this.function_def(decorators, null);
      if (t.string === 'class') return this.class_def(decorators, null);
      if (t.string === 'async' && this.peek(1).string === 'def' && this.peek(1).type === T.NAME) {
        this.p++;
        return this.function_def(decorators, t);
      }
    }
    this.p = start;
    return null;
  }

  private function_def(decorator_list: A.expr[], asyncTok: Token | null): A.stmt | null {
    const defTok = this.tok();
    const startTok = asyncTok ?? defTok;
    const save = this.toks.indexOf(startTok);
    this.p++;
    const n = this.name();
    if (!n) { this.p = save; return null; }
    this.expectForced('(');
    const args = this.params(false) ?? this.emptyArguments();
    if (!this.eatOp(')')) {
      if (this.invalid) this.invalidParameters();
      this.p = save;
      return null;
    }
    let returns: A.expr | null = null;
    if (this.isOp('->')) {
      const arrow = this.p;
      this.p++;
      returns = this.expression();
      if (!returns) this.p = arrow; // ['->' expression] is optional: then &&':' fails at '->'
    }
    this.expectForced(':');
    const body = this.block('function definition', defTok);
    if (!body) { this.p = save; return null; }
    const node = {
      _type: asyncTok ? 'AsyncFunctionDef' : 'FunctionDef', name: n.string, args, body, decorator_list, returns, type_comment: null,
    } as A.FunctionDef | A.AsyncFunctionDef;
    return this.atTok<A.FunctionDef | A.AsyncFunctionDef>(node, startTok);
  }

  private invalidParameters(): void {
    // Reached only on the second pass; the parameter rules raise their own messages.
  }

  private emptyArguments(): A.arguments {
    return { _type: 'arguments', posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kw_defaults: [], kwarg: null, defaults: [] };
  }

  /**
   * parameters / lambda_parameters: [posonly '/'] args ['*' [vararg] kwonly] ['**' kwarg], with the
   * ordering rules of the grammar. Returns null when there are no parameters at all.
   */
  private params(lambda: boolean): A.arguments | null {
    const a = this.emptyArguments();
    const close = lambda ? ':' : ')';
    let seenDefault = false;
    let seenSlash = false;
    let seenStar = false;
    let any = false;
    const start = this.p;
    for (;;) {
      const t = this.tok();
      if (t.type === T.OP && t.string === close) break;
      if (t.type === T.OP && t.string === '/') {
        if (seenSlash) {
          if (this.invalid) throw this.errorAt(t, t, "/ may appear only once");
          this.p = start;
          return null;
        }
        if (seenStar) {
          if (this.invalid) throw this.errorAt(t, t, "/ must be ahead of *");
          this.p = start;
          return null;
        }
        if (a.args.length === 0) {
          if (this.invalid) throw this.errorAt(t, t, 'at least one argument must precede /');
          this.p = start;
          return null;
        }
        this.p++;
        seenSlash = true;
        a.posonlyargs = a.args;
        a.args = [];
        any = true;
      } else if (t.type === T.OP && t.string === '*') {
        if (seenStar) {
          // invalid_star_etc: a second '*' followed by a plain parameter or ','.
          if (this.invalid && this.secondStarRaises(lambda)) throw this.errorAt(t, t, '* argument may appear only once');
          this.p = start;
          return null;
        }
        this.p++;
        seenStar = true;
        any = true;
        const nt = this.tok();
        if (nt.type === T.OP && nt.string === ',') {
          const after = this.peek(1);
          if (after.type === T.OP && (after.string === close || after.string === '**')) {
            if (this.invalid) throw lambda ? this.errorAtLastFetched('named arguments must follow bare *', 'SyntaxError') : this.errorAt(t, t, 'named arguments must follow bare *');
            this.p = start;
            return null;
          }
        } else if (nt.type === T.OP && nt.string === close) {
          if (this.invalid) throw lambda ? this.errorAtLastFetched('named arguments must follow bare *', 'SyntaxError') : this.errorAt(t, t, 'named arguments must follow bare *');
          this.p = start;
          return null;
        } else {
          const p = this.param(lambda, true);
          if (!p) { this.p = start; return null; }
          if (this.isOp('=')) {
            if (this.invalid) throw this.errorAtLast('var-positional argument cannot have default value');
            this.p = start;
            return null;
          }
          a.vararg = p;
        }
      } else if (t.type === T.OP && t.string === '**') {
        this.p++;
        const p = this.param(lambda, false);
        if (!p) { this.p = start; return null; }
        if (this.isOp('=')) {
          if (this.invalid) throw this.errorAtLast('var-keyword argument cannot have default value');
          this.p = start;
          return null;
        }
        a.kwarg = p;
        any = true;
        if (this.eatOp(',')) {
          const after = this.tok();
          if (!(after.type === T.OP && after.string === close)) {
            // invalid_kwds: '**' param ',' (param | '*' | '**' | '/')
            if (this.invalid) {
              if (after.type === T.OP && (after.string === '*' || after.string === '**' || after.string === '/')) {
                throw this.errorAt(after, after, 'arguments cannot follow var-keyword argument');
              }
              const s1 = this.p;
              const q = this.withoutInvalid(() => this.param(lambda, false));
              if (q) throw this.errorAt(q, q, 'arguments cannot follow var-keyword argument');
              this.p = s1;
            }
            this.p = start;
            return null;
          }
        }
        if (!this.isOp(close)) { this.p = start; return null; }
        break;
      } else {
        if (this.invalid && t.type === T.OP && t.string === '(') this.invalidParenthesizedParams(lambda);
        const p = this.param(lambda, false);
        if (!p) { this.p = start; return null; }
        any = true;
        let def: A.expr | null = null;
        const eq = this.tok();
        if (this.eatOp('=')) {
          def = this.expression();
          if (!def) {
            if (this.invalid && (this.isOp(')') || this.isOp(','))) throw this.errorAt(eq, eq, 'expected default value expression');
            this.p = start;
            return null;
          }
        }
        if (seenStar) {
          a.kwonlyargs.push(p);
          a.kw_defaults.push(def);
        } else {
          if (def) { seenDefault = true; a.defaults.push(def); }
          else if (seenDefault) {
            if (this.invalid) throw this.errorAt(p, p, 'non-default argument follows default argument');
            this.p = start;
            return null;
          }
          a.args.push(p);
        }
      }
      if (!this.eatOp(',')) break;
    }
    if (!any) { this.p = start; return null; }
    return a;
  }

  /** After a second '*': a parameter without default (then ',' or the end) or a ','. */
  private secondStarRaises(lambda: boolean): boolean {
    const s0 = this.p;
    this.p++;
    try {
      if (this.isOp(',')) return true;
      const n = this.name();
      if (!n) return false;
      if (lambda) return this.isOp(',') || this.isOp(':');
      if (this.isOp(':')) {
        this.p++;
        if (!this.withoutInvalid(() => this.expression())) return false;
      }
      return this.isOp(',') || this.isOp(')');
    } finally {
      this.p = s0;
    }
  }

  /** invalid_parameters: `def f((a, b))` — parameters in parentheses. */
  private invalidParenthesizedParams(lambda: boolean): void {
    const s0 = this.p;
    const open = this.tok();
    this.p++;
    let n = 0;
    while (this.name()) {
      n++;
      if (!lambda && this.isOp(':')) break;
      if (!this.eatOp(',')) break;
    }
    const close = this.tok();
    if (n > 0 && this.eatOp(')')) {
      throw this.errorAt(open, close, lambda ? 'Lambda expression parameters cannot be parenthesized' : 'Function parameters cannot be parenthesized');
    }
    this.p = s0;
  }

  private param(lambda: boolean, star: boolean): A.arg | null {
    const n = this.name();
    if (!n) return null;
    let annotation: A.expr | null = null;
    if (!lambda && this.eatOp(':')) {
      annotation = star ? this.star_expression() : this.expression();
      if (!annotation) return null;
    }
    return this.atTok<A.arg>({ _type: 'arg', arg: n.string, annotation, type_comment: null }, n);
  }

  private class_def(decorator_list: A.expr[], _asyncTok: Token | null): A.ClassDef | null {
    const t = this.tok();
    const save = this.p;
    this.p++;
    const n = this.name();
    if (!n) { this.p = save; return null; }
    let bases: A.expr[] = [];
    let keywords: A.keyword[] = [];
    if (this.eatOp('(')) {
      if (!this.isOp(')')) {
        const args = this.arguments();
        if (!args) { this.p = save; return null; }
        bases = args.args;
        keywords = args.keywords;
      }
      if (!this.eatOp(')')) { this.p = save; return null; }
    }
    if (!this.eatOp(':')) {
      if (this.invalid && this.tok().type === T.NEWLINE) throw this.errorAtLastFetched("expected ':'", 'SyntaxError');
      this.p = save;
      return null;
    }
    const body = this.block('class definition', t);
    if (!body) { this.p = save; return null; }
    return this.atTok<A.ClassDef>({ _type: 'ClassDef', name: n.string, bases, keywords, body, decorator_list }, t);
  }

  /** `':'` after a header; on the second pass a NEWLINE there means "expected ':'". */
  private colon(): boolean {
    if (this.eatOp(':')) return true;
    if (this.invalid && this.tok().type === T.NEWLINE) throw this.errorAtLastFetched("expected ':'", 'SyntaxError');
    return false;
  }

  private if_stmt(): A.If | null {
    const t = this.tok();
    const save = this.p;
    this.p++;
    const test = this.named_expression();
    if (!test || !this.colon()) { this.p = save; return null; }
    const body = this.block(`'${t.string}' statement`, t);
    if (!body) { this.p = save; return null; }
    let orelse: A.stmt[] = [];
    if (this.isKw('elif')) {
      const e = this.if_stmt();
      if (!e) { this.p = save; return null; }
      orelse = [e];
    } else if (this.isKw('else')) {
      const o = this.else_block();
      if (!o) { this.p = save; return null; }
      orelse = o;
    }
    return this.atTok<A.If>({ _type: 'If', test, body, orelse }, t);
  }

  private else_block(): A.stmt[] | null {
    const t = this.tok();
    this.p++;
    this.expectForced(':');
    return this.block("'else' statement", t);
  }

  private while_stmt(): A.While | null {
    const t = this.tok();
    const save = this.p;
    this.p++;
    const test = this.named_expression();
    if (!test || !this.colon()) { this.p = save; return null; }
    const body = this.block("'while' statement", t);
    if (!body) { this.p = save; return null; }
    let orelse: A.stmt[] = [];
    if (this.isKw('else')) {
      const o = this.else_block();
      if (!o) { this.p = save; return null; }
      orelse = o;
    }
    return this.atTok<A.While>({ _type: 'While', test, body, orelse }, t);
  }

  private for_stmt(asyncTok: Token | null): A.For | A.AsyncFor | null {
    const t = this.tok();
    const start = asyncTok ?? t;
    const save = this.toks.indexOf(start);
    this.p++;
    const target = this.star_targets();
    if (!target || !this.eatKw('in')) {
      if (this.invalid) this.invalidForTarget(save);
      this.p = save;
      return null;
    }
    const iter = this.star_expressions();
    if (!iter || !this.colon()) { this.p = save; return null; }
    const body = this.block("'for' statement", t);
    if (!body) { this.p = save; return null; }
    let orelse: A.stmt[] = [];
    if (this.isKw('else')) {
      const o = this.else_block();
      if (!o) { this.p = save; return null; }
      orelse = o;
    }
    return this.atTok({ _type: asyncTok ? 'AsyncFor' : 'For', target, iter, body, orelse, type_comment: null }, start);
  }

  /** invalid_for_target: 'for' star_expressions → "cannot assign to ..." */
  private invalidForTarget(save: number): void {
    this.p = save;
    if (this.isKw('async')) this.p++;
    this.p++;
    const e = this.star_expressions();
    if (!e) return;
    const bad = invalidTarget(e, TargetsType.FOR);
    if (bad) throw this.errorAt(bad, bad, `cannot assign to ${exprName(bad)}`);
  }

  private with_stmt(asyncTok: Token | null): A.With | A.AsyncWith | null {
    const t = this.tok();
    const start = asyncTok ?? t;
    const save = this.toks.indexOf(start);
    this.p++;
    let items: A.withitem[] | null = null;
    if (this.isOp('(')) {
      // '(' ','.with_item+ ','? ')' ':'
      const s2 = this.p;
      this.p++;
      items = [];
      for (;;) {
        const it = this.with_item();
        if (!it) { items = null; break; }
        items.push(it);
        if (!this.eatOp(',')) break;
        if (this.isOp(')')) break;
      }
      if (!items || !this.eatOp(')') || !this.isOp(':')) {
        items = null;
        this.p = s2;
      }
    }
    if (!items) {
      items = [];
      for (;;) {
        const it = this.with_item();
        if (!it) {
          if (this.invalid) this.invalidWithStmt(save);
          this.p = save;
          return null;
        }
        items.push(it);
        if (!this.eatOp(',')) break;
      }
    }
    if (this.invalid && this.tok().type === T.NEWLINE) this.invalidWithStmt(save);
    if (!this.colon()) { this.p = save; return null; }
    const body = this.block("'with' statement", t);
    if (!body) { this.p = save; return null; }
    return this.atTok({ _type: asyncTok ? 'AsyncWith' : 'With', items, body, type_comment: null }, start);
  }

  /** invalid_with_stmt: a with-header without its ':' ("expected ':'"). */
  private invalidWithStmt(save: number): void {
    const p0 = this.p;
    this.p = save;
    if (this.isKw('async')) this.p++;
    this.p++;
    const paren = this.eatOp('(');
    let items = 0;
    for (;;) {
      const e = this.withoutInvalid(() => this.expression());
      if (!e) break;
      items++;
      if (this.eatKw('as') && !this.withoutInvalid(() => this.star_target())) break;
      if (!this.eatOp(',')) break;
      if (paren && this.isOp(')')) break;
    }
    if (items > 0 && (!paren || this.eatOp(')')) && this.tok().type === T.NEWLINE) throw this.errorAtLastFetched("expected ':'", 'SyntaxError');
    this.p = p0;
  }

  private with_item(): A.withitem | null {
    const context_expr = this.expression();
    if (!context_expr) return null;
    let optional_vars: A.expr | null = null;
    if (this.isKw('as')) {
      const s = this.p;
      this.p++;
      const tgt = this.star_target();
      const n = this.tok();
      if (tgt && n.type === T.OP && (n.string === ',' || n.string === ')' || n.string === ':')) {
        optional_vars = tgt;
      } else {
        if (this.invalid) {
          this.p = s + 1;
          const e = this.expression();
          if (e) {
            const bad = invalidTarget(e, TargetsType.STAR);
            if (bad) throw this.errorAt(bad, bad, `cannot assign to ${exprName(bad)}`);
          }
        }
        this.p = s;
        return null;
      }
    }
    return { _type: 'withitem', context_expr, optional_vars };
  }

  private try_stmt(): A.Try | A.TryStar | null {
    const t = this.tok();
    const save = this.p;
    this.p++;
    this.expectForced(':');
    const body = this.block("'try' statement", t);
    if (!body) { this.p = save; return null; }
    const handlers: A.ExceptHandler[] = [];
    let star: boolean | null = null;
    while (this.isKw('except')) {
      const et = this.tok();
      this.p++;
      const isStar = this.eatOp('*');
      if (star === null) star = isStar;
      else if (star !== isStar) {
        if (this.invalid) throw this.errorAt(et, et, 'cannot have both \'except\' and \'except*\' on the same \'try\'');
        this.p = save;
        return null;
      }
      let type: A.expr | null = null;
      let name: string | null = null;
      if (this.invalid && isStar && (this.tok().type === T.NEWLINE || this.isOp(':'))) {
        throw this.errorAtLastFetched('expected one or more exception types', 'SyntaxError');
      }
      if (this.invalid && this.tok().type === T.NEWLINE) throw this.errorAtLastFetched("expected ':'", 'SyntaxError');
      if (!this.isOp(':')) {
        type = this.expression();
        if (!type) { this.p = save; return null; }
        if (this.isOp(',')) {
          if (this.invalid) {
            const s2 = this.p;
            this.p++;
            const more = this.expression();
            if (more) throw this.errorAt(type, this.lastNodeEnd(), 'multiple exception types must be parenthesized');
            this.p = s2;
          }
          this.p = save;
          return null;
        }
        if (this.eatKw('as')) {
          const n = this.name();
          if (!n) {
            if (this.invalid) {
              const e = this.withoutInvalid(() => this.expression());
              if (e) throw this.errorAt(e, e, `cannot use ${exprName(e)} as exception name`);
            }
            this.p = save;
            return null;
          }
          name = n.string;
        }
      } else if (isStar) {
        if (this.invalid) throw this.errorAt(this.tok(), this.tok(), 'expected one or more exception types');
        this.p = save;
        return null;
      }
      if (!this.colon()) { this.p = save; return null; }
      const hbody = this.block(isStar ? "'except*' statement" : "'except' statement", et);
      if (!hbody) { this.p = save; return null; }
      handlers.push(this.atTok<A.ExceptHandler>({ _type: 'ExceptHandler', type, name, body: hbody }, et));
    }
    let orelse: A.stmt[] = [];
    let finalbody: A.stmt[] = [];
    if (handlers.length && this.isKw('else')) {
      const o = this.else_block();
      if (!o) { this.p = save; return null; }
      orelse = o;
    }
    if (this.isKw('finally')) {
      const ft = this.tok();
      this.p++;
      this.expectForced(':');
      const f = this.block("'finally' statement", ft);
      if (!f) { this.p = save; return null; }
      finalbody = f;
    }
    if (!handlers.length && !finalbody.length) {
      if (this.invalid) throw this.errorAtLastFetched("expected 'except' or 'finally' block", 'SyntaxError');
      this.p = save;
      return null;
    }
    return this.atTok({ _type: star ? 'TryStar' : 'Try', body, handlers, orelse, finalbody }, t);
  }

  private lastNodeEnd(): Token {
    return this.last;
  }

  // ---- match statement -----------------------------------------------------------------------

  private match_stmt(): A.Match | null {
    const t = this.tok();
    const save = this.p;
    this.p++;
    const subject = this.subject_expr();
    if (!subject || !this.eatOp(':')) {
      if (this.invalid && subject && this.tok().type === T.NEWLINE) throw this.errorAtLastFetched("expected ':'", 'SyntaxError');
      this.p = save;
      return null;
    }
    if (this.tok().type !== T.NEWLINE) { this.p = save; return null; }
    this.p++;
    if (this.tok().type !== T.INDENT) {
      if (this.invalid) throw this.errorAtLastFetched(`expected an indented block after 'match' statement on line ${t.lineno}`, 'IndentationError');
      this.p = save;
      return null;
    }
    this.p++;
    const cases: A.match_case[] = [];
    while (this.isKw('case')) {
      const c = this.case_block();
      if (!c) break;
      cases.push(c);
    }
    if (!cases.length || this.tok().type !== T.DEDENT) { this.p = save; return null; }
    this.p++;
    return this.atTok<A.Match>({ _type: 'Match', subject, cases }, t);
  }

  private subject_expr(): A.expr | null {
    const start = this.tok();
    const save = this.p;
    const first = this.star_named_expression();
    if (!first) return null;
    if (this.isOp(',')) {
      const elts = [first];
      while (this.eatOp(',')) {
        if (this.isOp(':')) break;
        const e = this.star_named_expression();
        if (!e) { this.p = save; return null; }
        elts.push(e);
      }
      return this.atTok<A.Tuple>({ _type: 'Tuple', elts, ctx: LOAD }, start);
    }
    if (first._type === 'Starred') { this.p = save; return null; }
    return first;
  }

  private case_block(): A.match_case | null {
    const t = this.tok();
    const save = this.p;
    this.p++;
    const pattern = this.patterns();
    if (!pattern) { this.p = save; return null; }
    let guard: A.expr | null = null;
    if (this.eatKw('if')) {
      guard = this.named_expression();
      if (!guard) { this.p = save; return null; }
    }
    if (!this.colon()) { this.p = save; return null; }
    const body = this.block("'case' statement", t);
    if (!body) { this.p = save; return null; }
    return { _type: 'match_case', pattern, guard, body };
  }

  private patterns(): A.pattern | null {
    const start = this.tok();
    const save = this.p;
    const first = this.maybe_star_pattern();
    if (!first) return null;
    if (this.isOp(',')) {
      const pats = [first];
      while (this.eatOp(',')) {
        if (this.isOp(':') || this.isKw('if')) break;
        const pt = this.maybe_star_pattern();
        if (!pt) { this.p = save; return null; }
        pats.push(pt);
      }
      return this.atTok<A.MatchSequence>({ _type: 'MatchSequence', patterns: pats }, start);
    }
    if (first._type === 'MatchStar') { this.p = save; return null; }
    return first;
  }

  private maybe_star_pattern(): A.pattern | null {
    if (this.isOp('*')) return this.star_pattern();
    return this.pattern();
  }

  private star_pattern(): A.MatchStar | null {
    const t = this.tok();
    this.p++;
    const n = this.name();
    if (!n) return this.failAt(t);
    return this.atTok<A.MatchStar>({ _type: 'MatchStar', name: n.string === '_' ? null : n.string }, t);
  }

  private pattern(): A.pattern | null {
    const start = this.tok();
    const save = this.p;
    const orp = this.or_pattern();
    if (!orp) return null;
    if (this.eatKw('as')) {
      const n = this.name();
      if (!n || n.string === '_' || (this.tok().type === T.OP && ['.', '(', '='].includes(this.tok().string))) {
        if (this.invalid) {
          if (n && n.string === '_') throw this.errorAt(n, n, "cannot use '_' as a target");
          const e = this.tok();
          if (!n) {
            const ex = this.expression();
            if (ex) throw this.errorAt(ex, ex, `invalid pattern target`);
          }
          void e;
        }
        this.p = save;
        return null;
      }
      return this.atTok<A.MatchAs>({ _type: 'MatchAs', pattern: orp, name: n.string }, start);
    }
    return orp;
  }

  private or_pattern(): A.pattern | null {
    const start = this.tok();
    const save = this.p;
    const first = this.closed_pattern();
    if (!first) return null;
    if (!this.isOp('|')) return first;
    const pats = [first];
    while (this.eatOp('|')) {
      const p = this.closed_pattern();
      if (!p) { this.p = save; return null; }
      pats.push(p);
    }
    return this.atTok<A.MatchOr>({ _type: 'MatchOr', patterns: pats }, start);
  }

  private closed_pattern(): A.pattern | null {
    this.enter();
    try {
      return this.closed_pattern_inner();
    } finally {
      this.depth--;
    }
  }

  private closed_pattern_inner(): A.pattern | null {
    const t = this.tok();
    const save = this.p;
    if (t.type === T.NUMBER || (t.type === T.OP && t.string === '-')) {
      const v = this.signed_or_complex();
      if (!v) return null;
      return this.atTok<A.MatchValue>({ _type: 'MatchValue', value: v }, t);
    }
    if (t.type === T.STRING) {
      const s = this.strings();
      if (!s) return null;
      return this.atTok<A.MatchValue>({ _type: 'MatchValue', value: s }, t);
    }
    if (t.type === T.NAME) {
      if (t.string === 'None' || t.string === 'True' || t.string === 'False') {
        this.p++;
        const value = t.string === 'None' ? None : t.string === 'True';
        return this.atTok<A.MatchSingleton>({ _type: 'MatchSingleton', value }, t);
      }
      const n = this.name();
      if (!n) return null;
      // name_or_attr
      let e: A.expr = this.atTok<A.Name>({ _type: 'Name', id: n.string, ctx: LOAD }, n);
      let dotted = false;
      while (this.isOp('.')) {
        this.p++;
        const a = this.name();
        if (!a) { this.p = save; return null; }
        e = this.atTok<A.Attribute>({ _type: 'Attribute', value: e, attr: a.string, ctx: LOAD }, t);
        dotted = true;
      }
      if (this.isOp('(')) return this.class_pattern(e, t);
      if (dotted) {
        if (this.isOp('=')) { this.p = save; return null; }
        return this.atTok<A.MatchValue>({ _type: 'MatchValue', value: e }, t);
      }
      if (this.isOp('=')) { this.p = save; return null; }
      return this.atTok<A.MatchAs>({ _type: 'MatchAs', pattern: null, name: n.string === '_' ? null : n.string }, t);
    }
    if (t.type === T.OP) {
      if (t.string === '(') {
        this.p++;
        if (this.eatOp(')')) return this.atTok<A.MatchSequence>({ _type: 'MatchSequence', patterns: [] }, t);
        const first = this.maybe_star_pattern();
        if (!first) { this.p = save; return null; }
        if (this.eatOp(')')) {
          if (first._type === 'MatchStar') return this.atTok<A.MatchSequence>({ _type: 'MatchSequence', patterns: [first] }, t);
          return first; // group_pattern
        }
        const pats = [first];
        if (!this.isOp(',')) { this.p = save; return null; }
        while (this.eatOp(',')) {
          if (this.isOp(')')) break;
          const p = this.maybe_star_pattern();
          if (!p) { this.p = save; return null; }
          pats.push(p);
        }
        if (!this.eatOp(')')) { this.p = save; return null; }
        return this.atTok<A.MatchSequence>({ _type: 'MatchSequence', patterns: pats }, t);
      }
      if (t.string === '[') {
        this.p++;
        const pats: A.pattern[] = [];
        while (!this.isOp(']')) {
          const p = this.maybe_star_pattern();
          if (!p) { this.p = save; return null; }
          pats.push(p);
          if (!this.eatOp(',')) break;
        }
        if (!this.eatOp(']')) { this.p = save; return null; }
        return this.atTok<A.MatchSequence>({ _type: 'MatchSequence', patterns: pats }, t);
      }
      if (t.string === '{') return this.mapping_pattern();
    }
    return null;
  }

  private signed_or_complex(): A.expr | null {
    const t = this.tok();
    const save = this.p;
    let real: A.expr | null = this.signed_number();
    if (!real) return null;
    if (this.isOp('+') || this.isOp('-')) {
      const opTok = this.tok();
      this.p++;
      const it = this.tok();
      if (it.type !== T.NUMBER) { this.p = save; return null; }
      const imag = this.number();
      const realValue = real._type === 'UnaryOp' ? (real.operand as A.Constant).value : (real as A.Constant).value;
      if (realValue instanceof PyComplex) {
        if (this.invalid) throw this.errorAt(real, real, 'real number required in complex literal');
        this.p = save;
        return null;
      }
      if (!(imag.value instanceof PyComplex)) {
        if (this.invalid) throw this.errorAt(imag, imag, 'imaginary number required in complex literal');
        this.p = save;
        return null;
      }
      real = this.atTok<A.BinOp>({ _type: 'BinOp', left: real, op: opTok.string === '+' ? OPS.Add : OPS.Sub, right: imag }, t);
    }
    return real;
  }

  private signed_number(): A.expr | null {
    const t = this.tok();
    if (t.type === T.NUMBER) return this.number();
    if (t.type === T.OP && t.string === '-') {
      this.p++;
      if (this.tok().type !== T.NUMBER) { this.p--; return null; }
      const n = this.number();
      return this.atTok<A.UnaryOp>({ _type: 'UnaryOp', op: UNARY['-'], operand: n }, t);
    }
    return null;
  }

  private class_pattern(cls: A.expr, start: Token): A.MatchClass | null {
    const save = this.p;
    this.p++;
    const patterns: A.pattern[] = [];
    const kwd_attrs: string[] = [];
    const kwd_patterns: A.pattern[] = [];
    while (!this.isOp(')')) {
      const t = this.tok();
      if (t.type === T.NAME && !KEYWORDS.has(t.string) && this.peek(1).type === T.OP && this.peek(1).string === '=') {
        this.p += 2;
        const p = this.pattern();
        if (!p) { this.p = save; return null; }
        kwd_attrs.push(t.string);
        kwd_patterns.push(p);
      } else {
        const p = this.pattern();
        if (!p) { this.p = save; return null; }
        if (kwd_attrs.length) {
          if (this.invalid) throw this.errorAt(p, p, 'positional patterns follow keyword patterns');
          this.p = save;
          return null;
        }
        patterns.push(p);
      }
      if (!this.eatOp(',')) break;
    }
    if (!this.eatOp(')')) { this.p = save; return null; }
    return this.atTok<A.MatchClass>({ _type: 'MatchClass', cls, patterns, kwd_attrs, kwd_patterns }, start);
  }

  private mapping_pattern(): A.MatchMapping | null {
    const t = this.tok();
    const save = this.p;
    this.p++;
    const keys: A.expr[] = [];
    const patterns: A.pattern[] = [];
    let rest: string | null = null;
    while (!this.isOp('}')) {
      if (this.eatOp('**')) {
        const n = this.name();
        if (!n) { this.p = save; return null; }
        if (n.string === '_') { this.p = save; return null; }
        rest = n.string;
        this.eatOp(',');
        break;
      }
      const k = this.mapping_key();
      if (!k || !this.eatOp(':')) { this.p = save; return null; }
      const p = this.pattern();
      if (!p) { this.p = save; return null; }
      keys.push(k);
      patterns.push(p);
      if (!this.eatOp(',')) break;
    }
    if (!this.eatOp('}')) { this.p = save; return null; }
    return this.atTok<A.MatchMapping>({ _type: 'MatchMapping', keys, patterns, rest }, t);
  }

  private mapping_key(): A.expr | null {
    const t = this.tok();
    if (t.type === T.NUMBER || (t.type === T.OP && t.string === '-')) return this.signed_or_complex();
    if (t.type === T.STRING) return this.strings();
    if (t.type === T.NAME) {
      if (t.string === 'None' || t.string === 'True' || t.string === 'False') return this.atom();
      const n = this.name();
      if (!n) return null;
      let e: A.expr = this.atTok<A.Name>({ _type: 'Name', id: n.string, ctx: LOAD }, n);
      if (!this.isOp('.')) { this.p--; return null; }
      while (this.eatOp('.')) {
        const a = this.name();
        if (!a) return this.failAt(t);
        e = this.atTok<A.Attribute>({ _type: 'Attribute', value: e, attr: a.string, ctx: LOAD }, t);
      }
      return e;
    }
    return null;
  }

  // ---- expressions ---------------------------------------------------------------------------

  /** expressions: expression (',' expression)* [','] */
  private expressions(): A.expr | null {
    const start = this.tok();
    const first = this.expression();
    if (!first) return null;
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.eatOp(',')) {
      const e = this.expression();
      if (!e) break;
      elts.push(e);
    }
    return this.atTok<A.Tuple>({ _type: 'Tuple', elts, ctx: LOAD }, start);
  }

  star_expressions(): A.expr | null {
    const start = this.tok();
    const first = this.star_expression();
    if (!first) return null;
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.eatOp(',')) {
      const e = this.star_expression();
      if (!e) break;
      elts.push(e);
    }
    return this.atTok<A.Tuple>({ _type: 'Tuple', elts, ctx: LOAD }, start);
  }

  private star_expression(): A.expr | null {
    const t = this.tok();
    if (t.type === T.OP && t.string === '*') {
      this.p++;
      const v = this.bitwise_or();
      if (!v) { this.p--; return null; }
      return this.atTok<A.Starred>({ _type: 'Starred', value: v, ctx: LOAD }, t);
    }
    return this.expression();
  }

  private star_named_expression(): A.expr | null {
    const t = this.tok();
    if (t.type === T.OP && t.string === '*') {
      this.p++;
      const v = this.bitwise_or();
      if (!v) { this.p--; return null; }
      return this.atTok<A.Starred>({ _type: 'Starred', value: v, ctx: LOAD }, t);
    }
    return this.named_expression();
  }

  /** assignment_expression | expression (call arguments: no invalid_named_expression there). */
  private assignment_expression(): A.expr | null {
    const was = this.invalid;
    const t = this.tok();
    if (t.type === T.NAME && !KEYWORDS.has(t.string) && this.peek(1).type === T.OP && this.peek(1).string === ':=') return this.named_expression();
    void was;
    return this.expression();
  }

  private named_expression(): A.expr | null {
    const t = this.tok();
    if (t.type === T.NAME && !KEYWORDS.has(t.string)) {
      const n = this.peek(1);
      if (n.type === T.OP && n.string === ':=') {
        this.p += 2;
        const value = this.expression();
        if (!value) { this.p -= 2; return null; }
        const target = this.atTok<A.Name>({ _type: 'Name', id: t.string, ctx: STORE }, t);
        target.end_lineno = t.end_lineno;
        target.end_col_offset = t.end_col;
        return this.atTok<A.NamedExpr>({ _type: 'NamedExpr', target, value }, t);
      }
    }
    const e = this.expression();
    if (e && this.isOp(':=')) {
      if (this.invalid) this.invalidWalrusTarget(e);
      return this.failAt(t);
    }
    if (e && this.invalid && this.isOp('=')) this.invalidNamedExpressionEq(e, t);
    return e;
  }

  /** invalid_named_expression: `a := b` with a target that is not a name (the value must parse). */
  private invalidWalrusTarget(e: A.expr): void {
    const s0 = this.p;
    this.p++;
    const value = this.withoutInvalid(() => this.expression());
    this.p = s0;
    if (value) throw this.errorAt(e, e, `cannot use assignment expressions with ${exprName(e)}`);
  }

  /** invalid_named_expression's `a = b` alternatives, where an expression was expected. */
  private invalidNamedExpressionEq(e: A.expr, start: Token): void {
    const save = this.p;
    this.p++;
    const b = this.bitwise_or();
    const n = this.tok();
    const ok = b && !(n.type === T.OP && (n.string === '=' || n.string === ':='));
    this.p = save;
    if (!ok) return;
    if (e._type === 'Name' && start.type === T.NAME) {
      throw this.errorAt(e, b!, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
    const excluded = e._type === 'List' || e._type === 'Tuple' || e._type === 'GeneratorExp' ||
      (start.type === T.NAME && (start.string === 'True' || start.string === 'False' || start.string === 'None'));
    const isBitwiseOr = !['Compare', 'BoolOp', 'IfExp', 'Lambda', 'NamedExpr'].includes(e._type) && !(e._type === 'UnaryOp' && e.op._type === 'Not');
    if (!excluded && isBitwiseOr && start.type !== T.OP) {
      throw this.errorAt(e, e, `cannot assign to ${exprName(e)} here. Maybe you meant '==' instead of '='?`);
    }
    if (!excluded && isBitwiseOr && start.type === T.OP && start.string !== '(' && start.string !== '[') {
      throw this.errorAt(e, e, `cannot assign to ${exprName(e)} here. Maybe you meant '==' instead of '='?`);
    }
  }

  expression(): A.expr | null {
    const t = this.tok();
    if (t.type === T.NAME && t.string === 'lambda') return this.lambdef();
    this.enter();
    try {
      if (this.invalid) this.invalid_expression(t);
      // In the second pass `disjunction` is memoised whether or not the invalid rules are on at that
      // moment (as CPython's memo), so a result computed without them is reused with them.
      const d = this.secondPass ? this.disjunction_memo() : this.disjunction();
      if (!d) return null;
      if (this.isKw('if')) {
        const save = this.p;
        this.p++;
        const test = this.disjunction();
        if (test && this.eatKw('else')) {
          const orelse = this.expression();
          if (orelse) return this.atTok<A.IfExp>({ _type: 'IfExp', test, body: d, orelse }, t);
        }
        this.p = save;
      }
      return d;
    } finally {
      this.depth--;
    }
  }

  /** invalid_expression and invalid_legacy_expression (second pass only). */
  private invalid_expression(start: Token): void {
    const save = this.p;
    // CPython 3.11's SOFT_KEYWORD test compares only the token's length (strncmp), so any prefix of
    // '_', 'case' or 'match' ('c', 'ma', ...) counts as a soft keyword here.
    const softKw = start.type === T.NAME && !KEYWORDS.has(start.string) && ['_', 'case', 'match'].some((k) => k.startsWith(start.string));
    if (!(start.type === T.NAME && !KEYWORDS.has(start.string) && this.peek(1).type === T.STRING) && !softKw) {
      const a = this.disjunction_memo();
      if (a) {
        const b = this.withoutInvalid(() => this.expression());
        if (b && !this.isLegacyStatement(a) && this.toks[this.p - 1].level !== 0) {
          throw this.errorAt(a, b, 'invalid syntax. Perhaps you forgot a comma?');
        }
      }
      this.p = save;
    }
    const a = this.disjunction_memo();
    if (a && this.eatKw('if')) {
      const b = this.disjunction_memo();
      if (b && !this.isKw('else') && !this.isOp(':')) throw this.errorAt(a, b, "expected 'else' after 'if' expression");
    }
    this.p = save;
    // invalid_legacy_expression: NAME !'(' star_expressions (parsed for any name, with the invalid
    // rules on, as CPython does; only print and exec give the message).
    if (start.type === T.NAME && !KEYWORDS.has(start.string)) {
      this.p++;
      if (!this.isOp('(')) {
        const b = this.star_expressions_memo();
        if (b && (start.string === 'print' || start.string === 'exec')) {
          throw this.errorAt(start, b, `Missing parentheses in call to '${start.string}'. Did you mean ${start.string}(...)?`);
        }
      }
      this.p = save;
    }
  }

  private readonly starExpressionsMemo = new Map<number, { node: A.expr | null; end: number }>();

  private star_expressions_memo(): A.expr | null {
    const key = this.p;
    const m = this.starExpressionsMemo.get(key);
    if (m) { this.p = m.end; return m.node; }
    const node = this.star_expressions();
    this.starExpressionsMemo.set(key, { node, end: node ? this.p : key });
    return node;
  }

  private readonly disjunctionMemo = new Map<number, { node: A.expr | null; end: number }>();

  /** disjunction with memoisation (the second pass tries it at every expression). */
  private disjunction_memo(): A.expr | null {
    const key = this.p;
    const m = this.disjunctionMemo.get(key);
    if (m) { this.p = m.end; return m.node; }
    const node = this.disjunction();
    this.disjunctionMemo.set(key, { node, end: node ? this.p : key });
    return node;
  }

  private withoutInvalid<R>(f: () => R): R | null {
    const was = this.invalid;
    const depth = this.depth;
    this.invalid = false;
    try {
      // Errors raised meanwhile (tokenizer errors, forced tokens) propagate, as in CPython.
      return f();
    } finally {
      this.invalid = was;
      this.depth = depth;
    }
  }



  private isLegacyStatement(a: A.expr): boolean {
    return a._type === 'Name' && (a.id === 'print' || a.id === 'exec');
  }

  private disjunction(): A.expr | null {
    const st = this.tok();
    const a = this.conjunction();
    if (!a || !this.isKw('or')) return a;
    const values = [a];
    while (this.isKw('or')) {
      const save = this.p;
      this.p++;
      const b = this.conjunction();
      if (!b) { this.p = save; break; }
      values.push(b);
    }
    if (values.length === 1) return a;
    return this.atTok<A.BoolOp>({ _type: 'BoolOp', op: OR, values }, st);
  }

  private conjunction(): A.expr | null {
    const st = this.tok();
    const a = this.inversion();
    if (!a || !this.isKw('and')) return a;
    const values = [a];
    while (this.isKw('and')) {
      const save = this.p;
      this.p++;
      const b = this.inversion();
      if (!b) { this.p = save; break; }
      values.push(b);
    }
    if (values.length === 1) return a;
    return this.atTok<A.BoolOp>({ _type: 'BoolOp', op: AND, values }, st);
  }

  private inversion(): A.expr | null {
    const t = this.tok();
    if (t.type === T.NAME && t.string === 'not') {
      this.p++;
      this.enter();
      try {
        const operand = this.inversion();
        if (!operand) { this.p--; return null; }
        return this.atTok<A.UnaryOp>({ _type: 'UnaryOp', op: UNARY.not, operand }, t);
      } finally {
        this.depth--;
      }
    }
    return this.comparison();
  }

  private comparison(): A.expr | null {
    const st = this.tok();
    const a = this.bitwise_or();
    if (!a) return null;
    let ops: A.cmpop[] | null = null;
    let comparators: A.expr[] | null = null;
    for (;;) {
      const t = this.tok();
      let op: string | null = null;
      let width = 1;
      if (t.type === T.OP) {
        const s = t.string;
        if (s === '==' || s === '!=' || s === '<' || s === '<=' || s === '>' || s === '>=') op = s;
        else if (s === '<>') op = null;
      } else if (t.type === T.NAME) {
        if (t.string === 'in') op = 'in';
        else if (t.string === 'not') {
          const n = this.peek(1);
          if (n.type === T.NAME && n.string === 'in') { op = 'not in'; width = 2; }
        } else if (t.string === 'is') {
          const n = this.peek(1);
          if (n.type === T.NAME && n.string === 'not') { op = 'is not'; width = 2; } else op = 'is';
        }
      }
      if (op === null) break;
      const save = this.p;
      this.p += width;
      const b = this.bitwise_or();
      if (!b) { this.p = save; break; }
      (ops ??= []).push(CMPOP[op]);
      (comparators ??= []).push(b);
    }
    if (!ops) return a;
    return this.atTok<A.Compare>({ _type: 'Compare', left: a, ops, comparators: comparators! }, st);
  }

  // The left-associative binary-operator rules, loosest first; each is `rule: rule OP next | next`
  // and shares one loop (binary_level) that differs only in its operators and the next rule.
  private bitwise_or(): A.expr | null {
    return this.binary_level(0);
  }

  private bitwise_xor(): A.expr | null {
    return this.binary_level(1);
  }

  private bitwise_and(): A.expr | null {
    return this.binary_level(2);
  }

  private shift_expr(): A.expr | null {
    return this.binary_level(3);
  }

  private sum(): A.expr | null {
    return this.binary_level(4);
  }

  private term(): A.expr | null {
    return this.binary_level(5);
  }

  /** One binary-operator rule of BINARY_LEVELS; the tightest level's operands are `factor`s. */
  private binary_level(level: number): A.expr | null {
    const st = this.tok();
    const ops = BINARY_LEVELS[level];
    const last = level === BINARY_LEVELS.length - 1;
    let links = 0;
    let a = last ? this.factor() : this.binary_level(level + 1);
    if (!a) return null;
    for (;;) {
      const t = this.tok();
      if (t.type !== T.OP || !ops.includes(t.string)) break;
      const save = this.p;
      this.p++;
      const b = last ? this.factor() : this.binary_level(level + 1);
      if (!b) { this.p = save; break; }
      if (++links > 100) this.chain(links);
      a = this.atTok<A.BinOp>({ _type: 'BinOp', left: a, op: BINOP[t.string], right: b }, st);
    }
    return a;
  }

  private factor(): A.expr | null {
    const t = this.tok();
    if (t.type === T.OP && (t.string === '+' || t.string === '-' || t.string === '~')) {
      this.p++;
      this.enter();
      try {
        const operand = this.factor();
        if (!operand) { this.p--; return null; }
        return this.atTok<A.UnaryOp>({ _type: 'UnaryOp', op: UNARY[t.string], operand }, t);
      } finally {
        this.depth--;
      }
    }
    return this.power();
  }

  private power(): A.expr | null {
    const st = this.tok();
    const a = this.await_primary();
    if (!a) return null;
    if (this.isOp('**')) {
      const save = this.p;
      this.p++;
      const b = this.factor();
      if (!b) { this.p = save; return a; }
      return this.atTok<A.BinOp>({ _type: 'BinOp', left: a, op: OPS.Pow, right: b }, st);
    }
    return a;
  }

  private await_primary(): A.expr | null {
    const t = this.tok();
    if (t.type === T.NAME && t.string === 'await') {
      this.p++;
      const v = this.primary();
      if (!v) { this.p--; return null; }
      return this.atTok<A.Await>({ _type: 'Await', value: v }, t);
    }
    return this.primary();
  }

  private primary(): A.expr | null {
    const st = this.tok();
    let links = 0;
    let a = this.atom();
    if (!a) return null;
    for (;;) {
      const t = this.tok();
      if (t.type !== T.OP) break;
      if (t.string === '.') {
        const n = this.peek(1);
        if (n.type !== T.NAME || KEYWORDS.has(n.string)) break;
        this.p += 2;
        if (++links > 100) this.chain(links);
        a = this.atTok<A.Attribute>({ _type: 'Attribute', value: a, attr: n.string, ctx: LOAD }, st);
      } else if (t.string === '(') {
        const c = this.call(a, st);
        if (!c) break;
        if (++links > 100) this.chain(links);
        a = c;
      } else if (t.string === '[') {
        const save = this.p;
        this.p++;
        const s = this.slices();
        if (!s || !this.eatOp(']')) { this.p = save; break; }
        if (++links > 100) this.chain(links);
        a = this.atTok<A.Subscript>({ _type: 'Subscript', value: a, slice: s, ctx: LOAD }, st);
      } else break;
    }
    return a;
  }

  private call(func: A.expr, st: Token): A.expr | null {
    const open = this.tok();
    const save = this.p;
    this.p++;
    this.enter();
    try {
      if (this.eatOp(')')) return this.atTok<A.Call>({ _type: 'Call', func, args: [], keywords: [] }, st);
      const args = this.arguments(true);
      if (!args || !this.eatOp(')')) { this.p = save; return null; }
      if (args.genexp) {
        // f(x for x in y): the generator expression spans the call's parentheses.
        const g = this.atTok<A.GeneratorExp>({ _type: 'GeneratorExp', elt: args.genexp.elt, generators: args.genexp.generators }, open);
        return this.atTok<A.Call>({ _type: 'Call', func, args: [g], keywords: [] }, st);
      }
      return this.atTok<A.Call>({ _type: 'Call', func, args: args.args, keywords: args.keywords }, st);
    } finally {
      this.depth--;
    }
  }

  /** args [','] &')' — positional, starred and keyword arguments in CPython's allowed orders. */
  private arguments(inCall = false): { args: A.expr[]; keywords: A.keyword[]; genexp?: { elt: A.expr; generators: A.comprehension[] } } | null {
    const args: A.expr[] = [];
    const keywords: A.keyword[] = [];
    const save = this.p;
    let seenKw = false;
    let seenDoubleStar = false;
    let pendingPositional: string | null = null;
    for (;;) {
      const t = this.tok();
      if (t.type === T.OP && t.string === ')') break;
      if (t.type === T.OP && t.string === '*') {
        this.p++;
        const v = this.expression();
        if (!v) {
          // invalid_arguments: args ',' '*' — a bare '*' after arguments.
          if (this.invalid && keywords.length) throw this.errorAt(t, t, 'iterable argument unpacking follows keyword argument unpacking');
          this.p = save;
          return null;
        }
        if (seenDoubleStar) {
          if (this.invalid) throw this.errorAt(t, t, 'iterable argument unpacking follows keyword argument unpacking');
          this.p = save;
          return null;
        }
        args.push(this.atTok<A.Starred>({ _type: 'Starred', value: v, ctx: LOAD }, t));
      } else if (t.type === T.OP && t.string === '**') {
        this.p++;
        const v = this.expression();
        if (!v) { this.p = save; return null; }
        keywords.push(this.atTok<A.keyword>({ _type: 'keyword', arg: null, value: v }, t));
        seenDoubleStar = true;
        seenKw = true;
      } else if (t.type === T.NAME && !KEYWORDS.has(t.string) && this.peek(1).type === T.OP && this.peek(1).string === '=') {
        this.p += 2;
        const v = this.expression();
        if (!v) {
          this.p = save;
          return null;
        }
        keywords.push(this.atTok<A.keyword>({ _type: 'keyword', arg: t.string, value: v }, t));
        seenKw = true;
      } else {
        const e = this.assignment_expression();
        if (!e) {
          this.p = save;
          return null;
        }
        if (inCall && args.length === 0 && keywords.length === 0 && this.isComprehensionStart()) {
          // A lone generator expression argument: f(x for x in y)
          const s2 = this.p;
          const gens = this.for_if_clauses();
          if (gens && this.isOp(')')) return { args: [], keywords: [], genexp: { elt: e, generators: gens } };
          this.p = s2;
        }
        if (this.invalid && this.isOp('=')) {
          // invalid_kwarg
          if (t.type === T.NAME && (t.string === 'True' || t.string === 'False' || t.string === 'None') && e._type === 'Constant') {
            throw this.errorAt(t, this.tok(), `cannot assign to ${t.string}`);
          }
          throw this.errorAt(e, this.tok(), 'expression cannot contain assignment, perhaps you meant "=="?');
        }
        if (this.invalid && (this.isKw('for') || (this.isKw('async') && this.peek(1).string === 'for'))) {
          // A generator expression among other arguments.
          const gens = this.withoutInvalid(() => this.for_if_clauses());
          if (gens && (args.length > 0 || this.isOp(','))) {
            throw this.errorAt(e, this.last, 'Generator expression must be parenthesized');
          }
          this.p = save;
          return null;
        }
        if (seenKw) {
          if (this.invalid) {
            // invalid_arguments: args ',' args — reported once the following arguments are parsed.
            pendingPositional ??= seenDoubleStar ? 'positional argument follows keyword argument unpacking' : 'positional argument follows keyword argument';
          } else {
            this.p = save;
            return null;
          }
        }
        args.push(e);
      }
      if (!this.eatOp(',')) break;
    }
    if (pendingPositional) throw this.errorAtLastFetched(pendingPositional, 'SyntaxError');
    return { args, keywords };
  }

  private slices(): A.expr | null {
    const start = this.tok();
    const first = this.slice();
    if (!first) return null;
    if (!this.isOp(',') && first._type !== 'Starred') return first;
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.isOp(']')) break;
      const e = this.slice();
      if (!e) return null;
      elts.push(e);
    }
    return this.atTok<A.Tuple>({ _type: 'Tuple', elts, ctx: LOAD }, start);
  }

  private slice(): A.expr | null {
    const t = this.tok();
    if (t.type === T.OP && t.string === '*') return this.star_expression();
    let lower: A.expr | null = null;
    if (!(t.type === T.OP && t.string === ':')) {
      lower = this.named_expression();
      if (!lower) return null;
      if (!this.isOp(':')) return lower;
      // A slice's bounds are plain expressions; a walrus here is not allowed.
      if (lower._type === 'NamedExpr') return null;
    }
    this.p++; // ':'
    let upper: A.expr | null = null;
    let step: A.expr | null = null;
    const u = this.tok();
    if (!(u.type === T.OP && (u.string === ':' || u.string === ']' || u.string === ','))) {
      upper = this.expression();
    }
    if (this.eatOp(':')) {
      const s = this.tok();
      if (!(s.type === T.OP && (s.string === ']' || s.string === ','))) step = this.expression();
    }
    return this.atTok<A.Slice>({ _type: 'Slice', lower, upper, step }, t);
  }

  private atom(): A.expr | null {
    const t = this.tok();
    switch (t.type) {
      case T.NAME: {
        const s = t.string;
        if (KEYWORDS.has(s)) {
          if (s === 'True' || s === 'False' || s === 'None') {
            this.p++;
            const value: LiteralValue = s === 'None' ? None : s === 'True';
            return this.atTok<A.Constant>({ _type: 'Constant', value, kind: null }, t);
          }
          return null;
        }
        this.p++;
        return this.atTok<A.Name>({ _type: 'Name', id: s, ctx: LOAD }, t);
      }
      case T.NUMBER:
        return this.number();
      case T.STRING:
        return this.strings();
      case T.OP:
        switch (t.string) {
          case '(': return this.paren_atom();
          case '[': return this.list_atom();
          case '{': return this.brace_atom();
          case '...':
            this.p++;
            return this.atTok<A.Constant>({ _type: 'Constant', value: Ellipsis, kind: null }, t);
        }
        return null;
    }
    return null;
  }

  private number(): A.Constant {
    const t = this.tok();
    this.p++;
    if (t.string.length > MAX_STR_DIGITS && /^[0-9_]+$/.test(t.string)) {
      // CPython's int max-str-digits limit applies to decimal literals when they are converted.
      const digits = t.string.replace(/_/g, '').length;
      if (digits > MAX_STR_DIGITS) {
        throw new PySyntaxError('SyntaxError', `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.`, this.filename, t.lineno, 0, this.lineTextFor(t.lineno), t.end_lineno, 0);
      }
    }
    return this.atTok<A.Constant>({ _type: 'Constant', value: parseNumber(t.string), kind: null }, t);
  }

  private paren_atom(): A.expr | null {
    const t = this.tok();
    const save = this.p;
    this.p++;
    this.enter();
    try {
      if (this.eatOp(')')) return this.atTok<A.Tuple>({ _type: 'Tuple', elts: [], ctx: LOAD }, t);
      if (this.invalid && this.isOp('**')) {
        const star = this.tok();
        this.p++;
        if (this.withoutInvalid(() => this.expression()) && this.isOp(')')) throw this.errorAt(star, star, 'cannot use double starred expression here');
        this.p--;
      }
      if (this.isKw('yield')) {
        const y = this.yield_expr();
        if (!y || !this.eatOp(')')) { this.p = save; return null; }
        return y;
      }
      if (this.invalid && this.isOp('*')) this.probeStarredExpression();
      const first = this.star_named_expression();
      if (!first) { this.p = save; return null; }
      if (this.isKw('for') || (this.isKw('async') && this.peek(1).string === 'for')) {
        if (first._type === 'Starred') {
          if (this.invalid && this.withoutInvalid(() => this.for_if_clauses())) throw this.errorAt(first, first, 'iterable unpacking cannot be used in comprehension');
          this.p = save;
          return null;
        }
        const gens = this.for_if_clauses();
        if (!gens || !this.eatOp(')')) { this.p = save; return null; }
        return this.atTok<A.GeneratorExp>({ _type: 'GeneratorExp', elt: first, generators: gens }, t);
      }
      if (this.eatOp(')')) {
        if (first._type === 'Starred') {
          if (this.invalid) throw this.errorAt(first, first, 'cannot use starred expression here');
          this.p = save;
          return null;
        }
        return first;
      }
      if (!this.isOp(',')) { this.p = save; return null; }
      const elts = [first];
      while (this.eatOp(',')) {
        if (this.isOp(')')) break;
        const e = this.star_named_expression();
        if (!e) { this.p = save; return null; }
        elts.push(e);
      }
      if (!this.eatOp(')')) { this.p = save; return null; }
      return this.atTok<A.Tuple>({ _type: 'Tuple', elts, ctx: LOAD }, t);
    } finally {
      this.depth--;
    }
  }

  private list_atom(): A.expr | null {
    const t = this.tok();
    const save = this.p;
    this.p++;
    this.enter();
    try {
      if (this.eatOp(']')) return this.atTok<A.List>({ _type: 'List', elts: [], ctx: LOAD }, t);
      if (this.invalid && this.isOp('*')) this.probeStarredExpression();
      const first = this.star_named_expression();
      if (!first) { this.p = save; return null; }
      if (this.isKw('for') || (this.isKw('async') && this.peek(1).string === 'for')) {
        if (first._type === 'Starred') {
          if (this.invalid && this.withoutInvalid(() => this.for_if_clauses())) throw this.errorAt(first, first, 'iterable unpacking cannot be used in comprehension');
          this.p = save;
          return null;
        }
        const gens = this.for_if_clauses();
        if (!gens || !this.eatOp(']')) { this.p = save; return null; }
        return this.atTok<A.ListComp>({ _type: 'ListComp', elt: first, generators: gens }, t);
      }
      const elts = [first];
      while (this.eatOp(',')) {
        if (this.isOp(']')) break;
        if (this.invalid && this.isComprehensionStart()) this.forgotComprehensionParens(elts, this.last);
        const e = this.star_named_expression();
        if (!e) { this.p = save; return null; }
        elts.push(e);
      }
      if (this.invalid && elts.length > 1 && this.isComprehensionStart()) this.forgotComprehensionParens(elts, null);
      if (!this.eatOp(']')) { this.p = save; return null; }
      return this.atTok<A.List>({ _type: 'List', elts, ctx: LOAD }, t);
    } finally {
      this.depth--;
    }
  }

  private brace_atom(): A.expr | null {
    const t = this.tok();
    const save = this.p;
    this.p++;
    this.enter();
    try {
      if (this.eatOp('}')) return this.atTok<A.Dict>({ _type: 'Dict', keys: [], values: [] }, t);
      // Dict (or dict comprehension) when the first item is `**x` or `k: v`.
      if (this.isOp('**')) return this.dict_rest(t, save);
      if (this.invalid && this.isOp('*')) this.probeStarredExpression();
      const first = this.star_named_expression();
      if (!first) { this.p = save; return null; }
      if (this.isOp(':') && first._type !== 'Starred') {
        this.p = save + 1;
        return this.dict_rest(t, save);
      }
      if (this.isKw('for') || (this.isKw('async') && this.peek(1).string === 'for')) {
        if (first._type === 'Starred') {
          if (this.invalid && this.withoutInvalid(() => this.for_if_clauses())) throw this.errorAt(first, first, 'iterable unpacking cannot be used in comprehension');
          this.p = save;
          return null;
        }
        const gens = this.for_if_clauses();
        if (!gens || !this.eatOp('}')) { this.p = save; return null; }
        return this.atTok<A.SetComp>({ _type: 'SetComp', elt: first, generators: gens }, t);
      }
      const elts = [first];
      while (this.eatOp(',')) {
        if (this.isOp('}')) break;
        if (this.invalid && this.isComprehensionStart()) this.forgotComprehensionParens(elts, this.last);
        const e = this.star_named_expression();
        if (!e) { this.p = save; return null; }
        elts.push(e);
      }
      if (this.invalid && elts.length > 1 && this.isComprehensionStart()) this.forgotComprehensionParens(elts, null);
      if (!this.eatOp('}')) { this.p = save; return null; }
      return this.atTok<A.Set>({ _type: 'Set', elts }, t);
    } finally {
      this.depth--;
    }
  }

  /**
   * invalid_comprehension starts with `('[' | '(' | '{') '*' expression`: that expression is parsed
   * with the invalid rules on, so an error inside it (a missing comma, ...) is reported first.
   */
  private probeStarredExpression(): void {
    const s0 = this.p;
    this.p++;
    this.expression();
    this.p = s0;
  }

  private isComprehensionStart(): boolean {
    return this.isKw('for') || (this.isKw('async') && this.peek(1).string === 'for');
  }

  /** invalid_comprehension: `[a, b for ...]` ("did you forget parentheses around the comprehension target?"). */
  private forgotComprehensionParens(elts: A.expr[], comma: Token | null): void {
    const gens = this.withoutInvalid(() => { const s0 = this.p; const g = this.for_if_clauses(); this.p = s0; return g; });
    if (!gens) return;
    throw this.errorAt(elts[0], comma ?? elts[elts.length - 1], 'did you forget parentheses around the comprehension target?');
  }

  private dict_rest(t: Token, save: number): A.expr | null {
    const keys: (A.expr | null)[] = [];
    const values: A.expr[] = [];
    let first = true;
    for (;;) {
      if (this.isOp('}')) break;
      const starTok = this.tok();
      if (this.eatOp('**')) {
        const v = this.bitwise_or();
        if (!v) { this.p = save; return null; }
        if (this.invalid && first && this.isComprehensionStart()) {
          throw this.errorAt(starTok, starTok, 'dict unpacking cannot be used in dict comprehension');
        }
        keys.push(null);
        values.push(v);
      } else {
        if (this.invalid && !first) {
          // invalid_kvpair after a complete pair: a key not followed by ':' (CPython reports this
          // before any error inside the key).
          const s0 = this.p;
          const key = this.withoutInvalid(() => this.expression());
          if (key && !this.isOp(':')) {
            throw this.error('SyntaxError', "':' expected after dictionary key", key.lineno, key.end_col_offset! - 1, key.end_lineno!, -1);
          }
          this.p = s0;
        }
        const k = this.expression();
        if (!k) { this.p = save; return null; }
        if (!this.eatOp(':')) {
          if (this.invalid && this.tok().type === T.OP && (this.tok().string === '}' || this.tok().string === ',')) {
            throw this.error('SyntaxError', "':' expected after dictionary key", k.lineno, k.end_col_offset! - 1, k.end_lineno!, -1);
          }
          this.p = save;
          return null;
        }
        const v = this.expression();
        if (!v) {
          if (this.invalid && this.isOp('*')) {
            const star = this.tok();
            this.p++;
            if (this.withoutInvalid(() => this.bitwise_or())) throw this.errorAt(star, this.last, 'cannot use a starred expression in a dictionary value');
            this.p--;
          }
          if (this.invalid) {
            const n = this.tok();
            if (n.type === T.OP && (n.string === '}' || n.string === ',')) {
              const colon = this.last;
              throw this.errorAt(colon, colon, 'expression expected after dictionary key and \':\'');
            }
          }
          this.p = save;
          return null;
        }
        if (first && (this.isKw('for') || (this.isKw('async') && this.peek(1).string === 'for'))) {
          const gens = this.for_if_clauses();
          if (!gens || !this.eatOp('}')) { this.p = save; return null; }
          return this.atTok<A.DictComp>({ _type: 'DictComp', key: k, value: v, generators: gens }, t);
        }
        keys.push(k);
        values.push(v);
      }
      first = false;
      if (!this.eatOp(',')) break;
    }
    if (!this.eatOp('}')) { this.p = save; return null; }
    return this.atTok<A.Dict>({ _type: 'Dict', keys, values }, t);
  }

  private for_if_clauses(): A.comprehension[] | null {
    const gens: A.comprehension[] = [];
    const save = this.p;
    for (;;) {
      let is_async = 0;
      if (this.isKw('async') && this.peek(1).type === T.NAME && this.peek(1).string === 'for') {
        this.p++;
        is_async = 1;
      }
      if (!this.eatKw('for')) {
        if (is_async) this.p--;
        break;
      }
      const s2 = this.p;
      const target = this.star_targets();
      if (!target || !this.eatKw('in')) {
        if (this.invalid) {
          this.p = s2;
          const e = this.star_expressions();
          if (e) {
            const bad = invalidTarget(e, TargetsType.FOR);
            if (bad) throw this.errorAt(bad, bad, `cannot assign to ${exprName(bad)}`);
          }
        }
        this.p = save;
        return null;
      }
      const iter = this.disjunction();
      if (!iter) { this.p = save; return null; }
      const ifs: A.expr[] = [];
      while (this.isKw('if')) {
        this.p++;
        const c = this.disjunction();
        if (!c) { this.p = save; return null; }
        ifs.push(c);
      }
      gens.push({ _type: 'comprehension', target, iter, ifs, is_async });
    }
    if (!gens.length) { this.p = save; return null; }
    return gens;
  }

  private yield_expr(): A.expr | null {
    const t = this.tok();
    this.p++;
    if (this.eatKw('from')) {
      const v = this.expression();
      if (!v) { this.p -= 2; return null; }
      return this.atTok<A.YieldFrom>({ _type: 'YieldFrom', value: v }, t);
    }
    const v = this.star_expressions();
    return this.atTok<A.Yield>({ _type: 'Yield', value: v }, t);
  }

  private lambdef(): A.Lambda | null {
    const t = this.tok();
    const save = this.p;
    this.p++;
    const args = this.params(true) ?? this.emptyArguments();
    if (!this.eatOp(':')) { this.p = save; return null; }
    const body = this.expression();
    if (!body) { this.p = save; return null; }
    return this.atTok<A.Lambda>({ _type: 'Lambda', args, body }, t);
  }

  // ---- targets -------------------------------------------------------------------------------

  /** star_targets: star_target !',' | star_target (',' star_target)* [','] */
  private star_targets(): A.expr | null {
    const start = this.tok();
    const first = this.star_target();
    if (!first) return null;
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.eatOp(',')) {
      const e = this.star_target();
      if (!e) break;
      elts.push(e);
    }
    return this.atTok<A.Tuple>({ _type: 'Tuple', elts, ctx: STORE }, start);
  }

  private star_target(): A.expr | null {
    const t = this.tok();
    if (t.type === T.OP && t.string === '*') {
      this.p++;
      if (this.isOp('*')) { this.p--; return null; }
      const v = this.star_target();
      if (!v) { this.p--; return null; }
      return this.atTok<A.Starred>({ _type: 'Starred', value: v, ctx: STORE }, t);
    }
    const save = this.p;
    const e = this.primary();
    if (!e) return null;
    if (invalidTarget(e, TargetsType.STAR) || !this.validStarAtom(e, t)) { this.p = save; return null; }
    this.setContext(e, STORE);
    return e;
  }

  /** A parenthesized/bracketed target must be a tuple/list of targets (or a group of one). */
  private validStarAtom(e: A.expr, t: Token): boolean {
    if (e._type === 'Tuple' || e._type === 'List') return t.type === T.OP;
    return e._type === 'Name' || e._type === 'Attribute' || e._type === 'Subscript' || e._type === 'Starred';
  }

  // ---- strings -------------------------------------------------------------------------------

  private strings(): A.expr | null {
    const first = this.tok();
    const parts: Token[] = [];
    while (this.tok().type === T.STRING) {
      parts.push(this.tok());
      this.p++;
    }
    if (!parts.length) return null;
    const last = parts[parts.length - 1];
    return buildStrings(this, parts, first, last);
  }

  errorAtLastPublic(msg: string): PySyntaxError {
    return this.errorAtLast(msg);
  }

  /** Raises a string-literal error spanning the given tokens. */
  stringError(msg: string, a: Token, b: Token): PySyntaxError {
    return this.errorAt(a, b, msg);
  }
}

/** Parses `source` into an AST. */
export function parseSource(source: string, filename: string, mode: Mode): A.mod {
  const parser = new Parser(source, filename);
  try {
    return parser.parse(mode);
  } catch (e) {
    if (e instanceof RangeError) {
      throw new PySyntaxError('SyntaxError', 'too many nested parentheses', filename, 1, 0, null, 1, 0);
    }
    throw e;
  }
}
