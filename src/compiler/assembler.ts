// assemble(): finishes a compiler unit into a CodeObject as CPython 3.11's assemble() does:
// implicit `return None`, prologue (COPY_FREE_VARS, MAKE_CELL, RETURN_GENERATOR/POP_TOP), cell
// offsets, the flow-graph passes (flowgraph.ts), then bytes: EXTENDED_ARG prefixes, zeroed CACHE
// units, the location table and the exception table.
import { Op } from '../bytecode/opcodes';
import {
  CodeObject, CO_ASYNC_GENERATOR, CO_COROUTINE, CO_FAST_CELL, CO_FAST_FREE, CO_FAST_LOCAL, CO_GENERATOR,
  CO_NESTED, CO_NEWLOCALS, CO_OPTIMIZED, CO_VARARGS, CO_VARKEYWORDS,
} from '../bytecode/code';
import { encodeLinetable, type LinetableEntry, type SourcePosition } from '../bytecode/linetable';
import { encodeExceptionTable, type ExceptionTableEntry } from '../bytecode/exception-table';
import { None } from '../values';
import { Block, instrSize, optimizeAndLayout, prepareBlocks, type Instr } from './flowgraph';
import type { Compiler, CompilerUnit } from './codegen';

const CACHE_COUNT = new Int8Array(256);
import { INSTRUCTIONS, HAVE_ARGUMENT } from '../bytecode/opcodes';
for (const info of INSTRUCTIONS) if (info.code < 256) CACHE_COUNT[info.code] = info.caches;

const NO_POSITION: SourcePosition = { lineno: null, endLineno: null, col: null, endCol: null };

function computeCodeFlags(c: Compiler, u: CompilerUnit): number {
  const ste = u.ste;
  let flags = 0;
  if (ste.type === 'function') {
    flags |= CO_NEWLOCALS | CO_OPTIMIZED;
    if (ste.nested) flags |= CO_NESTED;
    if (ste.generator && !ste.coroutine) flags |= CO_GENERATOR;
    if (!ste.generator && ste.coroutine) flags |= CO_COROUTINE;
    if (ste.generator && ste.coroutine) flags |= CO_ASYNC_GENERATOR;
    if (ste.varargs) flags |= CO_VARARGS;
    if (ste.varkeywords) flags |= CO_VARKEYWORDS;
  }
  flags |= c.futureFlags;
  return flags;
}

function mkInstr(op: number, arg: number, lineno: number, endLineno: number, col: number, endCol: number): Instr {
  return { op, arg, target: null, lineno, endLineno, col, endCol, except: null };
}

export function assemble(c: Compiler, u: CompilerUnit, addNone: boolean): CodeObject {
  const cur = u.curblock;
  const last = cur.instrs.length ? cur.instrs[cur.instrs.length - 1] : null;
  if (!last || last.op !== Op.RETURN_VALUE) {
    c.unsetLoc();
    if (addNone) c.loadConst(None);
    c.addop(Op.RETURN_VALUE);
  }
  prepareBlocks(u.blocks);
  const entry = u.entry;
  const codeFlags = computeCodeFlags(c, u);

  // Localsplus layout.
  const nlocals = u.varnames.size;
  const ncells = u.cellvars.size;
  const nfrees = u.freevars.size;
  const cellNames = [...u.cellvars.keys()];
  const freeNames = [...u.freevars.keys()];
  const fixed: number[] = [];
  for (let i = 0; i < ncells + nfrees; i++) fixed.push(nlocals + i);
  cellNames.forEach((name, i) => {
    const vi = u.varnames.get(name);
    if (vi !== undefined) fixed[i] = vi;
  });

  // insert_prefix_instructions
  const fl = u.firstlineno;
  const prefix: Instr[] = [];
  if (codeFlags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
    entry.instrs.unshift(mkInstr(Op.RETURN_GENERATOR, 0, fl, fl, -1, -1), mkInstr(Op.POP_TOP, 0, -1, -1, -1, -1));
  }
  if (ncells) {
    const sorted = new Array<number>(ncells + nlocals).fill(0);
    for (let i = 0; i < ncells; i++) sorted[fixed[i]] = i + 1;
    for (let i = 0; i < sorted.length; i++) {
      const old = sorted[i] - 1;
      if (old === -1) continue;
      prefix.push(mkInstr(Op.MAKE_CELL, old, -1, -1, -1, -1));
    }
  }
  if (nfrees) prefix.unshift(mkInstr(Op.COPY_FREE_VARS, nfrees, -1, -1, -1, -1));
  entry.instrs.unshift(...prefix);

  // fix_cell_offsets
  let numdropped = 0;
  for (let i = 0; i < ncells + nfrees; i++) {
    if (fixed[i] === i + nlocals) fixed[i] -= numdropped;
    else numdropped++;
  }
  for (const b of u.blocks) {
    for (const ins of b.instrs) {
      switch (ins.op) {
        case Op.MAKE_CELL:
        case Op.LOAD_CLOSURE:
        case Op.LOAD_DEREF:
        case Op.STORE_DEREF:
        case Op.DELETE_DEREF:
        case Op.LOAD_CLASSDEREF:
          ins.arg = fixed[ins.arg];
      }
    }
  }

  const maxdepth = optimizeAndLayout({
    unit: u,
    entry,
    allBlocks: u.blocks,
    firstlineno: u.firstlineno,
    isGenerator: (codeFlags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) !== 0,
  });

  // Emit code and locations.
  let total = 0;
  for (let b: Block | null = entry; b; b = b.next) {
    for (const ins of b.instrs) total += instrSize(ins.op, ins.arg);
  }
  const code = new Uint8Array(total * 2);
  const locs: LinetableEntry[] = [];
  const excEntries: ExceptionTableEntry[] = [];
  let pos = 0;
  let handler: Block | null = null;
  let start = -1;
  let lastPos: SourcePosition = NO_POSITION;
  for (let b: Block | null = entry; b; b = b.next) {
    for (const ins of b.instrs) {
      if (ins.except !== handler) {
        if (handler !== null) excEntries.push(excEntry(start, pos, handler));
        start = pos;
        handler = ins.except;
      }
      const size = instrSize(ins.op, ins.arg);
      const arg = ins.op < HAVE_ARGUMENT ? 0 : ins.arg;
      let p = pos * 2;
      if (arg > 0xffffff) {
        code[p++] = Op.EXTENDED_ARG;
        code[p++] = (arg >> 24) & 0xff;
      }
      if (arg > 0xffff) {
        code[p++] = Op.EXTENDED_ARG;
        code[p++] = (arg >> 16) & 0xff;
      }
      if (arg > 0xff) {
        code[p++] = Op.EXTENDED_ARG;
        code[p++] = (arg >> 8) & 0xff;
      }
      code[p++] = ins.op;
      code[p++] = arg & 0xff;
      pos += size;
      // Consecutive instructions usually share a location: share the position object too.
      if (ins.lineno < 0) {
        if (lastPos !== NO_POSITION) lastPos = NO_POSITION;
      } else if (lastPos.lineno !== ins.lineno || lastPos.endLineno !== (ins.endLineno < 0 ? null : ins.endLineno) ||
        lastPos.col !== (ins.col < 0 ? null : ins.col) || lastPos.endCol !== (ins.endCol < 0 ? null : ins.endCol)) {
        lastPos = {
          lineno: ins.lineno,
          endLineno: ins.endLineno < 0 ? null : ins.endLineno,
          col: ins.col < 0 ? null : ins.col,
          endCol: ins.endCol < 0 ? null : ins.endCol,
        };
      }
      locs.push({ units: size, pos: lastPos });
    }
  }
  if (handler !== null) excEntries.push(excEntry(start, pos, handler));

  // Locals plus.
  const names: string[] = [...u.varnames.keys()];
  const kinds: number[] = names.map(() => CO_FAST_LOCAL);
  for (const name of cellNames) {
    const vi = u.varnames.get(name);
    if (vi !== undefined) kinds[vi] |= CO_FAST_CELL;
    else {
      names.push(name);
      kinds.push(CO_FAST_CELL);
    }
  }
  for (const name of freeNames) {
    names.push(name);
    kinds.push(CO_FAST_FREE);
  }

  return new CodeObject({
    co_argcount: u.argcount + u.posonlyargcount,
    co_posonlyargcount: u.posonlyargcount,
    co_kwonlyargcount: u.kwonlyargcount,
    co_stacksize: maxdepth,
    co_flags: codeFlags,
    co_code: code,
    co_consts: u.consts,
    co_names: [...u.names.keys()],
    co_localsplusnames: names,
    co_localspluskinds: Uint8Array.from(kinds),
    co_filename: c.filename,
    co_name: u.name,
    co_qualname: u.scopeType === 'module' ? u.name : u.qualname,
    co_firstlineno: u.firstlineno,
    co_linetable: encodeLinetable(u.firstlineno, locs),
    co_exceptiontable: encodeExceptionTable(excEntries),
  });
}

function excEntry(start: number, end: number, handler: Block): ExceptionTableEntry {
  let depth = handler.startdepth - 1;
  if (handler.preserveLasti) depth -= 1;
  return { start, end, target: handler.offset, depth, lasti: handler.preserveLasti };
}
