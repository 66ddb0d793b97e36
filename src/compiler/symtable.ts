// The symbol table: which scope every name belongs to, computed as CPython 3.11's symtable.c does
// (two passes: collect the flags of every name per block, then analyze scopes top-down with the
// sets of bound/global names visible from enclosing blocks). The code generator asks it whether a
// name is local, global (explicit or implicit), free or cell, and which blocks are generators.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { compilerError, type Loc } from './errors';

// Flags collected per name (symtable.h).
export const DEF_GLOBAL = 1;
export const DEF_LOCAL = 2;
export const DEF_PARAM = 4;
export const DEF_NONLOCAL = 8;
export const USE = 16;
export const DEF_FREE = 32;
export const DEF_FREE_CLASS = 64;
export const DEF_IMPORT = 128;
export const DEF_ANNOT = 256;
export const DEF_COMP_ITER = 512;
const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

// Scopes (the value stored above SCOPE_OFFSET).
export const LOCAL = 1;
export const GLOBAL_EXPLICIT = 2;
export const GLOBAL_IMPLICIT = 3;
export const FREE = 4;
export const CELL = 5;
const SCOPE_OFFSET = 11;
const SCOPE_MASK = DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL;

export type BlockType = 'function' | 'class' | 'module' | 'annotation';
export type ComprehensionType = 'none' | 'list' | 'set' | 'dict' | 'generator';

export class SymbolTableEntry {
  symbols = new Map<string, number>();
  /** Parameter names in order. */
  varnames: string[] = [];
  children: SymbolTableEntry[] = [];
  directives = new Map<string, Loc>();
  nested = false;
  generator = false;
  coroutine = false;
  comprehension: ComprehensionType = 'none';
  varargs = false;
  varkeywords = false;
  returnsValue = false;
  needsClassClosure = false;
  childFree = false;
  free = false;
  compIterTarget = false;
  compIterExpr = 0;
  scopes = new Map<string, number>();

  constructor(
    readonly name: string,
    readonly type: BlockType,
    readonly lineno: number,
    readonly colOffset: number,
  ) {}

  /** The scope (LOCAL, GLOBAL_*, FREE, CELL) of a name, 0 when unknown. */
  getScope(name: string): number {
    const flags = this.symbols.get(name);
    return flags === undefined ? 0 : (flags >> SCOPE_OFFSET) & 15;
  }

  getFlags(name: string): number {
    return this.symbols.get(name) ?? 0;
  }
}

/** Name mangling for private names inside a class (`__x` -> `_Class__x`). */
export function mangle(privateName: string | null, name: string): string {
  if (privateName === null || !name.startsWith('__')) return name;
  if (name.endsWith('__') || name.includes('.')) return name;
  const stripped = privateName.replace(/^_+/, '');
  if (stripped === '') return name;
  return '_' + stripped + name;
}

export class SymbolTable {
  top!: SymbolTableEntry;
  private blocks = new Map<object, SymbolTableEntry>();
  private stack: SymbolTableEntry[] = [];
  private cur!: SymbolTableEntry;
  private private_: string | null = null;
  private globalSymbols!: Map<string, number>;

  constructor(
    readonly filename: string,
    readonly futureAnnotations: boolean,
  ) {}

  lookup(node: object): SymbolTableEntry {
    const ste = this.blocks.get(node);
    if (!ste) throw new Error('symtable: no block for node');
    return ste;
  }

  build(mod: any): void {
    this.enterBlock('top', 'module', mod, 0, 0);
    this.top = this.cur;
    this.globalSymbols = this.top.symbols;
    switch (mod._type) {
      case 'Module':
      case 'Interactive':
        for (const s of mod.body) this.visitStmt(s);
        break;
      case 'Expression':
        this.visitExpr(mod.body);
        break;
      default:
        throw new Error('symtable: unsupported mod ' + mod._type);
    }
    this.exitBlock();
    this.analyze();
  }

  // ----- pass 1: collect -----

  private enterBlock(name: string, type: BlockType, key: object | null, lineno: number, col: number): void {
    const ste = new SymbolTableEntry(name, type, lineno, col);
    const prev = this.cur as SymbolTableEntry | undefined;
    if (prev && (prev.nested || prev.type === 'function')) ste.nested = true;
    if (key) this.blocks.set(key, ste);
    if (prev) {
      // Annotation blocks (from __future__ import annotations) are only visited for their
      // SyntaxErrors: their names make nothing free or cell in the enclosing scopes (as in 3.11).
      if (type !== 'annotation' && prev.type !== 'annotation') prev.children.push(ste);
      this.stack.push(prev);
    }
    this.cur = ste;
  }

  private exitBlock(): void {
    const prev = this.stack.pop();
    if (prev) this.cur = prev;
  }

  private err(msg: string, loc: Loc): never {
    throw compilerError(msg, this.filename, loc);
  }

  private addDef(name: string, flag: number, loc: Loc, ste: SymbolTableEntry = this.cur): void {
    const mangled = mangle(this.private_, name);
    let val = ste.symbols.get(mangled);
    if (val !== undefined) {
      if (flag & DEF_PARAM && val & DEF_PARAM) {
        this.err(`duplicate argument '${name}' in function definition`, loc);
      }
      val |= flag;
    } else {
      val = flag;
    }
    if (ste.compIterTarget) {
      if (val & (DEF_GLOBAL | DEF_NONLOCAL)) {
        this.err(`comprehension inner loop cannot rebind assignment expression target '${name}'`, loc);
      }
      val |= DEF_COMP_ITER;
    }
    ste.symbols.set(mangled, val);
    if (flag & DEF_PARAM) {
      ste.varnames.push(mangled);
    } else if (flag & DEF_GLOBAL) {
      this.globalSymbols.set(mangled, flag | (this.globalSymbols.get(mangled) ?? 0));
    }
  }

  private visitStmts(list: any[]): void {
    for (const s of list) this.visitStmt(s);
  }

  private visitExprs(list: any[]): void {
    for (const e of list) if (e) this.visitExpr(e);
  }

  private visitStmt(s: any): void {
    switch (s._type) {
      case 'FunctionDef':
      case 'AsyncFunctionDef': {
        this.addDef(s.name, DEF_LOCAL, s);
        this.visitExprs(s.args.defaults);
        this.visitExprs(s.args.kw_defaults);
        this.visitAnnotations(s, s.args, s.returns);
        this.visitExprs(s.decorator_list);
        this.enterBlock(s.name, 'function', s, s.lineno, s.col_offset);
        if (s._type === 'AsyncFunctionDef') this.cur.coroutine = true;
        this.visitArguments(s.args);
        this.visitStmts(s.body);
        this.exitBlock();
        break;
      }
      case 'ClassDef': {
        this.addDef(s.name, DEF_LOCAL, s);
        this.visitExprs(s.bases);
        for (const k of s.keywords) this.visitExpr(k.value);
        this.visitExprs(s.decorator_list);
        this.enterBlock(s.name, 'class', s, s.lineno, s.col_offset);
        const tmp = this.private_;
        this.private_ = s.name;
        this.visitStmts(s.body);
        this.private_ = tmp;
        this.exitBlock();
        break;
      }
      case 'Return':
        if (s.value) {
          this.visitExpr(s.value);
          this.cur.returnsValue = true;
        }
        break;
      case 'Delete':
        this.visitExprs(s.targets);
        break;
      case 'Assign':
        this.visitExprs(s.targets);
        this.visitExpr(s.value);
        break;
      case 'AnnAssign': {
        if (s.target._type === 'Name') {
          const name = s.target.id;
          const cur = this.cur.symbols.get(mangle(this.private_, name)) ?? 0;
          if (cur & (DEF_GLOBAL | DEF_NONLOCAL) && this.cur.symbols !== this.globalSymbols && s.simple) {
            this.err(`annotated name '${name}' can't be ${cur & DEF_GLOBAL ? 'global' : 'nonlocal'}`, s);
          }
          if (s.simple) this.addDef(name, DEF_ANNOT | DEF_LOCAL, s.target);
          else if (s.value) this.addDef(name, DEF_LOCAL, s.target);
        } else {
          this.visitExpr(s.target);
        }
        this.visitAnnotation(s.annotation);
        if (s.value) this.visitExpr(s.value);
        break;
      }
      case 'AugAssign':
        this.visitExpr(s.target);
        this.visitExpr(s.value);
        break;
      case 'For':
      case 'AsyncFor':
        this.visitExpr(s.target);
        this.visitExpr(s.iter);
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        break;
      case 'While':
      case 'If':
        this.visitExpr(s.test);
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        break;
      case 'Match':
        this.visitExpr(s.subject);
        for (const c of s.cases) {
          this.visitPattern(c.pattern);
          if (c.guard) this.visitExpr(c.guard);
          this.visitStmts(c.body);
        }
        break;
      case 'Raise':
        if (s.exc) {
          this.visitExpr(s.exc);
          if (s.cause) this.visitExpr(s.cause);
        }
        break;
      case 'Try':
      case 'TryStar':
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        for (const h of s.handlers) {
          if (h.type) this.visitExpr(h.type);
          if (h.name) this.addDef(h.name, DEF_LOCAL, h);
          this.visitStmts(h.body);
        }
        this.visitStmts(s.finalbody);
        break;
      case 'Assert':
        this.visitExpr(s.test);
        if (s.msg) this.visitExpr(s.msg);
        break;
      case 'Import':
      case 'ImportFrom':
        for (const a of s.names) this.visitAlias(a, s);
        break;
      case 'Global':
      case 'Nonlocal': {
        const isGlobal = s._type === 'Global';
        const word = isGlobal ? 'global' : 'nonlocal';
        for (const name of s.names) {
          const cur = this.cur.symbols.get(mangle(this.private_, name)) ?? 0;
          if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
            let msg: string;
            if (cur & DEF_PARAM) msg = `name '${name}' is parameter and ${word}`;
            else if (cur & USE) msg = `name '${name}' is used prior to ${word} declaration`;
            else if (cur & DEF_ANNOT) msg = `annotated name '${name}' can't be ${word}`;
            else msg = `name '${name}' is assigned to before ${word} declaration`;
            this.err(msg, s);
          }
          this.addDef(name, isGlobal ? DEF_GLOBAL : DEF_NONLOCAL, s);
          this.recordDirective(name, s);
        }
        break;
      }
      case 'Expr':
        this.visitExpr(s.value);
        break;
      case 'Pass':
      case 'Break':
      case 'Continue':
        break;
      case 'With':
      case 'AsyncWith':
        for (const item of s.items) {
          this.visitExpr(item.context_expr);
          if (item.optional_vars) this.visitExpr(item.optional_vars);
        }
        this.visitStmts(s.body);
        break;
      default:
        throw new Error('symtable: unknown statement ' + s._type);
    }
  }

  private recordDirective(name: string, loc: Loc): void {
    const mangled = mangle(this.private_, name);
    if (!this.cur.directives.has(mangled)) this.cur.directives.set(mangled, loc);
  }

  private visitAlias(a: any, s: any): void {
    const name: string = a.asname ?? a.name;
    if (name === '*') {
      if (this.cur.type !== 'module') this.err('import * only allowed at module level', a);
      return;
    }
    const dot = name.indexOf('.');
    const storeName = a.asname ? name : dot >= 0 ? name.slice(0, dot) : name;
    this.addDef(storeName, DEF_IMPORT, a);
  }

  private visitAnnotation(e: any): void {
    if (this.futureAnnotations) {
      this.enterBlock('_annotation', 'annotation', null, e.lineno, e.col_offset);
      this.visitExpr(e);
      this.exitBlock();
    } else {
      this.visitExpr(e);
    }
  }

  private visitAnnotations(s: any, a: any, returns: any): void {
    if (this.futureAnnotations) this.enterBlock('_annotation', 'annotation', null, s.lineno, s.col_offset);
    for (const list of [a.posonlyargs, a.args]) for (const arg of list) if (arg.annotation) this.visitExpr(arg.annotation);
    if (a.vararg?.annotation) this.visitExpr(a.vararg.annotation);
    if (a.kwarg?.annotation) this.visitExpr(a.kwarg.annotation);
    for (const arg of a.kwonlyargs) if (arg.annotation) this.visitExpr(arg.annotation);
    if (this.futureAnnotations) this.exitBlock();
    if (returns) this.visitAnnotation(returns);
  }

  private visitArguments(a: any): void {
    for (const arg of a.posonlyargs) this.addDef(arg.arg, DEF_PARAM, arg);
    for (const arg of a.args) this.addDef(arg.arg, DEF_PARAM, arg);
    for (const arg of a.kwonlyargs) this.addDef(arg.arg, DEF_PARAM, arg);
    if (a.vararg) {
      this.addDef(a.vararg.arg, DEF_PARAM, a.vararg);
      this.cur.varargs = true;
    }
    if (a.kwarg) {
      this.addDef(a.kwarg.arg, DEF_PARAM, a.kwarg);
      this.cur.varkeywords = true;
    }
  }

  private visitPattern(p: any): void {
    switch (p._type) {
      case 'MatchValue':
        this.visitExpr(p.value);
        break;
      case 'MatchSingleton':
        break;
      case 'MatchSequence':
        for (const q of p.patterns) this.visitPattern(q);
        break;
      case 'MatchStar':
        if (p.name) this.addDef(p.name, DEF_LOCAL, p);
        break;
      case 'MatchMapping':
        this.visitExprs(p.keys);
        for (const q of p.patterns) this.visitPattern(q);
        if (p.rest) this.addDef(p.rest, DEF_LOCAL, p);
        break;
      case 'MatchClass':
        this.visitExpr(p.cls);
        for (const q of p.patterns) this.visitPattern(q);
        for (const q of p.kwd_patterns) this.visitPattern(q);
        break;
      case 'MatchAs':
        if (p.pattern) this.visitPattern(p.pattern);
        if (p.name) this.addDef(p.name, DEF_LOCAL, p);
        break;
      case 'MatchOr':
        for (const q of p.patterns) this.visitPattern(q);
        break;
    }
  }

  private raiseIfAnnotationBlock(what: string, e: any): void {
    if (this.cur.type === 'annotation') this.err(`${what} cannot be used within an annotation`, e);
  }

  private raiseIfComprehension(e: any): void {
    const t = this.cur.comprehension;
    if (t === 'none') return;
    const word = t === 'list' ? "'yield' inside list comprehension" :
      t === 'set' ? "'yield' inside set comprehension" :
        t === 'dict' ? "'yield' inside dict comprehension" : "'yield' inside generator expression";
    this.err(word, e);
  }

  private visitExpr(e: any): void {
    switch (e._type) {
      case 'NamedExpr':
        this.raiseIfAnnotationBlock('named expression', e);
        this.handleNamedExpr(e);
        break;
      case 'BoolOp':
        this.visitExprs(e.values);
        break;
      case 'BinOp':
        this.visitExpr(e.left);
        this.visitExpr(e.right);
        break;
      case 'UnaryOp':
        this.visitExpr(e.operand);
        break;
      case 'Lambda': {
        this.visitExprs(e.args.defaults);
        this.visitExprs(e.args.kw_defaults);
        this.enterBlock('lambda', 'function', e, e.lineno, e.col_offset);
        this.visitArguments(e.args);
        this.visitExpr(e.body);
        this.exitBlock();
        break;
      }
      case 'IfExp':
        this.visitExpr(e.test);
        this.visitExpr(e.body);
        this.visitExpr(e.orelse);
        break;
      case 'Dict':
        this.visitExprs(e.keys);
        this.visitExprs(e.values);
        break;
      case 'Set':
        this.visitExprs(e.elts);
        break;
      case 'GeneratorExp':
        this.handleComprehension(e, 'genexpr', e.generators, e.elt, null);
        break;
      case 'ListComp':
        this.handleComprehension(e, 'listcomp', e.generators, e.elt, null);
        break;
      case 'SetComp':
        this.handleComprehension(e, 'setcomp', e.generators, e.elt, null);
        break;
      case 'DictComp':
        this.handleComprehension(e, 'dictcomp', e.generators, e.key, e.value);
        break;
      case 'Yield':
        this.raiseIfAnnotationBlock('yield expression', e);
        if (e.value) this.visitExpr(e.value);
        this.cur.generator = true;
        this.raiseIfComprehension(e);
        break;
      case 'YieldFrom':
        this.raiseIfAnnotationBlock('yield expression', e);
        this.visitExpr(e.value);
        this.cur.generator = true;
        this.raiseIfComprehension(e);
        break;
      case 'Await':
        this.raiseIfAnnotationBlock('await expression', e);
        this.visitExpr(e.value);
        this.cur.coroutine = true;
        break;
      case 'Compare':
        this.visitExpr(e.left);
        this.visitExprs(e.comparators);
        break;
      case 'Call':
        this.visitExpr(e.func);
        this.visitExprs(e.args);
        for (const k of e.keywords) this.visitExpr(k.value);
        break;
      case 'FormattedValue':
        this.visitExpr(e.value);
        if (e.format_spec) this.visitExpr(e.format_spec);
        break;
      case 'JoinedStr':
        this.visitExprs(e.values);
        break;
      case 'Constant':
        break;
      case 'Attribute':
        this.visitExpr(e.value);
        break;
      case 'Subscript':
        this.visitExpr(e.value);
        this.visitExpr(e.slice);
        break;
      case 'Starred':
        this.visitExpr(e.value);
        break;
      case 'Slice':
        if (e.lower) this.visitExpr(e.lower);
        if (e.upper) this.visitExpr(e.upper);
        if (e.step) this.visitExpr(e.step);
        break;
      case 'Name':
        this.addDef(e.id, e.ctx._type === 'Load' ? USE : DEF_LOCAL, e);
        if (e.ctx._type === 'Load' && this.cur.type === 'function' && e.id === 'super') {
          this.addDef('__class__', USE, e);
        }
        break;
      case 'List':
      case 'Tuple':
        this.visitExprs(e.elts);
        break;
      default:
        throw new Error('symtable: unknown expression ' + e._type);
    }
  }

  private handleNamedExpr(e: any): void {
    if (this.cur.compIterExpr > 0) {
      this.err('assignment expression cannot be used in a comprehension iterable expression', e);
    }
    if (this.cur.comprehension !== 'none') this.extendNamedExprScope(e, e.target);
    this.visitExpr(e.value);
    this.visitExpr(e.target);
  }

  private extendNamedExprScope(e: any, target: any): void {
    const name: string = target.id;
    const all = [...this.stack, this.cur];
    for (let i = all.length - 1; i >= 0; i--) {
      const ste = all[i];
      if (ste.comprehension !== 'none') {
        const flags = ste.symbols.get(name) ?? 0;
        if (flags & DEF_COMP_ITER) {
          this.err(`assignment expression cannot rebind comprehension iteration variable '${name}'`, target);
        }
        continue;
      }
      if (ste.type === 'function') {
        const inScope = ste.symbols.get(name) ?? 0;
        this.addDef(name, inScope & DEF_GLOBAL ? DEF_GLOBAL : DEF_NONLOCAL, e);
        this.recordDirective(name, e);
        this.addDef(name, DEF_LOCAL, e, ste);
        return;
      }
      if (ste.type === 'module') {
        this.addDef(name, DEF_GLOBAL, e);
        this.recordDirective(name, e);
        this.addDef(name, DEF_GLOBAL, e, ste);
        return;
      }
      if (ste.type === 'class') {
        this.err('assignment expression within a comprehension cannot be used in a class body', target);
      }
    }
  }

  private handleComprehension(e: any, scopeName: string, generators: any[], elt: any, value: any): void {
    const isGenerator = e._type === 'GeneratorExp';
    const outermost = generators[0];
    this.cur.compIterExpr++;
    this.visitExpr(outermost.iter);
    this.cur.compIterExpr--;
    this.enterBlock('<' + scopeName + '>', 'function', e, e.lineno, e.col_offset);
    this.cur.comprehension = e._type === 'ListComp' ? 'list' : e._type === 'SetComp' ? 'set' :
      e._type === 'DictComp' ? 'dict' : 'generator';
    if (outermost.is_async) this.cur.coroutine = true;
    this.addDef('.0', DEF_PARAM, e);
    this.cur.compIterTarget = true;
    this.visitExpr(outermost.target);
    this.cur.compIterTarget = false;
    this.visitExprs(outermost.ifs);
    for (let i = 1; i < generators.length; i++) {
      const lc = generators[i];
      this.cur.compIterTarget = true;
      this.visitExpr(lc.target);
      this.cur.compIterTarget = false;
      this.cur.compIterExpr++;
      this.visitExpr(lc.iter);
      this.cur.compIterExpr--;
      this.visitExprs(lc.ifs);
      if (lc.is_async) this.cur.coroutine = true;
    }
    if (value) this.visitExpr(value);
    this.visitExpr(elt);
    this.cur.generator = isGenerator;
    const isAsync = this.cur.coroutine && !isGenerator;
    this.exitBlock();
    if (isAsync) this.cur.coroutine = true;
  }

  // ----- pass 2: analyze -----

  private analyze(): void {
    this.analyzeBlock(this.top, null, new Set(), new Set());
  }

  private analyzeName(ste: SymbolTableEntry, scopes: Map<string, number>, name: string, flags: number,
    bound: Set<string> | null, local: Set<string>, free: Set<string>, global: Set<string>): void {
    if (flags & DEF_GLOBAL) {
      if (flags & DEF_NONLOCAL) this.errAtDirective(ste, name, `name '${name}' is nonlocal and global`);
      scopes.set(name, GLOBAL_EXPLICIT);
      global.add(name);
      if (bound) bound.delete(name);
      return;
    }
    if (flags & DEF_NONLOCAL) {
      if (!bound) this.errAtDirective(ste, name, 'nonlocal declaration not allowed at module level');
      if (!bound.has(name)) this.errAtDirective(ste, name, `no binding for nonlocal '${name}' found`);
      scopes.set(name, FREE);
      ste.free = true;
      free.add(name);
      return;
    }
    if (flags & DEF_BOUND) {
      scopes.set(name, LOCAL);
      local.add(name);
      global.delete(name);
      return;
    }
    if (bound && bound.has(name)) {
      scopes.set(name, FREE);
      ste.free = true;
      free.add(name);
      return;
    }
    if (global.has(name)) {
      scopes.set(name, GLOBAL_IMPLICIT);
      return;
    }
    if (ste.nested) ste.free = true;
    scopes.set(name, GLOBAL_IMPLICIT);
  }

  private errAtDirective(ste: SymbolTableEntry, name: string, msg: string): never {
    const loc = ste.directives.get(name);
    throw compilerError(msg, this.filename, loc ?? { lineno: ste.lineno, col_offset: ste.colOffset, end_lineno: ste.lineno, end_col_offset: ste.colOffset });
  }

  private analyzeBlock(ste: SymbolTableEntry, bound: Set<string> | null, free: Set<string>, global: Set<string>): void {
    const local = new Set<string>();
    const scopes = new Map<string, number>();
    const newGlobal = new Set<string>();
    const newFree = new Set<string>();
    const newBound = new Set<string>();
    if (ste.type === 'class') {
      for (const n of global) newGlobal.add(n);
      if (bound) for (const n of bound) newBound.add(n);
    }
    for (const [name, flags] of ste.symbols) {
      this.analyzeName(ste, scopes, name, flags, bound, local, free, global);
    }
    if (ste.type !== 'class') {
      if (ste.type === 'function') for (const n of local) newBound.add(n);
      if (bound) for (const n of bound) newBound.add(n);
      for (const n of global) newGlobal.add(n);
    } else {
      newBound.add('__class__');
    }
    const allFree = new Set<string>();
    for (const child of ste.children) {
      const tempBound = new Set(newBound);
      const tempFree = new Set(newFree);
      const tempGlobal = new Set(newGlobal);
      this.analyzeBlock(child, tempBound, tempFree, tempGlobal);
      for (const n of tempFree) allFree.add(n);
      if (child.free || child.childFree) ste.childFree = true;
    }
    for (const n of allFree) newFree.add(n);
    if (ste.type === 'function') {
      for (const [name, scope] of scopes) {
        if (scope === LOCAL && newFree.has(name)) {
          scopes.set(name, CELL);
          newFree.delete(name);
        }
      }
    } else if (ste.type === 'class') {
      if (newFree.has('__class__')) {
        newFree.delete('__class__');
        ste.needsClassClosure = true;
      }
    }
    // update_symbols
    for (const [name, flags] of ste.symbols) {
      const scope = scopes.get(name) ?? 0;
      ste.symbols.set(name, (flags & ~(15 << SCOPE_OFFSET)) | (scope << SCOPE_OFFSET));
    }
    for (const name of newFree) {
      const v = ste.symbols.get(name);
      if (v !== undefined) {
        if (ste.type === 'class' && v & (DEF_BOUND | DEF_GLOBAL)) {
          ste.symbols.set(name, v | DEF_FREE_CLASS);
        }
        continue;
      }
      if (bound && !bound.has(name)) continue;
      ste.symbols.set(name, FREE << SCOPE_OFFSET);
    }
    for (const n of newFree) free.add(n);
  }
}

void SCOPE_MASK;
