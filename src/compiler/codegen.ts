// Code generation: AST -> control-flow graph of CPython 3.11 instructions, one compiler unit per
// code object, following compile.c function by function (the names below are compile.c's without
// the `compiler_` prefix), so the emitted instructions, their order and their source locations
// are CPython's. assembler.ts turns each finished unit into a CodeObject.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { Op } from '../bytecode/opcodes';
import { CodeObject, ConstFrozenset, ConstTuple, CO_FUTURE_ANNOTATIONS, type CodeConst } from '../bytecode/code';
import { Ellipsis, None, PyBytes, PyComplex, PyFloat, type LiteralValue } from '../values';
import { Block, Pseudo, type Instr } from './flowgraph';
import { codeEquals, constKey } from './consts';
import { makeFrozenset } from './ast-opt';
import { compilerError, type Loc } from './errors';
import {
  CELL, FREE, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, LOCAL, DEF_FREE_CLASS, DEF_IMPORT,
  SymbolTable, SymbolTableEntry, mangle,
} from './symtable';
import { assemble } from './assembler';
import { unparseAnnotation } from './unparse';
import { compileMatch } from './match';

export type ScopeType = 'module' | 'class' | 'function' | 'async_function' | 'lambda' | 'comprehension';

const STACK_USE_GUIDELINE = 30;

export const enum FBlock {
  WHILE_LOOP, FOR_LOOP, TRY_EXCEPT, FINALLY_TRY, FINALLY_END, WITH, ASYNC_WITH, HANDLER_CLEANUP,
  POP_VALUE, EXCEPTION_HANDLER, EXCEPTION_GROUP_HANDLER, ASYNC_COMPREHENSION_GENERATOR,
}

interface FBlockInfo {
  type: FBlock;
  block: Block | null;
  exit: Block | null;
  datum: any;
}

export class CompilerUnit {
  consts: CodeConst[] = [];
  constIndex = new Map<string, number>();
  names = new Map<string, number>();
  varnames = new Map<string, number>();
  cellvars = new Map<string, number>();
  freevars = new Map<string, number>();
  argcount = 0;
  posonlyargcount = 0;
  kwonlyargcount = 0;
  blocks: Block[] = [];
  curblock: Block;
  entry: Block;
  qualname = '';
  private_: string | null = null;
  lineno: number;
  endLineno: number;
  col = 0;
  endCol = 0;
  fblocks: FBlockInfo[] = [];

  constructor(
    readonly ste: SymbolTableEntry,
    readonly name: string,
    readonly scopeType: ScopeType,
    readonly firstlineno: number,
  ) {
    this.entry = this.curblock = this.newBlock();
    this.lineno = firstlineno;
    this.endLineno = firstlineno;
  }

  newBlock(): Block {
    const b = new Block();
    this.blocks.push(b);
    return b;
  }

  addConst(v: CodeConst): number {
    if (v instanceof CodeObject) {
      for (let i = 0; i < this.consts.length; i++) {
        const c = this.consts[i];
        if (c instanceof CodeObject && codeEquals(c, v)) return i;
      }
      this.consts.push(v);
      return this.consts.length - 1;
    }
    const key = constKey(v);
    let i = this.constIndex.get(key);
    if (i === undefined) {
      i = this.consts.length;
      this.consts.push(v);
      this.constIndex.set(key, i);
    }
    return i;
  }
}

function dictByType(ste: SymbolTableEntry, scope: number, flag: number, offset: number): Map<string, number> {
  const names: string[] = [];
  for (const [name, flags] of ste.symbols) {
    const s = ste.getScope(name);
    if (s === scope || flags & flag) names.push(name);
  }
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const m = new Map<string, number>();
  names.forEach((n, i) => m.set(n, i + offset));
  return m;
}

function isDocstring(stmts: any[]): any {
  if (stmts.length === 0) return null;
  const s = stmts[0];
  if (s._type === 'Expr' && s.value._type === 'Constant' && typeof s.value.value === 'string') return s.value.value;
  return null;
}

function findAnn(stmts: any[]): boolean {
  for (const st of stmts) {
    switch (st._type) {
      case 'AnnAssign':
        return true;
      case 'For':
      case 'AsyncFor':
      case 'While':
      case 'If':
        if (findAnn(st.body) || findAnn(st.orelse)) return true;
        break;
      case 'With':
      case 'AsyncWith':
        if (findAnn(st.body)) return true;
        break;
      case 'Try':
      case 'TryStar':
        for (const h of st.handlers) if (findAnn(h.body)) return true;
        if (findAnn(st.body) || findAnn(st.finalbody) || findAnn(st.orelse)) return true;
        break;
    }
  }
  return false;
}

const BINOP: Record<string, number> = {
  Add: 0, BitAnd: 1, FloorDiv: 2, LShift: 3, MatMult: 4, Mult: 5, Mod: 6, BitOr: 7, Pow: 8, RShift: 9,
  Sub: 10, Div: 11, BitXor: 12,
};
const UNARYOP: Record<string, number> = {
  UAdd: Op.UNARY_POSITIVE, USub: Op.UNARY_NEGATIVE, Not: Op.UNARY_NOT, Invert: Op.UNARY_INVERT,
};

export class Compiler {
  u!: CompilerUnit;
  private stack: CompilerUnit[] = [];
  readonly futureAnnotations: boolean;
  futureFlags = 0;
  interactive = false;
  nestlevel = 0;
  futureLineno = 0;
  identifiers: () => ReadonlySet<string> = () => new Set();
  /** Receives compile-time SyntaxWarnings (message, line), as CPython's compiler_warn. */
  onWarning: ((message: string, lineno: number) => void) | null = null;

  constructor(
    readonly st: SymbolTable,
    readonly filename: string,
    readonly optimize: number,
    futureFlags: number,
    futureLineno: number,
  ) {
    this.futureFlags = futureFlags;
    this.futureAnnotations = (futureFlags & CO_FUTURE_ANNOTATIONS) !== 0;
    this.futureLineno = futureLineno;
  }

  warn(msg: string): void {
    if (this.onWarning) this.onWarning(msg, this.u.lineno);
  }

  private checkCompare(e: any): void {
    let left = checkIsArg(e.left);
    for (let i = 0; i < e.ops.length; i++) {
      const op = e.ops[i]._type;
      const right = checkIsArg(e.comparators[i]);
      if (op === 'Is' || op === 'IsNot') {
        if (!right || !left) {
          this.warn(op === 'Is' ? '"is" with a literal. Did you mean "=="?' : '"is not" with a literal. Did you mean "!="?');
          return;
        }
      }
      left = right;
    }
  }

  private checkCaller(e: any): void {
    switch (e._type) {
      case 'Constant': case 'Tuple': case 'List': case 'ListComp': case 'Dict': case 'DictComp': case 'Set':
      case 'SetComp': case 'GeneratorExp': case 'JoinedStr': case 'FormattedValue':
        this.warn(`'${inferType(e)}' object is not callable; perhaps you missed a comma?`);
    }
  }

  private checkSubscripter(e: any): void {
    switch (e._type) {
      case 'Constant': {
        const v = e.value;
        const t = inferType(e);
        if (!(v === None || v === Ellipsis || t === 'int' || t === 'bool' || t === 'float' || t === 'complex' || t === 'frozenset')) return;
        this.warn(`'${t}' object is not subscriptable; perhaps you missed a comma?`);
        return;
      }
      case 'Set': case 'SetComp': case 'GeneratorExp': case 'Lambda':
        this.warn(`'${inferType(e)}' object is not subscriptable; perhaps you missed a comma?`);
    }
  }

  private checkIndex(e: any, s: any): void {
    const indexType = inferType(s);
    if (indexType === null || indexType === 'int' || indexType === 'bool' || indexType === 'slice') return;
    switch (e._type) {
      case 'Constant': {
        const t = inferType(e);
        if (t !== 'str' && t !== 'bytes' && t !== 'tuple') return;
        break;
      }
      case 'Tuple': case 'List': case 'ListComp': case 'JoinedStr': case 'FormattedValue':
        break;
      default:
        return;
    }
    this.warn(`${inferType(e)} indices must be integers or slices, not ${indexType}; perhaps you missed a comma?`);
  }

  error(msg: string, loc?: Loc): never {
    const l = loc ?? { lineno: this.u.lineno, col_offset: this.u.col, end_lineno: this.u.endLineno, end_col_offset: this.u.endCol };
    throw compilerError(msg, this.filename, l);
  }

  // ------------------------------------------------------------ emission

  setLoc(n: any): void {
    const u = this.u;
    u.lineno = n.lineno;
    u.endLineno = n.end_lineno ?? n.lineno;
    u.col = n.col_offset;
    u.endCol = n.end_col_offset ?? n.col_offset;
  }

  unsetLoc(): void {
    const u = this.u;
    u.lineno = -1;
    u.endLineno = -1;
    u.col = -1;
    u.endCol = -1;
  }

  saveLoc(): [number, number, number, number] {
    return [this.u.lineno, this.u.endLineno, this.u.col, this.u.endCol];
  }

  restoreLoc(l: [number, number, number, number]): void {
    [this.u.lineno, this.u.endLineno, this.u.col, this.u.endCol] = l;
  }

  private curBlockForAppend(): Block {
    const u = this.u;
    const b = u.curblock;
    const n = b.instrs.length;
    if (n) {
      const last = b.instrs[n - 1].op;
      if (isTerminatorOrJump(last)) {
        const nb = u.newBlock();
        b.next = nb;
        u.curblock = nb;
        return nb;
      }
    }
    return b;
  }

  addop(op: number, arg = 0, target: Block | null = null): Instr {
    const b = this.curBlockForAppend();
    const u = this.u;
    const i: Instr = { op, arg, target, lineno: u.lineno, endLineno: u.endLineno, col: u.col, endCol: u.endCol, except: null };
    b.instrs.push(i);
    return i;
  }

  addopNoline(op: number, arg = 0, target: Block | null = null): Instr {
    const i = this.addop(op, arg, target);
    i.lineno = -1;
    i.endLineno = -1;
    i.col = -1;
    i.endCol = -1;
    return i;
  }

  jump(op: number, target: Block): void {
    this.addop(op, 0, target);
  }

  jumpNoline(op: number, target: Block): void {
    this.addopNoline(op, 0, target);
  }

  useNextBlock(b: Block): void {
    this.u.curblock.next = b;
    this.u.curblock = b;
  }

  nextBlock(): void {
    const b = this.u.newBlock();
    this.useNextBlock(b);
  }

  loadConst(v: CodeConst): void {
    this.addop(Op.LOAD_CONST, this.u.addConst(v));
  }

  addName(dict: Map<string, number>, name: string): number {
    let i = dict.get(name);
    if (i === undefined) {
      i = dict.size;
      dict.set(name, i);
    }
    return i;
  }

  addopName(op: number, name: string): void {
    const mangled = mangle(this.u.private_, name);
    this.addop(op, this.addName(this.u.names, mangled));
  }

  addopN(op: number, name: string): void {
    this.addop(op, this.addName(this.u.names, name));
  }

  // ------------------------------------------------------------ scopes

  enterScope(name: string, scopeType: ScopeType, key: object, lineno: number): void {
    const ste = key === this.st.top as any ? this.st.top : this.st.lookup(key);
    const u = new CompilerUnit(ste, name, scopeType, lineno);
    ste.varnames.forEach((n, i) => u.varnames.set(n, i));
    u.cellvars = dictByType(ste, CELL, 0, 0);
    if (ste.needsClassClosure) u.cellvars.set('__class__', u.cellvars.size);
    u.freevars = dictByType(ste, FREE, DEF_FREE_CLASS, u.cellvars.size);
    if (this.u) {
      u.private_ = this.u.private_;
      this.stack.push(this.u);
    }
    this.u = u;
    this.nestlevel++;
    if (scopeType === 'module') {
      u.lineno = 0;
    } else {
      this.setQualname();
    }
    this.addop(Op.RESUME, 0);
    if (scopeType === 'module') u.lineno = -1;
  }

  exitScope(): void {
    this.nestlevel--;
    this.u = this.stack.pop()!;
  }

  private setQualname(): void {
    const u = this.u;
    let base: string | null = null;
    if (this.stack.length > 1) {
      const parent = this.stack[this.stack.length - 1];
      let forceGlobal = false;
      if (u.scopeType === 'function' || u.scopeType === 'async_function' || u.scopeType === 'class') {
        const m = mangle(parent.private_, u.name);
        if (parent.ste.getScope(m) === GLOBAL_EXPLICIT) forceGlobal = true;
      }
      if (!forceGlobal) {
        if (parent.scopeType === 'function' || parent.scopeType === 'async_function' || parent.scopeType === 'lambda') {
          base = parent.qualname + '.<locals>';
        } else {
          base = parent.qualname;
        }
      }
    }
    u.qualname = base !== null ? base + '.' + u.name : u.name;
  }

  assembleUnit(addNone: boolean): CodeObject {
    return assemble(this, this.u, addNone);
  }

  // ------------------------------------------------------------ module

  compileMod(mod: any): CodeObject {
    this.enterScope('<module>', 'module', this.st.top as any, 1);
    let addNone = true;
    this.u.lineno = 1;
    switch (mod._type) {
      case 'Module':
        this.body(mod.body);
        break;
      case 'Interactive':
        if (findAnn(mod.body)) this.addop(Op.SETUP_ANNOTATIONS);
        this.interactive = true;
        for (const s of mod.body) this.visitStmt(s);
        break;
      case 'Expression':
        this.visitExpr(mod.body);
        addNone = false;
        break;
    }
    const co = this.assembleUnit(addNone);
    this.exitScope();
    return co;
  }

  private body(stmts: any[]): void {
    let i = 0;
    if (this.u.scopeType === 'module' && stmts.length) this.setLoc(stmts[0]);
    if (findAnn(stmts)) this.addop(Op.SETUP_ANNOTATIONS);
    if (!stmts.length) return;
    if (this.optimize < 2) {
      const doc = isDocstring(stmts);
      if (doc !== null) {
        i = 1;
        this.visitExpr(stmts[0].value);
        this.unsetLoc();
        this.nameop('__doc__', 'Store');
      }
    }
    for (; i < stmts.length; i++) this.visitStmt(stmts[i]);
  }

  // ------------------------------------------------------------ names

  nameop(name: string, ctx: 'Load' | 'Store' | 'Del'): void {
    if (name === '__debug__' && ctx !== 'Load') {
      this.error(ctx === 'Store' ? 'cannot assign to __debug__' : 'cannot delete __debug__');
    }
    const u = this.u;
    const mangled = mangle(u.private_, name);
    const scope = u.ste.getScope(mangled);
    let optype: 'fast' | 'global' | 'deref' | 'name' = 'name';
    let dict = u.names;
    switch (scope) {
      case FREE:
        dict = u.freevars;
        optype = 'deref';
        break;
      case CELL:
        dict = u.cellvars;
        optype = 'deref';
        break;
      case LOCAL:
        if (u.ste.type === 'function') optype = 'fast';
        break;
      case GLOBAL_IMPLICIT:
        if (u.ste.type === 'function') optype = 'global';
        break;
      case GLOBAL_EXPLICIT:
        optype = 'global';
        break;
    }
    let op: number;
    switch (optype) {
      case 'deref':
        op = ctx === 'Load' ? (u.ste.type === 'class' ? Op.LOAD_CLASSDEREF : Op.LOAD_DEREF) :
          ctx === 'Store' ? Op.STORE_DEREF : Op.DELETE_DEREF;
        break;
      case 'fast':
        op = ctx === 'Load' ? Op.LOAD_FAST : ctx === 'Store' ? Op.STORE_FAST : Op.DELETE_FAST;
        this.addop(op, this.addName(u.varnames, mangled));
        return;
      case 'global':
        op = ctx === 'Load' ? Op.LOAD_GLOBAL : ctx === 'Store' ? Op.STORE_GLOBAL : Op.DELETE_GLOBAL;
        break;
      default:
        op = ctx === 'Load' ? Op.LOAD_NAME : ctx === 'Store' ? Op.STORE_NAME : Op.DELETE_NAME;
    }
    let arg = this.addName(dict, mangled);
    if (op === Op.LOAD_GLOBAL) arg <<= 1;
    this.addop(op, arg);
  }

  // ------------------------------------------------------------ statements

  visitStmts(list: any[]): void {
    for (const s of list) this.visitStmt(s);
  }

  visitStmt(s: any): void {
    this.setLoc(s);
    switch (s._type) {
      case 'FunctionDef':
        return this.function(s, false);
      case 'AsyncFunctionDef':
        return this.function(s, true);
      case 'ClassDef':
        return this.classDef(s);
      case 'Return':
        return this.return_(s);
      case 'Delete':
        for (const t of s.targets) this.visitExpr(t);
        return;
      case 'Assign': {
        const n = s.targets.length;
        this.visitExpr(s.value);
        for (let i = 0; i < n; i++) {
          if (i < n - 1) this.addop(Op.COPY, 1);
          this.visitExpr(s.targets[i]);
        }
        return;
      }
      case 'AugAssign':
        return this.augassign(s);
      case 'AnnAssign':
        return this.annassign(s);
      case 'For':
        return this.for_(s);
      case 'While':
        return this.while_(s);
      case 'If':
        return this.if_(s);
      case 'Match':
        return compileMatch(this, s);
      case 'Raise': {
        let n = 0;
        if (s.exc) {
          this.visitExpr(s.exc);
          n++;
          if (s.cause) {
            this.visitExpr(s.cause);
            n++;
          }
        }
        this.addop(Op.RAISE_VARARGS, n);
        this.nextBlock();
        return;
      }
      case 'Try':
        if (s.finalbody.length) return this.tryFinally(s);
        return this.tryExcept(s);
      case 'TryStar':
        if (s.finalbody.length) return this.tryFinally(s, true);
        return this.tryStarExcept(s);
      case 'Assert':
        return this.assert_(s);
      case 'Import':
        return this.import_(s);
      case 'ImportFrom':
        return this.fromImport(s);
      case 'Global':
      case 'Nonlocal':
        return;
      case 'Expr':
        return this.stmtExpr(s.value);
      case 'Pass':
        this.addop(Op.NOP);
        return;
      case 'Break':
        return this.break_();
      case 'Continue':
        return this.continue_();
      case 'With':
        return this.with_(s, 0);
      case 'AsyncWith':
        return this.asyncWith(s, 0);
      case 'AsyncFor':
        return this.asyncFor(s);
    }
    throw new Error('compiler: unknown statement ' + s._type);
  }

  private stmtExpr(value: any): void {
    if (this.interactive && this.nestlevel <= 1) {
      this.visitExpr(value);
      this.addop(Op.PRINT_EXPR);
      return;
    }
    if (value._type === 'Constant') {
      this.addop(Op.NOP);
      return;
    }
    this.visitExpr(value);
    this.unsetLoc();
    this.addop(Op.POP_TOP);
  }

  private checkDebugArgs(args: any): void {
    const all = [...args.posonlyargs, ...args.args, ...(args.vararg ? [args.vararg] : []), ...args.kwonlyargs,
      ...(args.kwarg ? [args.kwarg] : [])];
    for (const a of all) {
      if (a.arg === '__debug__') this.error('cannot assign to __debug__');
    }
  }

  private decorators(decos: any[]): void {
    for (const d of decos) this.visitExpr(d);
  }

  private applyDecorators(decos: any[]): void {
    const old = this.saveLoc();
    for (let i = decos.length - 1; i >= 0; i--) {
      this.setLoc(decos[i]);
      this.addop(Op.PRECALL, 0);
      this.addop(Op.CALL, 0);
    }
    this.restoreLoc(old);
  }

  private kwonlyDefaults(kwonlyargs: any[], kwDefaults: any[]): boolean {
    const keys: string[] = [];
    for (let i = 0; i < kwonlyargs.length; i++) {
      const d = kwDefaults[i];
      if (d) {
        keys.push(mangle(this.u.private_, kwonlyargs[i].arg));
        this.visitExpr(d);
      }
    }
    if (keys.length) {
      this.loadConst(new ConstTuple(keys));
      this.addop(Op.BUILD_CONST_KEY_MAP, keys.length);
      return true;
    }
    return false;
  }

  defaultArguments(args: any): number {
    let flags = 0;
    if (args.defaults.length > 0) {
      for (const d of args.defaults) this.visitExpr(d);
      this.addop(Op.BUILD_TUPLE, args.defaults.length);
      flags |= 1;
    }
    if (args.kwonlyargs.length) {
      if (this.kwonlyDefaults(args.kwonlyargs, args.kw_defaults)) flags |= 2;
    }
    return flags;
  }

  private argAnnotation(id: string, annotation: any, count: { n: number }): void {
    if (!annotation) return;
    this.loadConst(mangle(this.u.private_, id));
    if (this.futureAnnotations) {
      this.visitAnnexpr(annotation);
    } else if (annotation._type === 'Starred') {
      this.visitExpr(annotation.value);
      this.addop(Op.UNPACK_SEQUENCE, 1);
    } else {
      this.visitExpr(annotation);
    }
    count.n += 2;
  }

  visitAnnexpr(annotation: any): void {
    this.loadConst(unparseAnnotation(annotation));
  }

  private annotations(args: any, returns: any): boolean {
    const count = { n: 0 };
    for (const a of args.args) this.argAnnotation(a.arg, a.annotation, count);
    for (const a of args.posonlyargs) this.argAnnotation(a.arg, a.annotation, count);
    if (args.vararg && args.vararg.annotation) this.argAnnotation(args.vararg.arg, args.vararg.annotation, count);
    for (const a of args.kwonlyargs) this.argAnnotation(a.arg, a.annotation, count);
    if (args.kwarg && args.kwarg.annotation) this.argAnnotation(args.kwarg.arg, args.kwarg.annotation, count);
    this.argAnnotation('return', returns, count);
    if (count.n) {
      this.addop(Op.BUILD_TUPLE, count.n);
      return true;
    }
    return false;
  }

  private function(s: any, isAsync: boolean): void {
    const args = s.args;
    this.checkDebugArgs(args);
    this.decorators(s.decorator_list);
    let firstlineno = s.lineno;
    if (s.decorator_list.length) firstlineno = s.decorator_list[0].lineno;
    let funcflags = this.defaultArguments(args);
    if (this.annotations(args, s.returns)) funcflags |= 4;
    this.enterScope(s.name, isAsync ? 'async_function' : 'function', s, firstlineno);
    const docstring = this.optimize < 2 ? isDocstring(s.body) : null;
    this.u.addConst(docstring !== null ? docstring : None);
    this.u.argcount = args.args.length;
    this.u.posonlyargcount = args.posonlyargs.length;
    this.u.kwonlyargcount = args.kwonlyargs.length;
    for (let i = docstring !== null ? 1 : 0; i < s.body.length; i++) this.visitStmt(s.body[i]);
    const co = this.assembleUnit(true);
    const qualname = this.u.qualname;
    this.exitScope();
    this.makeClosure(co, funcflags, qualname);
    this.applyDecorators(s.decorator_list);
    this.nameop(s.name, 'Store');
  }

  private getRefType(name: string): number {
    if (this.u.scopeType === 'class' && name === '__class__') return CELL;
    return this.u.ste.getScope(name);
  }

  makeClosure(co: CodeObject, flags: number, _qualname: string): void {
    const nfree = co.co_freevars.length;
    if (nfree) {
      for (const name of co.co_freevars) {
        const reftype = this.getRefType(name);
        let arg: number | undefined;
        if (reftype === CELL) arg = this.u.cellvars.get(name);
        else arg = this.u.freevars.get(name);
        if (arg === undefined) throw new Error(`compiler: lookup of free variable '${name}' failed`);
        this.addop(Op.LOAD_CLOSURE, arg);
      }
      flags |= 8;
      this.addop(Op.BUILD_TUPLE, nfree);
    }
    this.loadConst(co);
    this.addop(Op.MAKE_FUNCTION, flags);
  }

  private classDef(s: any): void {
    const decos = s.decorator_list;
    this.decorators(decos);
    let firstlineno = s.lineno;
    if (decos.length) firstlineno = decos[0].lineno;
    this.enterScope(s.name, 'class', s, firstlineno);
    this.u.private_ = s.name;
    this.nameop('__name__', 'Load');
    this.nameop('__module__', 'Store');
    this.loadConst(this.u.qualname);
    this.nameop('__qualname__', 'Store');
    this.body(s.body);
    this.unsetLoc();
    if (this.u.ste.needsClassClosure) {
      const i = this.u.cellvars.get('__class__')!;
      this.addop(Op.LOAD_CLOSURE, i);
      this.addop(Op.COPY, 1);
      this.nameop('__classcell__', 'Store');
    } else {
      this.loadConst(None);
    }
    this.addop(Op.RETURN_VALUE);
    const co = this.assembleUnit(true);
    this.exitScope();
    this.addop(Op.PUSH_NULL);
    this.addop(Op.LOAD_BUILD_CLASS);
    this.makeClosure(co, 0, co.co_qualname);
    this.loadConst(s.name);
    this.callHelper(2, s.bases, s.keywords);
    this.applyDecorators(decos);
    this.nameop(s.name, 'Store');
  }

  private return_(s: any): void {
    const value = s.value;
    const preserveTos = value !== null && value._type !== 'Constant';
    if (this.u.ste.type !== 'function') this.error("'return' outside function");
    if (value !== null && this.u.ste.coroutine && this.u.ste.generator) {
      this.error("'return' with value in async generator");
    }
    if (preserveTos) {
      this.visitExpr(value);
    } else if (value !== null) {
      this.setLoc(value);
      this.addop(Op.NOP);
    }
    if (value === null || value.lineno !== s.lineno) {
      this.setLoc(s);
      this.addop(Op.NOP);
    }
    this.unwindFblockStack(preserveTos, null);
    if (value === null) this.loadConst(None);
    else if (!preserveTos) this.loadConst(value.value);
    // No NEXT_BLOCK here: a following statement starts a new block when it emits (so a function
    // ending in `return` gets no implicit `return None`).
    this.addop(Op.RETURN_VALUE);
  }

  private break_(): void {
    const saved = this.saveLoc();
    this.addop(Op.NOP);
    const loop = { fb: null as FBlockInfo | null };
    this.unwindFblockStack(false, loop);
    if (!loop.fb) {
      this.restoreLoc(saved);
      this.error("'break' outside loop");
    }
    this.unwindFblock(loop.fb, false);
    this.jump(Pseudo.JUMP, loop.fb.exit!);
    this.nextBlock();
  }

  private continue_(): void {
    const saved = this.saveLoc();
    this.addop(Op.NOP);
    const loop = { fb: null as FBlockInfo | null };
    this.unwindFblockStack(false, loop);
    if (!loop.fb) {
      this.restoreLoc(saved);
      this.error("'continue' not properly in loop");
    }
    this.jump(Pseudo.JUMP, loop.fb.block!);
    this.nextBlock();
  }

  pushFblock(type: FBlock, block: Block | null, exit: Block | null, datum: any): void {
    if (this.u.fblocks.length >= 20) {
      this.error('too many statically nested blocks');
    }
    this.u.fblocks.push({ type, block, exit, datum });
  }

  popFblock(): void {
    this.u.fblocks.pop();
  }

  private callExitWithNones(): void {
    this.loadConst(None);
    this.loadConst(None);
    this.loadConst(None);
    this.addop(Op.PRECALL, 2);
    this.addop(Op.CALL, 2);
  }

  private unwindFblock(info: FBlockInfo, preserveTos: boolean): void {
    switch (info.type) {
      case FBlock.WHILE_LOOP:
      case FBlock.EXCEPTION_HANDLER:
      case FBlock.EXCEPTION_GROUP_HANDLER:
      case FBlock.ASYNC_COMPREHENSION_GENERATOR:
        return;
      case FBlock.FOR_LOOP:
        if (preserveTos) this.addop(Op.SWAP, 2);
        this.addop(Op.POP_TOP);
        return;
      case FBlock.TRY_EXCEPT:
        this.addop(Pseudo.POP_BLOCK);
        return;
      case FBlock.FINALLY_TRY:
        this.addop(Pseudo.POP_BLOCK);
        if (preserveTos) this.pushFblock(FBlock.POP_VALUE, null, null, null);
        this.visitStmts(info.datum);
        if (preserveTos) this.popFblock();
        this.unsetLoc();
        return;
      case FBlock.FINALLY_END:
        if (preserveTos) this.addop(Op.SWAP, 2);
        this.addop(Op.POP_TOP);
        if (preserveTos) this.addop(Op.SWAP, 2);
        this.addop(Pseudo.POP_BLOCK);
        this.addop(Op.POP_EXCEPT);
        return;
      case FBlock.WITH:
      case FBlock.ASYNC_WITH:
        this.setLoc(info.datum);
        this.addop(Pseudo.POP_BLOCK);
        if (preserveTos) this.addop(Op.SWAP, 2);
        this.callExitWithNones();
        if (info.type === FBlock.ASYNC_WITH) {
          this.addop(Op.GET_AWAITABLE, 2);
          this.loadConst(None);
          this.addYieldFrom(true);
        }
        this.addop(Op.POP_TOP);
        this.unsetLoc();
        return;
      case FBlock.HANDLER_CLEANUP:
        if (info.datum) this.addop(Pseudo.POP_BLOCK);
        if (preserveTos) this.addop(Op.SWAP, 2);
        this.addop(Pseudo.POP_BLOCK);
        this.addop(Op.POP_EXCEPT);
        if (info.datum) {
          this.loadConst(None);
          this.nameop(info.datum, 'Store');
          this.nameop(info.datum, 'Del');
        }
        return;
      case FBlock.POP_VALUE:
        if (preserveTos) this.addop(Op.SWAP, 2);
        this.addop(Op.POP_TOP);
        return;
    }
  }

  private unwindFblockStack(preserveTos: boolean, loop: { fb: FBlockInfo | null } | null): void {
    const fbs = this.u.fblocks;
    if (fbs.length === 0) return;
    const top = fbs[fbs.length - 1];
    if (top.type === FBlock.EXCEPTION_GROUP_HANDLER) {
      this.error("'break', 'continue' and 'return' cannot appear in an except* block");
    }
    if (loop !== null && (top.type === FBlock.WHILE_LOOP || top.type === FBlock.FOR_LOOP)) {
      loop.fb = top;
      return;
    }
    fbs.pop();
    this.unwindFblock(top, preserveTos);
    this.unwindFblockStack(preserveTos, loop);
    fbs.push(top);
  }

  private augassign(s: any): void {
    const e = s.target;
    const old = this.saveLoc();
    this.setLoc(e);
    switch (e._type) {
      case 'Attribute':
        this.visitExpr(e.value);
        this.addop(Op.COPY, 1);
        this.updateStartLocationToMatchAttr(e);
        this.addopName(Op.LOAD_ATTR, e.attr);
        break;
      case 'Subscript':
        this.visitExpr(e.value);
        this.visitExpr(e.slice);
        this.addop(Op.COPY, 2);
        this.addop(Op.COPY, 2);
        this.addop(Op.BINARY_SUBSCR);
        break;
      case 'Name':
        this.nameop(e.id, 'Load');
        break;
      default:
        throw new Error('invalid node type for augmented assignment');
    }
    this.restoreLoc(old);
    this.visitExpr(s.value);
    this.addop(Op.BINARY_OP, BINOP[s.op._type] + 13);
    this.setLoc(e);
    switch (e._type) {
      case 'Attribute':
        this.updateStartLocationToMatchAttr(e);
        this.addop(Op.SWAP, 2);
        this.addopName(Op.STORE_ATTR, e.attr);
        break;
      case 'Subscript':
        this.addop(Op.SWAP, 3);
        this.addop(Op.SWAP, 2);
        this.addop(Op.STORE_SUBSCR);
        break;
      case 'Name':
        this.nameop(e.id, 'Store');
        break;
    }
  }

  private checkAnnExpr(e: any): void {
    this.visitExpr(e);
    this.addop(Op.POP_TOP);
  }

  private checkAnnSubscr(e: any): void {
    if (e._type === 'Slice') {
      if (e.lower) this.checkAnnExpr(e.lower);
      if (e.upper) this.checkAnnExpr(e.upper);
      if (e.step) this.checkAnnExpr(e.step);
    } else if (e._type === 'Tuple') {
      for (const x of e.elts) this.checkAnnSubscr(x);
    } else {
      this.checkAnnExpr(e);
    }
  }

  private annassign(s: any): void {
    const targ = s.target;
    if (s.value) {
      this.visitExpr(s.value);
      this.visitExpr(targ);
    }
    switch (targ._type) {
      case 'Name':
        if (targ.id === '__debug__') this.error('cannot assign to __debug__');
        if (s.simple && (this.u.scopeType === 'module' || this.u.scopeType === 'class')) {
          if (this.futureAnnotations) this.visitAnnexpr(s.annotation);
          else this.visitExpr(s.annotation);
          this.addopName(Op.LOAD_NAME, '__annotations__');
          this.loadConst(mangle(this.u.private_, targ.id));
          this.addop(Op.STORE_SUBSCR);
        }
        break;
      case 'Attribute':
        if (targ.attr === '__debug__') this.error('cannot assign to __debug__');
        if (!s.value) this.checkAnnExpr(targ.value);
        break;
      case 'Subscript':
        if (!s.value) {
          this.checkAnnExpr(targ.value);
          this.checkAnnSubscr(targ.slice);
        }
        break;
    }
    if (!s.simple && !this.futureAnnotations) {
      if (this.u.scopeType === 'module' || this.u.scopeType === 'class') this.checkAnnExpr(s.annotation);
    }
  }

  private for_(s: any): void {
    const u = this.u;
    const start = u.newBlock();
    const body = u.newBlock();
    const cleanup = u.newBlock();
    const end = u.newBlock();
    this.pushFblock(FBlock.FOR_LOOP, start, end, null);
    this.visitExpr(s.iter);
    this.addop(Op.GET_ITER);
    this.useNextBlock(start);
    this.jump(Op.FOR_ITER, cleanup);
    this.useNextBlock(body);
    this.visitExpr(s.target);
    this.visitStmts(s.body);
    this.unsetLoc();
    this.jump(Pseudo.JUMP, start);
    this.useNextBlock(cleanup);
    this.popFblock();
    this.visitStmts(s.orelse);
    this.useNextBlock(end);
  }

  private asyncFor(s: any): void {
    const u = this.u;
    if (u.scopeType !== 'async_function') this.error("'async for' outside async function");
    const start = u.newBlock();
    const except = u.newBlock();
    const end = u.newBlock();
    this.visitExpr(s.iter);
    this.addop(Op.GET_AITER);
    this.useNextBlock(start);
    this.pushFblock(FBlock.FOR_LOOP, start, end, null);
    this.jump(Pseudo.SETUP_FINALLY, except);
    this.addop(Op.GET_ANEXT);
    this.loadConst(None);
    this.addYieldFrom(true);
    this.addop(Pseudo.POP_BLOCK);
    this.visitExpr(s.target);
    this.visitStmts(s.body);
    this.unsetLoc();
    this.jump(Pseudo.JUMP, start);
    this.popFblock();
    this.useNextBlock(except);
    this.setLoc(s.iter);
    this.addop(Op.END_ASYNC_FOR);
    this.visitStmts(s.orelse);
    this.useNextBlock(end);
  }

  private while_(s: any): void {
    const u = this.u;
    const loop = u.newBlock();
    const body = u.newBlock();
    const anchor = u.newBlock();
    const end = u.newBlock();
    this.useNextBlock(loop);
    this.pushFblock(FBlock.WHILE_LOOP, loop, end, null);
    this.jumpIf(s.test, anchor, false);
    this.useNextBlock(body);
    this.visitStmts(s.body);
    this.setLoc(s);
    this.jumpIf(s.test, body, true);
    this.popFblock();
    this.useNextBlock(anchor);
    this.visitStmts(s.orelse);
    this.useNextBlock(end);
  }

  private if_(s: any): void {
    const u = this.u;
    const end = u.newBlock();
    const next = s.orelse.length ? u.newBlock() : end;
    this.jumpIf(s.test, next, false);
    this.visitStmts(s.body);
    if (s.orelse.length) {
      this.jumpNoline(Pseudo.JUMP, end);
      this.useNextBlock(next);
      this.visitStmts(s.orelse);
    }
    this.useNextBlock(end);
  }

  popExceptAndReraise(): void {
    this.addop(Op.COPY, 3);
    this.addop(Op.POP_EXCEPT);
    this.addop(Op.RERAISE, 1);
  }

  /** try/finally, and try-star with finally when star: the body (with its handlers) then the finally block twice. */
  private tryFinally(s: any, star = false): void {
    const u = this.u;
    const body = u.newBlock();
    const end = u.newBlock();
    const exit = u.newBlock();
    const cleanup = u.newBlock();
    this.jump(Pseudo.SETUP_FINALLY, end);
    this.useNextBlock(body);
    this.pushFblock(FBlock.FINALLY_TRY, body, end, s.finalbody);
    if (!s.handlers.length) this.visitStmts(s.body);
    else if (star) this.tryStarExcept(s);
    else this.tryExcept(s);
    this.addopNoline(Pseudo.POP_BLOCK);
    this.popFblock();
    this.visitStmts(s.finalbody);
    this.jumpNoline(Pseudo.JUMP, exit);
    this.useNextBlock(end);
    this.unsetLoc();
    this.jump(Pseudo.SETUP_CLEANUP, cleanup);
    this.addop(Op.PUSH_EXC_INFO);
    this.pushFblock(FBlock.FINALLY_END, end, null, null);
    this.visitStmts(s.finalbody);
    this.popFblock();
    this.addop(Op.RERAISE, 0);
    this.useNextBlock(cleanup);
    this.popExceptAndReraise();
    this.useNextBlock(exit);
  }

  private tryExcept(s: any): void {
    const u = this.u;
    const body = u.newBlock();
    let except = u.newBlock();
    const end = u.newBlock();
    const cleanup = u.newBlock();
    this.jump(Pseudo.SETUP_FINALLY, except);
    this.useNextBlock(body);
    this.pushFblock(FBlock.TRY_EXCEPT, body, null, null);
    this.visitStmts(s.body);
    this.popFblock();
    this.addopNoline(Pseudo.POP_BLOCK);
    this.visitStmts(s.orelse);
    this.jumpNoline(Pseudo.JUMP, end);
    const n = s.handlers.length;
    this.useNextBlock(except);
    this.unsetLoc();
    this.jump(Pseudo.SETUP_CLEANUP, cleanup);
    this.addop(Op.PUSH_EXC_INFO);
    this.pushFblock(FBlock.EXCEPTION_HANDLER, null, null, null);
    for (let i = 0; i < n; i++) {
      const handler = s.handlers[i];
      this.setLoc(handler);
      if (!handler.type && i < n - 1) this.error("default 'except:' must be last");
      except = u.newBlock();
      if (handler.type) {
        this.visitExpr(handler.type);
        this.addop(Op.CHECK_EXC_MATCH);
        this.jump(Pseudo.POP_JUMP_IF_FALSE, except);
      }
      if (handler.name) {
        const cleanupEnd = u.newBlock();
        const cleanupBody = u.newBlock();
        this.nameop(handler.name, 'Store');
        this.jump(Pseudo.SETUP_CLEANUP, cleanupEnd);
        this.useNextBlock(cleanupBody);
        this.pushFblock(FBlock.HANDLER_CLEANUP, cleanupBody, null, handler.name);
        this.visitStmts(handler.body);
        this.popFblock();
        this.unsetLoc();
        this.addop(Pseudo.POP_BLOCK);
        this.addop(Pseudo.POP_BLOCK);
        this.addop(Op.POP_EXCEPT);
        this.loadConst(None);
        this.nameop(handler.name, 'Store');
        this.nameop(handler.name, 'Del');
        this.jump(Pseudo.JUMP, end);
        this.useNextBlock(cleanupEnd);
        this.unsetLoc();
        this.loadConst(None);
        this.nameop(handler.name, 'Store');
        this.nameop(handler.name, 'Del');
        this.addop(Op.RERAISE, 1);
      } else {
        const cleanupBody = u.newBlock();
        this.addop(Op.POP_TOP);
        this.useNextBlock(cleanupBody);
        this.pushFblock(FBlock.HANDLER_CLEANUP, cleanupBody, null, null);
        this.visitStmts(handler.body);
        this.popFblock();
        this.unsetLoc();
        this.addop(Pseudo.POP_BLOCK);
        this.addop(Op.POP_EXCEPT);
        this.jump(Pseudo.JUMP, end);
      }
      this.useNextBlock(except);
    }
    this.unsetLoc();
    this.popFblock();
    this.addop(Op.RERAISE, 0);
    this.useNextBlock(cleanup);
    this.popExceptAndReraise();
    this.useNextBlock(end);
  }

  private tryStarExcept(s: any): void {
    const u = this.u;
    const body = u.newBlock();
    let except = u.newBlock();
    const orelse = u.newBlock();
    const end = u.newBlock();
    const cleanup = u.newBlock();
    const reraiseStar = u.newBlock();
    this.jump(Pseudo.SETUP_FINALLY, except);
    this.useNextBlock(body);
    this.pushFblock(FBlock.TRY_EXCEPT, body, null, null);
    this.visitStmts(s.body);
    this.popFblock();
    this.addopNoline(Pseudo.POP_BLOCK);
    this.jumpNoline(Pseudo.JUMP, orelse);
    const n = s.handlers.length;
    this.useNextBlock(except);
    this.unsetLoc();
    this.jump(Pseudo.SETUP_CLEANUP, cleanup);
    this.addop(Op.PUSH_EXC_INFO);
    this.pushFblock(FBlock.EXCEPTION_GROUP_HANDLER, null, null, 'except handler');
    for (let i = 0; i < n; i++) {
      const handler = s.handlers[i];
      this.setLoc(handler);
      except = u.newBlock();
      const exceptWithError = u.newBlock();
      const noMatch = u.newBlock();
      if (i === 0) {
        this.addop(Op.COPY, 1);
        this.addop(Op.BUILD_LIST, 0);
        this.addop(Op.SWAP, 2);
      }
      if (handler.type) {
        this.visitExpr(handler.type);
        this.addop(Op.CHECK_EG_MATCH);
        this.addop(Op.COPY, 1);
        this.jump(Pseudo.POP_JUMP_IF_NONE, noMatch);
      }
      const cleanupEnd = u.newBlock();
      const cleanupBody = u.newBlock();
      if (handler.name) this.nameop(handler.name, 'Store');
      else this.addop(Op.POP_TOP);
      this.jump(Pseudo.SETUP_CLEANUP, cleanupEnd);
      this.useNextBlock(cleanupBody);
      this.pushFblock(FBlock.HANDLER_CLEANUP, cleanupBody, null, handler.name);
      this.visitStmts(handler.body);
      this.popFblock();
      this.unsetLoc();
      this.addop(Pseudo.POP_BLOCK);
      if (handler.name) {
        this.loadConst(None);
        this.nameop(handler.name, 'Store');
        this.nameop(handler.name, 'Del');
      }
      this.jump(Pseudo.JUMP, except);
      this.useNextBlock(cleanupEnd);
      if (handler.name) {
        this.loadConst(None);
        this.nameop(handler.name, 'Store');
        this.nameop(handler.name, 'Del');
      }
      this.addop(Op.LIST_APPEND, 3);
      this.addop(Op.POP_TOP);
      this.jump(Pseudo.JUMP, exceptWithError);
      this.useNextBlock(except);
      this.addop(Op.NOP);
      this.jump(Pseudo.JUMP, exceptWithError);
      this.useNextBlock(noMatch);
      this.addop(Op.POP_TOP);
      this.useNextBlock(exceptWithError);
      if (i === n - 1) {
        this.addop(Op.LIST_APPEND, 1);
        this.jump(Pseudo.JUMP, reraiseStar);
      }
    }
    this.unsetLoc();
    this.popFblock();
    const reraise = u.newBlock();
    this.useNextBlock(reraiseStar);
    this.addop(Op.PREP_RERAISE_STAR);
    this.addop(Op.COPY, 1);
    this.jump(Pseudo.POP_JUMP_IF_NOT_NONE, reraise);
    this.addop(Op.POP_TOP);
    this.addop(Pseudo.POP_BLOCK);
    this.addop(Op.POP_EXCEPT);
    this.jump(Pseudo.JUMP, end);
    this.useNextBlock(reraise);
    this.addop(Pseudo.POP_BLOCK);
    this.addop(Op.SWAP, 2);
    this.addop(Op.POP_EXCEPT);
    this.addop(Op.RERAISE, 0);
    this.useNextBlock(cleanup);
    this.popExceptAndReraise();
    this.useNextBlock(orelse);
    this.visitStmts(s.orelse);
    this.useNextBlock(end);
  }

  private withExceptFinish(cleanup: Block): void {
    this.unsetLoc();
    const exit = this.u.newBlock();
    this.jump(Pseudo.POP_JUMP_IF_TRUE, exit);
    this.addop(Op.RERAISE, 2);
    this.useNextBlock(cleanup);
    this.popExceptAndReraise();
    this.useNextBlock(exit);
    this.addop(Op.POP_TOP);
    this.addop(Pseudo.POP_BLOCK);
    this.addop(Op.POP_EXCEPT);
    this.addop(Op.POP_TOP);
    this.addop(Op.POP_TOP);
  }

  private with_(s: any, pos: number): void {
    const u = this.u;
    const item = s.items[pos];
    const block = u.newBlock();
    const final = u.newBlock();
    const exit = u.newBlock();
    const cleanup = u.newBlock();
    this.visitExpr(item.context_expr);
    this.addop(Op.BEFORE_WITH);
    this.jump(Pseudo.SETUP_WITH, final);
    this.useNextBlock(block);
    this.pushFblock(FBlock.WITH, block, final, s);
    if (item.optional_vars) this.visitExpr(item.optional_vars);
    else this.addop(Op.POP_TOP);
    pos++;
    if (pos === s.items.length) this.visitStmts(s.body);
    else this.with_(s, pos);
    this.unsetLoc();
    this.addop(Pseudo.POP_BLOCK);
    this.popFblock();
    this.setLoc(s);
    this.callExitWithNones();
    this.addop(Op.POP_TOP);
    this.jump(Pseudo.JUMP, exit);
    this.useNextBlock(final);
    this.jump(Pseudo.SETUP_CLEANUP, cleanup);
    this.addop(Op.PUSH_EXC_INFO);
    this.addop(Op.WITH_EXCEPT_START);
    this.withExceptFinish(cleanup);
    this.useNextBlock(exit);
  }

  private asyncWith(s: any, pos: number): void {
    const u = this.u;
    const item = s.items[pos];
    if (u.scopeType !== 'async_function') this.error("'async with' outside async function");
    const block = u.newBlock();
    const final = u.newBlock();
    const exit = u.newBlock();
    const cleanup = u.newBlock();
    this.visitExpr(item.context_expr);
    this.addop(Op.BEFORE_ASYNC_WITH);
    this.addop(Op.GET_AWAITABLE, 1);
    this.loadConst(None);
    this.addYieldFrom(true);
    this.jump(Pseudo.SETUP_WITH, final);
    this.useNextBlock(block);
    this.pushFblock(FBlock.ASYNC_WITH, block, final, s);
    if (item.optional_vars) this.visitExpr(item.optional_vars);
    else this.addop(Op.POP_TOP);
    pos++;
    if (pos === s.items.length) this.visitStmts(s.body);
    else this.asyncWith(s, pos);
    this.popFblock();
    this.addop(Pseudo.POP_BLOCK);
    this.setLoc(s);
    this.callExitWithNones();
    this.addop(Op.GET_AWAITABLE, 2);
    this.loadConst(None);
    this.addYieldFrom(true);
    this.addop(Op.POP_TOP);
    this.jump(Pseudo.JUMP, exit);
    this.useNextBlock(final);
    this.jump(Pseudo.SETUP_CLEANUP, cleanup);
    this.addop(Op.PUSH_EXC_INFO);
    this.addop(Op.WITH_EXCEPT_START);
    this.addop(Op.GET_AWAITABLE, 2);
    this.loadConst(None);
    this.addYieldFrom(true);
    this.withExceptFinish(cleanup);
    this.useNextBlock(exit);
  }

  private assert_(s: any): void {
    const t = s.test;
    if ((t._type === 'Tuple' && t.elts.length > 0) ||
      (t._type === 'Constant' && t.value instanceof ConstTuple && t.value.items.length > 0)) {
      this.warn('assertion is always true, perhaps remove parentheses?');
    }
    if (this.optimize) return;
    const end = this.u.newBlock();
    this.jumpIf(s.test, end, true);
    this.addop(Op.LOAD_ASSERTION_ERROR);
    if (s.msg) {
      this.visitExpr(s.msg);
      this.addop(Op.PRECALL, 0);
      this.addop(Op.CALL, 0);
    }
    this.addop(Op.RAISE_VARARGS, 1);
    this.useNextBlock(end);
  }

  private import_(s: any): void {
    for (const alias of s.names) {
      this.loadConst(0);
      this.loadConst(None);
      this.addopName(Op.IMPORT_NAME, alias.name);
      if (alias.asname) {
        this.importAs(alias.name, alias.asname);
      } else {
        const dot = alias.name.indexOf('.');
        this.nameop(dot >= 0 ? alias.name.slice(0, dot) : alias.name, 'Store');
      }
    }
  }

  private importAs(name: string, asname: string): void {
    let dot = name.indexOf('.');
    if (dot >= 0) {
      for (;;) {
        const pos = dot + 1;
        dot = name.indexOf('.', pos);
        const attr = name.slice(pos, dot >= 0 ? dot : name.length);
        this.addopN(Op.IMPORT_FROM, attr);
        if (dot < 0) break;
        this.addop(Op.SWAP, 2);
        this.addop(Op.POP_TOP);
      }
      this.nameop(asname, 'Store');
      this.addop(Op.POP_TOP);
      return;
    }
    this.nameop(asname, 'Store');
  }

  private fromImport(s: any): void {
    this.loadConst(s.level ?? 0);
    const names = s.names.map((a: any) => a.name);
    if (s.lineno > this.futureLineno && s.module === '__future__') {
      this.error('from __future__ imports must occur at the beginning of the file');
    }
    this.loadConst(new ConstTuple(names));
    this.addopName(Op.IMPORT_NAME, s.module ?? '');
    for (let i = 0; i < s.names.length; i++) {
      const alias = s.names[i];
      if (i === 0 && alias.name[0] === '*') {
        this.addop(Op.IMPORT_STAR);
        return;
      }
      this.addopName(Op.IMPORT_FROM, alias.name);
      this.nameop(alias.asname ?? alias.name, 'Store');
    }
    this.addop(Op.POP_TOP);
  }

  // ------------------------------------------------------------ expressions

  visitExpr(e: any): void {
    const u = this.u;
    const l0 = u.lineno, l1 = u.endLineno, l2 = u.col, l3 = u.endCol;
    u.lineno = e.lineno;
    u.endLineno = e.end_lineno ?? e.lineno;
    u.col = e.col_offset;
    u.endCol = e.end_col_offset ?? e.col_offset;
    this.visitExpr1(e);
    u.lineno = l0;
    u.endLineno = l1;
    u.col = l2;
    u.endCol = l3;
  }

  private visitExpr1(e: any): void {
    switch (e._type) {
      case 'NamedExpr':
        this.visitExpr(e.value);
        this.addop(Op.COPY, 1);
        this.visitExpr(e.target);
        return;
      case 'BoolOp':
        return this.boolop(e);
      case 'BinOp':
        this.visitExpr(e.left);
        this.visitExpr(e.right);
        this.addop(Op.BINARY_OP, BINOP[e.op._type]);
        return;
      case 'UnaryOp':
        this.visitExpr(e.operand);
        this.addop(UNARYOP[e.op._type]);
        return;
      case 'Lambda':
        return this.lambda(e);
      case 'IfExp':
        return this.ifexp(e);
      case 'Dict':
        return this.dict(e);
      case 'Set':
        return this.starunpackHelper(e.elts, 0, Op.BUILD_SET, Op.SET_ADD, Op.SET_UPDATE, false);
      case 'GeneratorExp':
        return this.comprehension(e, 'genexp', '<genexpr>', e.generators, e.elt, null);
      case 'ListComp':
        return this.comprehension(e, 'list', '<listcomp>', e.generators, e.elt, null);
      case 'SetComp':
        return this.comprehension(e, 'set', '<setcomp>', e.generators, e.elt, null);
      case 'DictComp':
        return this.comprehension(e, 'dict', '<dictcomp>', e.generators, e.key, e.value);
      case 'Yield':
        if (this.u.ste.type !== 'function') this.error("'yield' outside function");
        if (e.value) this.visitExpr(e.value);
        else this.loadConst(None);
        this.addopYield();
        return;
      case 'YieldFrom':
        if (this.u.ste.type !== 'function') this.error("'yield' outside function");
        if (this.u.scopeType === 'async_function') this.error("'yield from' inside async function");
        this.visitExpr(e.value);
        this.addop(Op.GET_YIELD_FROM_ITER);
        this.loadConst(None);
        this.addYieldFrom(false);
        return;
      case 'Await':
        if (this.u.ste.type !== 'function') this.error("'await' outside function");
        if (this.u.scopeType !== 'async_function' && this.u.scopeType !== 'comprehension') {
          this.error("'await' outside async function");
        }
        this.visitExpr(e.value);
        this.addop(Op.GET_AWAITABLE, 0);
        this.loadConst(None);
        this.addYieldFrom(true);
        return;
      case 'Compare':
        return this.compare(e);
      case 'Call':
        return this.call(e);
      case 'Constant':
        this.loadConst(e.value as LiteralValue);
        return;
      case 'JoinedStr':
        return this.joinedStr(e);
      case 'FormattedValue':
        return this.formattedValue(e);
      case 'Attribute':
        this.visitExpr(e.value);
        this.updateStartLocationToMatchAttr(e);
        switch (e.ctx._type) {
          case 'Load':
            this.addopName(Op.LOAD_ATTR, e.attr);
            break;
          case 'Store':
            if (e.attr === '__debug__') this.error('cannot assign to __debug__');
            this.addopName(Op.STORE_ATTR, e.attr);
            break;
          case 'Del':
            this.addopName(Op.DELETE_ATTR, e.attr);
            break;
        }
        return;
      case 'Subscript': {
        const ctx = e.ctx._type;
        if (ctx === 'Load') {
          this.checkSubscripter(e.value);
          this.checkIndex(e.value, e.slice);
        }
        this.visitExpr(e.value);
        this.visitExpr(e.slice);
        this.addop(ctx === 'Load' ? Op.BINARY_SUBSCR : ctx === 'Store' ? Op.STORE_SUBSCR : Op.DELETE_SUBSCR);
        return;
      }
      case 'Starred':
        if (e.ctx._type === 'Store') this.error('starred assignment target must be in a list or tuple');
        this.error("can't use starred expression here");
        return;
      case 'Slice': {
        const n = this.slice(e);
        this.addop(Op.BUILD_SLICE, n);
        return;
      }
      case 'Name':
        return this.nameop(e.id, e.ctx._type);
      case 'List':
        if (e.ctx._type === 'Store') return this.assignmentHelper(e.elts);
        if (e.ctx._type === 'Load') return this.starunpackHelper(e.elts, 0, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, false);
        for (const x of e.elts) this.visitExpr(x);
        return;
      case 'Tuple':
        if (e.ctx._type === 'Store') return this.assignmentHelper(e.elts);
        if (e.ctx._type === 'Load') return this.starunpackHelper(e.elts, 0, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, true);
        for (const x of e.elts) this.visitExpr(x);
        return;
    }
    throw new Error('compiler: unknown expression ' + e._type);
  }

  updateStartLocationToMatchAttr(attr: any): void {
    const u = this.u;
    if (u.lineno !== attr.end_lineno) {
      u.lineno = attr.end_lineno;
      const len = [...attr.attr].length;
      if (len <= attr.end_col_offset) {
        u.col = attr.end_col_offset - len;
      } else {
        u.col = -1;
        u.endCol = -1;
      }
      u.endLineno = Math.max(u.lineno, u.endLineno);
      if (u.lineno === u.endLineno) u.endCol = Math.max(u.col, u.endCol);
    }
  }

  addopYield(): void {
    if (this.u.ste.generator && this.u.ste.coroutine) this.addop(Op.ASYNC_GEN_WRAP);
    this.addop(Op.YIELD_VALUE);
    this.addop(Op.RESUME, 1);
  }

  addYieldFrom(isAwait: boolean): void {
    const u = this.u;
    const start = u.newBlock();
    const resume = u.newBlock();
    const exit = u.newBlock();
    this.useNextBlock(start);
    this.jump(Op.SEND, exit);
    this.useNextBlock(resume);
    this.addop(Op.YIELD_VALUE);
    this.addop(Op.RESUME, isAwait ? 3 : 2);
    this.jump(Pseudo.JUMP_NO_INTERRUPT, start);
    this.useNextBlock(exit);
  }

  private slice(s: any): number {
    let n = 2;
    if (s.lower) this.visitExpr(s.lower);
    else this.loadConst(None);
    if (s.upper) this.visitExpr(s.upper);
    else this.loadConst(None);
    if (s.step) {
      n++;
      this.visitExpr(s.step);
    }
    return n;
  }

  private boolop(e: any): void {
    const jumpi = e.op._type === 'And' ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP;
    const end = this.u.newBlock();
    const s = e.values;
    const n = s.length - 1;
    for (let i = 0; i < n; i++) {
      this.visitExpr(s[i]);
      this.jump(jumpi, end);
      this.useNextBlock(this.u.newBlock());
    }
    this.visitExpr(s[n]);
    this.useNextBlock(end);
  }

  private ifexp(e: any): void {
    const end = this.u.newBlock();
    const next = this.u.newBlock();
    this.jumpIf(e.test, next, false);
    this.visitExpr(e.body);
    this.jumpNoline(Pseudo.JUMP, end);
    this.useNextBlock(next);
    this.visitExpr(e.orelse);
    this.useNextBlock(end);
  }

  addCompare(op: string): void {
    switch (op) {
      case 'Eq': this.addop(Op.COMPARE_OP, 2); return;
      case 'NotEq': this.addop(Op.COMPARE_OP, 3); return;
      case 'Lt': this.addop(Op.COMPARE_OP, 0); return;
      case 'LtE': this.addop(Op.COMPARE_OP, 1); return;
      case 'Gt': this.addop(Op.COMPARE_OP, 4); return;
      case 'GtE': this.addop(Op.COMPARE_OP, 5); return;
      case 'Is': this.addop(Op.IS_OP, 0); return;
      case 'IsNot': this.addop(Op.IS_OP, 1); return;
      case 'In': this.addop(Op.CONTAINS_OP, 0); return;
      case 'NotIn': this.addop(Op.CONTAINS_OP, 1); return;
    }
  }

  jumpIf(e: any, next: Block, cond: boolean): void {
    const u = this.u;
    switch (e._type) {
      case 'UnaryOp':
        if (e.op._type === 'Not') return this.jumpIf(e.operand, next, !cond);
        break;
      case 'BoolOp': {
        const s = e.values;
        const n = s.length - 1;
        const cond2 = e.op._type === 'Or';
        let next2 = next;
        if (cond2 !== cond) next2 = u.newBlock();
        for (let i = 0; i < n; i++) this.jumpIf(s[i], next2, cond2);
        this.jumpIf(s[n], next, cond);
        if (next2 !== next) this.useNextBlock(next2);
        return;
      }
      case 'IfExp': {
        const end = u.newBlock();
        const next2 = u.newBlock();
        this.jumpIf(e.test, next2, false);
        this.jumpIf(e.body, next, cond);
        this.jumpNoline(Pseudo.JUMP, end);
        this.useNextBlock(next2);
        this.jumpIf(e.orelse, next, cond);
        this.useNextBlock(end);
        return;
      }
      case 'Compare': {
        const n = e.ops.length - 1;
        // CPython sets the comparison's location here and does not restore it.
        this.setLoc(e);
        if (n > 0) {
          this.checkCompare(e);
          const cleanup = u.newBlock();
          this.visitExpr(e.left);
          for (let i = 0; i < n; i++) {
            this.visitExpr(e.comparators[i]);
            this.addop(Op.SWAP, 2);
            this.addop(Op.COPY, 2);
            this.addCompare(e.ops[i]._type);
            this.jump(Pseudo.POP_JUMP_IF_FALSE, cleanup);
          }
          this.visitExpr(e.comparators[n]);
          this.addCompare(e.ops[n]._type);
          this.jump(cond ? Pseudo.POP_JUMP_IF_TRUE : Pseudo.POP_JUMP_IF_FALSE, next);
          const end = u.newBlock();
          this.jumpNoline(Pseudo.JUMP, end);
          this.useNextBlock(cleanup);
          this.addop(Op.POP_TOP);
          if (!cond) this.jumpNoline(Pseudo.JUMP, next);
          this.useNextBlock(end);
          return;
        }
        break;
      }
    }
    this.visitExpr(e);
    this.jump(cond ? Pseudo.POP_JUMP_IF_TRUE : Pseudo.POP_JUMP_IF_FALSE, next);
  }

  private compare(e: any): void {
    this.checkCompare(e);
    this.visitExpr(e.left);
    const n = e.ops.length - 1;
    if (n === 0) {
      this.visitExpr(e.comparators[0]);
      this.addCompare(e.ops[0]._type);
      return;
    }
    const cleanup = this.u.newBlock();
    for (let i = 0; i < n; i++) {
      this.visitExpr(e.comparators[i]);
      this.addop(Op.SWAP, 2);
      this.addop(Op.COPY, 2);
      this.addCompare(e.ops[i]._type);
      this.jump(Op.JUMP_IF_FALSE_OR_POP, cleanup);
    }
    this.visitExpr(e.comparators[n]);
    this.addCompare(e.ops[n]._type);
    const end = this.u.newBlock();
    this.jumpNoline(Pseudo.JUMP, end);
    this.useNextBlock(cleanup);
    this.addop(Op.SWAP, 2);
    this.addop(Op.POP_TOP);
    this.useNextBlock(end);
  }

  private validateKeywords(keywords: any[]): void {
    for (let i = 0; i < keywords.length; i++) {
      const key = keywords[i].arg;
      if (key === null) continue;
      if (key === '__debug__') this.error('cannot assign to __debug__', keywords[i]);
      for (let j = i + 1; j < keywords.length; j++) {
        if (keywords[j].arg === key) this.error(`keyword argument repeated: ${key}`, keywords[j]);
      }
    }
  }

  private call(e: any): void {
    if (this.maybeOptimizeMethodCall(e)) return;
    this.checkCaller(e.func);
    this.setLoc(e.func);
    this.addop(Op.PUSH_NULL);
    this.setLoc(e);
    this.visitExpr(e.func);
    this.callHelper(0, e.args, e.keywords);
  }

  private maybeOptimizeMethodCall(e: any): boolean {
    const meth = e.func;
    const args = e.args;
    const kwds = e.keywords;
    if (meth._type !== 'Attribute' || meth.ctx._type !== 'Load') return false;
    // Names imported at module level keep the generic call sequence (is_import_originated).
    if (meth.value._type === 'Name' && this.st.top.getFlags(meth.value.id) & DEF_IMPORT) return false;
    const argsl = args.length;
    const kwdsl = kwds.length;
    if (argsl + kwdsl + (kwdsl !== 0 ? 1 : 0) >= STACK_USE_GUIDELINE) return false;
    for (const a of args) if (a._type === 'Starred') return false;
    for (const k of kwds) if (k.arg === null) return false;
    this.visitExpr(meth.value);
    const old = this.saveLoc();
    this.setLoc(meth);
    this.updateStartLocationToMatchAttr(meth);
    this.addopName(Op.LOAD_METHOD, meth.attr);
    for (const a of args) this.visitExpr(a);
    if (kwdsl) {
      this.validateKeywords(kwds);
      for (const k of kwds) this.visitExpr(k.value);
      this.callSimpleKwHelper(kwds);
    }
    this.setLoc(e);
    this.updateStartLocationToMatchAttr(meth);
    this.addop(Op.PRECALL, argsl + kwdsl);
    this.addop(Op.CALL, argsl + kwdsl);
    this.restoreLoc(old);
    return true;
  }

  private callSimpleKwHelper(keywords: any[]): void {
    const names = keywords.map((k) => k.arg);
    this.addop(Op.KW_NAMES, this.u.addConst(new ConstTuple(names)));
  }

  callHelper(n: number, args: any[], keywords: any[]): void {
    this.validateKeywords(keywords);
    const nelts = args.length;
    const nkwelts = keywords.length;
    let exCall = nelts + nkwelts * 2 > STACK_USE_GUIDELINE;
    if (!exCall) for (const a of args) if (a._type === 'Starred') exCall = true;
    if (!exCall) for (const k of keywords) if (k.arg === null) exCall = true;
    if (!exCall) {
      for (const a of args) this.visitExpr(a);
      if (nkwelts) {
        for (const k of keywords) this.visitExpr(k.value);
        this.callSimpleKwHelper(keywords);
      }
      this.addop(Op.PRECALL, n + nelts + nkwelts);
      this.addop(Op.CALL, n + nelts + nkwelts);
      return;
    }
    if (n === 0 && nelts === 1 && args[0]._type === 'Starred') {
      this.visitExpr(args[0].value);
    } else {
      this.starunpackHelper(args, n, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, true);
    }
    if (nkwelts) {
      let haveDict = false;
      let nseen = 0;
      for (let i = 0; i < nkwelts; i++) {
        const kw = keywords[i];
        if (kw.arg === null) {
          if (nseen) {
            this.subkwargs(keywords, i - nseen, i);
            if (haveDict) this.addop(Op.DICT_MERGE, 1);
            haveDict = true;
            nseen = 0;
          }
          if (!haveDict) {
            this.addop(Op.BUILD_MAP, 0);
            haveDict = true;
          }
          this.visitExpr(kw.value);
          this.addop(Op.DICT_MERGE, 1);
        } else {
          nseen++;
        }
      }
      if (nseen) {
        this.subkwargs(keywords, nkwelts - nseen, nkwelts);
        if (haveDict) this.addop(Op.DICT_MERGE, 1);
      }
    }
    this.addop(Op.CALL_FUNCTION_EX, nkwelts > 0 ? 1 : 0);
  }

  private subkwargs(keywords: any[], begin: number, end: number): void {
    const n = end - begin;
    const big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
      for (let i = begin; i < end; i++) this.visitExpr(keywords[i].value);
      const keys: string[] = [];
      for (let i = begin; i < end; i++) keys.push(keywords[i].arg);
      this.loadConst(new ConstTuple(keys));
      this.addop(Op.BUILD_CONST_KEY_MAP, n);
      return;
    }
    if (big) this.addopNoline(Op.BUILD_MAP, 0);
    for (let i = begin; i < end; i++) {
      this.loadConst(keywords[i].arg);
      this.visitExpr(keywords[i].value);
      if (big) this.addopNoline(Op.MAP_ADD, 1);
    }
    if (!big) this.addop(Op.BUILD_MAP, n);
  }

  starunpackHelper(elts: any[], pushed: number, build: number, add: number, extend: number, tuple: boolean): void {
    const n = elts.length;
    if (n > 2 && elts.every((e) => e._type === 'Constant')) {
      const items = elts.map((e) => e.value);
      if (tuple && !pushed) {
        this.loadConst(new ConstTuple(items));
      } else {
        const folded = add === Op.SET_ADD ? makeFrozenset(items, this.identifiers) : new ConstTuple(items);
        this.addop(build, pushed);
        this.loadConst(folded);
        this.addop(extend, 1);
        if (tuple) this.addop(Op.LIST_TO_TUPLE);
      }
      return;
    }
    const big = n + pushed > STACK_USE_GUIDELINE;
    let seenStar = false;
    for (const e of elts) if (e._type === 'Starred') seenStar = true;
    if (!seenStar && !big) {
      for (const e of elts) this.visitExpr(e);
      this.addop(tuple ? Op.BUILD_TUPLE : build, n + pushed);
      return;
    }
    let sequenceBuilt = false;
    if (big) {
      this.addop(build, pushed);
      sequenceBuilt = true;
    }
    for (let i = 0; i < n; i++) {
      const elt = elts[i];
      if (elt._type === 'Starred') {
        if (!sequenceBuilt) {
          this.addop(build, i + pushed);
          sequenceBuilt = true;
        }
        this.visitExpr(elt.value);
        this.addop(extend, 1);
      } else {
        this.visitExpr(elt);
        if (sequenceBuilt) this.addop(add, 1);
      }
    }
    if (tuple) this.addop(Op.LIST_TO_TUPLE);
  }

  private unpackHelper(elts: any[]): void {
    const n = elts.length;
    let seenStar = false;
    for (let i = 0; i < n; i++) {
      const elt = elts[i];
      if (elt._type === 'Starred' && !seenStar) {
        if (i >= 1 << 8 || n - i - 1 >= 0x7fffffff >> 8) {
          this.error('too many expressions in star-unpacking assignment');
        }
        this.addop(Op.UNPACK_EX, i + ((n - i - 1) << 8));
        seenStar = true;
      } else if (elt._type === 'Starred') {
        this.error('multiple starred expressions in assignment');
      }
    }
    if (!seenStar) this.addop(Op.UNPACK_SEQUENCE, n);
  }

  private assignmentHelper(elts: any[]): void {
    this.unpackHelper(elts);
    for (const elt of elts) this.visitExpr(elt._type !== 'Starred' ? elt : elt.value);
  }

  private subdict(e: any, begin: number, end: number): void {
    const n = end - begin;
    const big = n * 2 > STACK_USE_GUIDELINE;
    let allConst = true;
    for (let i = begin; i < end; i++) if (e.keys[i]._type !== 'Constant') allConst = false;
    if (n > 1 && !big && allConst) {
      for (let i = begin; i < end; i++) this.visitExpr(e.values[i]);
      const keys: CodeConst[] = [];
      for (let i = begin; i < end; i++) keys.push(e.keys[i].value);
      this.loadConst(new ConstTuple(keys));
      this.addop(Op.BUILD_CONST_KEY_MAP, n);
      return;
    }
    if (big) this.addop(Op.BUILD_MAP, 0);
    for (let i = begin; i < end; i++) {
      this.visitExpr(e.keys[i]);
      this.visitExpr(e.values[i]);
      if (big) this.addop(Op.MAP_ADD, 1);
    }
    if (!big) this.addop(Op.BUILD_MAP, n);
  }

  private dict(e: any): void {
    const n = e.values.length;
    let haveDict = false;
    let elements = 0;
    for (let i = 0; i < n; i++) {
      const isUnpacking = e.keys[i] === null;
      if (isUnpacking) {
        if (elements) {
          this.subdict(e, i - elements, i);
          if (haveDict) this.addop(Op.DICT_UPDATE, 1);
          haveDict = true;
          elements = 0;
        }
        if (!haveDict) {
          this.addop(Op.BUILD_MAP, 0);
          haveDict = true;
        }
        this.visitExpr(e.values[i]);
        this.addop(Op.DICT_UPDATE, 1);
      } else if (elements * 2 > STACK_USE_GUIDELINE) {
        this.subdict(e, i - elements, i + 1);
        if (haveDict) this.addop(Op.DICT_UPDATE, 1);
        haveDict = true;
        elements = 0;
      } else {
        elements++;
      }
    }
    if (elements) {
      this.subdict(e, n - elements, n);
      if (haveDict) this.addop(Op.DICT_UPDATE, 1);
      haveDict = true;
    }
    if (!haveDict) this.addop(Op.BUILD_MAP, 0);
  }

  private joinedStr(e: any): void {
    const n = e.values.length;
    if (n > STACK_USE_GUIDELINE) {
      this.loadConst('');
      this.addopName(Op.LOAD_METHOD, 'join');
      this.addop(Op.BUILD_LIST, 0);
      for (const v of e.values) {
        this.visitExpr(v);
        this.addop(Op.LIST_APPEND, 1);
      }
      this.addop(Op.PRECALL, 1);
      this.addop(Op.CALL, 1);
    } else {
      for (const v of e.values) this.visitExpr(v);
      if (n !== 1) this.addop(Op.BUILD_STRING, n);
    }
  }

  private formattedValue(e: any): void {
    this.visitExpr(e.value);
    let oparg: number;
    switch (e.conversion) {
      case 115: oparg = 1; break;
      case 114: oparg = 2; break;
      case 97: oparg = 3; break;
      default: oparg = 0;
    }
    if (e.format_spec) {
      this.visitExpr(e.format_spec);
      oparg |= 4;
    }
    this.addop(Op.FORMAT_VALUE, oparg);
  }

  private lambda(e: any): void {
    const args = e.args;
    this.checkDebugArgs(args);
    const funcflags = this.defaultArguments(args);
    this.enterScope('<lambda>', 'lambda', e, e.lineno);
    this.u.addConst(None);
    this.u.argcount = args.args.length;
    this.u.posonlyargcount = args.posonlyargs.length;
    this.u.kwonlyargcount = args.kwonlyargs.length;
    this.visitExpr(e.body);
    let co: CodeObject;
    if (this.u.ste.generator) {
      co = this.assembleUnit(false);
    } else {
      this.addop(Op.RETURN_VALUE);
      co = this.assembleUnit(true);
    }
    const qualname = this.u.qualname;
    this.exitScope();
    this.makeClosure(co, funcflags, qualname);
  }

  private comprehension(e: any, type: 'genexp' | 'list' | 'set' | 'dict', name: string, generators: any[], elt: any, val: any): void {
    const scopeType = this.u.scopeType;
    const outermost = generators[0];
    this.enterScope(name, 'comprehension', e, e.lineno);
    this.setLoc(e);
    const isAsyncGenerator = this.u.ste.coroutine;
    if (isAsyncGenerator && type !== 'genexp' && scopeType !== 'async_function' && scopeType !== 'comprehension') {
      this.error('asynchronous comprehension outside of an asynchronous function');
    }
    if (type !== 'genexp') {
      this.addop(type === 'list' ? Op.BUILD_LIST : type === 'set' ? Op.BUILD_SET : Op.BUILD_MAP, 0);
    }
    this.comprehensionGenerator(generators, 0, 0, elt, val, type);
    if (type !== 'genexp') this.addop(Op.RETURN_VALUE);
    const co = this.assembleUnit(true);
    const qualname = this.u.qualname;
    this.exitScope();
    this.makeClosure(co, 0, qualname);
    this.visitExpr(outermost.iter);
    this.addop(outermost.is_async ? Op.GET_AITER : Op.GET_ITER);
    this.addop(Op.PRECALL, 0);
    this.addop(Op.CALL, 0);
    if (isAsyncGenerator && type !== 'genexp') {
      this.addop(Op.GET_AWAITABLE, 0);
      this.loadConst(None);
      this.addYieldFrom(true);
    }
  }

  private comprehensionGenerator(generators: any[], genIndex: number, depth: number, elt: any, val: any, type: string): void {
    if (generators[genIndex].is_async) this.asyncComprehensionGenerator(generators, genIndex, depth, elt, val, type);
    else this.syncComprehensionGenerator(generators, genIndex, depth, elt, val, type);
  }

  private comprehensionElement(elt: any, val: any, type: string, depth: number): void {
    switch (type) {
      case 'genexp':
        this.visitExpr(elt);
        this.addopYield();
        this.addop(Op.POP_TOP);
        break;
      case 'list':
        this.visitExpr(elt);
        this.addop(Op.LIST_APPEND, depth + 1);
        break;
      case 'set':
        this.visitExpr(elt);
        this.addop(Op.SET_ADD, depth + 1);
        break;
      case 'dict':
        this.visitExpr(elt);
        this.visitExpr(val);
        this.addop(Op.MAP_ADD, depth + 1);
        break;
    }
  }

  private syncComprehensionGenerator(generators: any[], genIndex: number, depth: number, elt: any, val: any, type: string): void {
    const u = this.u;
    let start: Block | null = u.newBlock();
    const ifCleanup = u.newBlock();
    const anchor = u.newBlock();
    const gen = generators[genIndex];
    if (genIndex === 0) {
      u.argcount = 1;
      this.addop(Op.LOAD_FAST, 0);
    } else {
      let elts: any[] | null = null;
      if (gen.iter._type === 'List' || gen.iter._type === 'Tuple') elts = gen.iter.elts;
      if (elts && elts.length === 1 && elts[0]._type !== 'Starred') {
        this.visitExpr(elts[0]);
        start = null;
      }
      if (start) {
        this.visitExpr(gen.iter);
        this.addop(Op.GET_ITER);
      }
    }
    if (start) {
      depth++;
      this.useNextBlock(start);
      this.jump(Op.FOR_ITER, anchor);
    }
    this.visitExpr(gen.target);
    for (const cond of gen.ifs) this.jumpIf(cond, ifCleanup, false);
    if (++genIndex < generators.length) {
      this.comprehensionGenerator(generators, genIndex, depth, elt, val, type);
    }
    if (genIndex >= generators.length) this.comprehensionElement(elt, val, type, depth);
    this.useNextBlock(ifCleanup);
    if (start) {
      this.jump(Pseudo.JUMP, start);
      this.useNextBlock(anchor);
    }
  }

  private asyncComprehensionGenerator(generators: any[], genIndex: number, depth: number, elt: any, val: any, type: string): void {
    const u = this.u;
    const start = u.newBlock();
    const except = u.newBlock();
    const ifCleanup = u.newBlock();
    const gen = generators[genIndex];
    if (genIndex === 0) {
      u.argcount = 1;
      this.addop(Op.LOAD_FAST, 0);
    } else {
      this.visitExpr(gen.iter);
      this.addop(Op.GET_AITER);
    }
    this.useNextBlock(start);
    this.pushFblock(FBlock.ASYNC_COMPREHENSION_GENERATOR, start, null, null);
    this.jump(Pseudo.SETUP_FINALLY, except);
    this.addop(Op.GET_ANEXT);
    this.loadConst(None);
    this.addYieldFrom(true);
    this.addop(Pseudo.POP_BLOCK);
    this.visitExpr(gen.target);
    for (const cond of gen.ifs) this.jumpIf(cond, ifCleanup, false);
    depth++;
    if (++genIndex < generators.length) {
      this.comprehensionGenerator(generators, genIndex, depth, elt, val, type);
    }
    if (genIndex >= generators.length) this.comprehensionElement(elt, val, type, depth);
    this.useNextBlock(ifCleanup);
    this.jump(Pseudo.JUMP, start);
    this.popFblock();
    this.useNextBlock(except);
    this.addop(Op.END_ASYNC_FOR);
  }
}

function checkIsArg(e: any): boolean {
  if (e._type !== 'Constant') return true;
  const v = e.value;
  return v === None || v === false || v === true || v === Ellipsis;
}

/** compile.c infer_type: the Python type name of an expression's value when the node decides it. */
function inferType(e: any): string | null {
  switch (e._type) {
    case 'Tuple': return 'tuple';
    case 'List': case 'ListComp': return 'list';
    case 'Dict': case 'DictComp': return 'dict';
    case 'Set': case 'SetComp': return 'set';
    case 'GeneratorExp': return 'generator';
    case 'Lambda': return 'function';
    case 'JoinedStr': case 'FormattedValue': return 'str';
    case 'Constant': {
      const v = e.value;
      switch (typeof v) {
        case 'string': return 'str';
        case 'number': case 'bigint': return 'int';
        case 'boolean': return 'bool';
      }
      if (v === None) return 'NoneType';
      if (v === Ellipsis) return 'ellipsis';
      if (v instanceof PyFloat) return 'float';
      if (v instanceof PyComplex) return 'complex';
      if (v instanceof PyBytes) return 'bytes';
      if (v instanceof ConstTuple) return 'tuple';
      if (v instanceof ConstFrozenset) return 'frozenset';
      return null;
    }
  }
  return null;
}

function dedupe(items: CodeConst[]): CodeConst[] {
  const seen = new Set<string>();
  const out: CodeConst[] = [];
  for (const it of items) {
    const k = constKey(it);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(it);
    }
  }
  return out;
}

function isTerminatorOrJump(op: number): boolean {
  switch (op) {
    case Op.RETURN_VALUE:
    case Op.RAISE_VARARGS:
    case Op.RERAISE:
    case Pseudo.JUMP:
    case Pseudo.JUMP_NO_INTERRUPT:
    case Pseudo.POP_JUMP_IF_FALSE:
    case Pseudo.POP_JUMP_IF_TRUE:
    case Pseudo.POP_JUMP_IF_NONE:
    case Pseudo.POP_JUMP_IF_NOT_NONE:
    case Op.JUMP_IF_FALSE_OR_POP:
    case Op.JUMP_IF_TRUE_OR_POP:
    case Op.FOR_ITER:
    case Op.SEND:
      return true;
  }
  return false;
}
