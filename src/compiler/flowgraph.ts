// The control-flow graph the code generator emits into, and the passes CPython 3.11's assemble()
// runs over it (compile.c): exit-block duplication, constant-condition and jump-threading
// optimisation, dead-block and NOP removal, line-number propagation, stack depth, exception-table
// labelling, jump direction and offsets. The result is handed to assembler.ts.
import { Op } from '../bytecode/opcodes';
import { INSTRUCTIONS } from '../bytecode/opcodes';
import { stackEffect } from '../bytecode/stack-effect';
import { isTrue } from './ast-opt';
import { ConstTuple, type CodeConst } from '../bytecode/code';
import { None } from '../values';

/** Pseudo-instructions (never in co_code): block setup/teardown and direction-less jumps. */
export const enum Pseudo {
  SETUP_FINALLY = 256,
  SETUP_CLEANUP,
  SETUP_WITH,
  POP_BLOCK,
  JUMP,
  JUMP_NO_INTERRUPT,
  POP_JUMP_IF_FALSE,
  POP_JUMP_IF_TRUE,
  POP_JUMP_IF_NONE,
  POP_JUMP_IF_NOT_NONE,
}

export interface Instr {
  op: number;
  arg: number;
  target: Block | null;
  lineno: number;
  endLineno: number;
  col: number;
  endCol: number;
  except: Block | null;
}

export class Block {
  instrs: Instr[] = [];
  next: Block | null = null;
  predecessors = 0;
  startdepth = -0x7fffffff;
  offset = 0;
  visited = false;
  preserveLasti = false;
  exceptStack: Block[] | null = null;
}

const CACHES = new Int8Array(512);
for (const info of INSTRUCTIONS) CACHES[info.code] = info.caches;

export function isJumpOp(op: number): boolean {
  switch (op) {
    case Pseudo.JUMP:
    case Pseudo.JUMP_NO_INTERRUPT:
    case Pseudo.POP_JUMP_IF_FALSE:
    case Pseudo.POP_JUMP_IF_TRUE:
    case Pseudo.POP_JUMP_IF_NONE:
    case Pseudo.POP_JUMP_IF_NOT_NONE:
    case Op.JUMP_FORWARD:
    case Op.JUMP_BACKWARD:
    case Op.JUMP_BACKWARD_NO_INTERRUPT:
    case Op.POP_JUMP_FORWARD_IF_FALSE:
    case Op.POP_JUMP_FORWARD_IF_TRUE:
    case Op.POP_JUMP_FORWARD_IF_NONE:
    case Op.POP_JUMP_FORWARD_IF_NOT_NONE:
    case Op.POP_JUMP_BACKWARD_IF_FALSE:
    case Op.POP_JUMP_BACKWARD_IF_TRUE:
    case Op.POP_JUMP_BACKWARD_IF_NONE:
    case Op.POP_JUMP_BACKWARD_IF_NOT_NONE:
    case Op.JUMP_IF_FALSE_OR_POP:
    case Op.JUMP_IF_TRUE_OR_POP:
    case Op.FOR_ITER:
    case Op.SEND:
      return true;
  }
  return false;
}

export function isBlockPush(op: number): boolean {
  return op === Pseudo.SETUP_FINALLY || op === Pseudo.SETUP_CLEANUP || op === Pseudo.SETUP_WITH;
}

export function isScopeExit(op: number): boolean {
  return op === Op.RETURN_VALUE || op === Op.RAISE_VARARGS || op === Op.RERAISE;
}

function isUnconditionalJump(op: number): boolean {
  return op === Pseudo.JUMP || op === Pseudo.JUMP_NO_INTERRUPT || op === Op.JUMP_FORWARD ||
    op === Op.JUMP_BACKWARD || op === Op.JUMP_BACKWARD_NO_INTERRUPT;
}

function lastInstr(b: Block): Instr | null {
  return b.instrs.length ? b.instrs[b.instrs.length - 1] : null;
}

/** Whether control can fall off the end of `b` into b.next. */
function hasFallthrough(b: Block): boolean {
  const last = lastInstr(b);
  if (!last) return true;
  return !(isScopeExit(last.op) || isUnconditionalJump(last.op));
}

function isExit(b: Block): boolean {
  const last = lastInstr(b);
  return last !== null && isScopeExit(last.op);
}

function copyLoc(from: Instr, to: Instr): void {
  to.lineno = from.lineno;
  to.endLineno = from.endLineno;
  to.col = from.col;
  to.endCol = from.endCol;
}

function cloneInstr(i: Instr): Instr {
  return { ...i };
}

export function instrSize(op: number, arg: number): number {
  if (op < 90) arg = 0; // no argument below HAVE_ARGUMENT (e.g. a NOP that was a LOAD_CONST)
  const ext = arg > 0xffffff ? 3 : arg > 0xffff ? 2 : arg > 0xff ? 1 : 0;
  return ext + 1 + CACHES[op];
}

/** Pseudo and real stack effects (compile.c stack_effect). */
function effect(op: number, arg: number, jump: boolean): number {
  switch (op) {
    case Pseudo.SETUP_FINALLY:
      return jump ? 1 : 0;
    case Pseudo.SETUP_CLEANUP:
      return jump ? 2 : 0;
    case Pseudo.SETUP_WITH:
      return jump ? 1 : 0;
    case Pseudo.POP_BLOCK:
    case Pseudo.JUMP:
    case Pseudo.JUMP_NO_INTERRUPT:
      return 0;
    case Pseudo.POP_JUMP_IF_FALSE:
    case Pseudo.POP_JUMP_IF_TRUE:
    case Pseudo.POP_JUMP_IF_NONE:
    case Pseudo.POP_JUMP_IF_NOT_NONE:
      return -1;
  }
  return stackEffect(op, arg, jump);
}

/** The state assemble() needs from the code generator's unit. */
export interface FlowUnit {
  consts: CodeConst[];
  /** Index of a constant, appending it when new (merging as the unit's const table does). */
  addConst(v: CodeConst): number;
}

// ---------------------------------------------------------------- passes

/** Copy a small exit block without line numbers into a block ending with a jump to it. */
function extendBlock(b: Block): void {
  const last = lastInstr(b);
  if (!last) return;
  if (last.op !== Pseudo.JUMP && last.op !== Op.JUMP_FORWARD && last.op !== Op.JUMP_BACKWARD) return;
  const target = last.target!;
  if (isExit(target) && target.instrs.length <= 4) {
    // Only blocks without line numbers (like the implicit `return None`) are copied.
    for (const i of target.instrs) if (i.lineno >= 0) return;
    last.op = Op.NOP;
    last.target = null;
    for (const i of target.instrs) b.instrs.push(cloneInstr(i));
  }
}

function normalizeBasicBlock(b: Block): void {
  for (const i of b.instrs) {
    if (isJumpOp(i.op)) {
      while (i.target!.instrs.length === 0) i.target = i.target!.next!;
    }
  }
}

function jumpThread(inst: Instr, target: Instr, op: number): number {
  if (inst.lineno === target.lineno && inst.target !== target.target) {
    inst.target = target.target;
    inst.op = op;
    return 1;
  }
  return 0;
}

const NOP_INSTR: Instr = { op: Op.NOP, arg: 0, target: null, lineno: -1, endLineno: -1, col: -1, endCol: -1, except: null };

function optimizeBasicBlock(unit: FlowUnit, bb: Block): void {
  const instrs = bb.instrs;
  for (let i = 0; i < instrs.length; i++) {
    const inst = instrs[i];
    const oparg = inst.arg;
    const nextop = i + 1 < instrs.length ? instrs[i + 1].op : 0;
    let target: Instr;
    if (isJumpOp(inst.op) || isBlockPush(inst.op)) {
      while (inst.target!.instrs.length === 0) inst.target = inst.target!.next!;
      target = inst.target!.instrs[0];
    } else {
      target = NOP_INSTR;
    }
    switch (inst.op) {
      case Op.LOAD_CONST: {
        switch (nextop) {
          case Pseudo.POP_JUMP_IF_FALSE:
          case Pseudo.POP_JUMP_IF_TRUE: {
            const isT = isTrue(unit.consts[oparg]);
            inst.op = Op.NOP;
            const jumpIfTrue = nextop === Pseudo.POP_JUMP_IF_TRUE;
            if (isT === jumpIfTrue) {
              instrs[i + 1].op = Pseudo.JUMP;
            } else {
              instrs[i + 1].op = Op.NOP;
            }
            break;
          }
          case Op.JUMP_IF_FALSE_OR_POP:
          case Op.JUMP_IF_TRUE_OR_POP: {
            const isT = isTrue(unit.consts[oparg]);
            const jumpIfTrue = nextop === Op.JUMP_IF_TRUE_OR_POP;
            if (isT === jumpIfTrue) {
              instrs[i + 1].op = Pseudo.JUMP;
            } else {
              inst.op = Op.NOP;
              instrs[i + 1].op = Op.NOP;
            }
            break;
          }
          case Op.IS_OP: {
            const cnt = unit.consts[oparg];
            const jumpOp = i + 2 < instrs.length ? instrs[i + 2].op : 0;
            if (isNoneConst(cnt) && (jumpOp === Pseudo.POP_JUMP_IF_FALSE || jumpOp === Pseudo.POP_JUMP_IF_TRUE)) {
              const nextarg = instrs[i + 1].arg;
              inst.op = Op.NOP;
              instrs[i + 1].op = Op.NOP;
              instrs[i + 2].op = (nextarg ^ (jumpOp === Pseudo.POP_JUMP_IF_FALSE ? 1 : 0))
                ? Pseudo.POP_JUMP_IF_NOT_NONE : Pseudo.POP_JUMP_IF_NONE;
            }
            break;
          }
        }
        break;
      }
      case Op.BUILD_TUPLE:
        if (nextop === Op.UNPACK_SEQUENCE && oparg === instrs[i + 1].arg) {
          if (oparg === 1) {
            inst.op = Op.NOP;
            instrs[i + 1].op = Op.NOP;
            continue;
          }
          if (oparg === 2 || oparg === 3) {
            inst.op = Op.NOP;
            instrs[i + 1].op = Op.SWAP;
            continue;
          }
        }
        if (i >= oparg) foldTupleOnConstants(unit, instrs, i, oparg);
        break;
      case Op.JUMP_IF_FALSE_OR_POP:
        switch (target.op) {
          case Pseudo.POP_JUMP_IF_FALSE:
            i -= jumpThread(inst, target, Pseudo.POP_JUMP_IF_FALSE);
            break;
          case Pseudo.JUMP:
          case Op.JUMP_IF_FALSE_OR_POP:
            i -= jumpThread(inst, target, Op.JUMP_IF_FALSE_OR_POP);
            break;
          case Op.JUMP_IF_TRUE_OR_POP:
          case Pseudo.POP_JUMP_IF_TRUE:
            if (inst.lineno === target.lineno) {
              inst.op = Pseudo.POP_JUMP_IF_FALSE;
              inst.target = inst.target!.next;
              i--;
            }
            break;
        }
        break;
      case Op.JUMP_IF_TRUE_OR_POP:
        switch (target.op) {
          case Pseudo.POP_JUMP_IF_TRUE:
            i -= jumpThread(inst, target, Pseudo.POP_JUMP_IF_TRUE);
            break;
          case Pseudo.JUMP:
          case Op.JUMP_IF_TRUE_OR_POP:
            i -= jumpThread(inst, target, Op.JUMP_IF_TRUE_OR_POP);
            break;
          case Op.JUMP_IF_FALSE_OR_POP:
          case Pseudo.POP_JUMP_IF_FALSE:
            if (inst.lineno === target.lineno) {
              inst.op = Pseudo.POP_JUMP_IF_TRUE;
              inst.target = inst.target!.next;
              i--;
            }
            break;
        }
        break;
      case Pseudo.POP_JUMP_IF_NOT_NONE:
      case Pseudo.POP_JUMP_IF_NONE:
        if (target.op === Pseudo.JUMP) i -= jumpThread(inst, target, inst.op);
        break;
      case Pseudo.POP_JUMP_IF_FALSE:
        if (target.op === Pseudo.JUMP) i -= jumpThread(inst, target, Pseudo.POP_JUMP_IF_FALSE);
        break;
      case Pseudo.POP_JUMP_IF_TRUE:
        if (target.op === Pseudo.JUMP) i -= jumpThread(inst, target, Pseudo.POP_JUMP_IF_TRUE);
        break;
      case Pseudo.JUMP:
        if (target.op === Pseudo.JUMP) i -= jumpThread(inst, target, Pseudo.JUMP);
        break;
      case Op.SWAP:
        if (oparg === 1) {
          inst.op = Op.NOP;
          break;
        }
        i = swaptimize(instrs, i);
        applyStaticSwaps(instrs, i);
        break;
      case Op.PUSH_NULL:
        if (nextop === Op.LOAD_GLOBAL && (instrs[i + 1].arg & 1) === 0) {
          inst.op = Op.NOP;
          inst.arg = 0;
          instrs[i + 1].arg |= 1;
        }
        break;
    }
  }
}

function isNoneConst(v: CodeConst): boolean {
  return v === None;
}

function foldTupleOnConstants(unit: FlowUnit, instrs: Instr[], i: number, n: number): void {
  for (let k = i - n; k < i; k++) if (instrs[k].op !== Op.LOAD_CONST) return;
  const items: CodeConst[] = [];
  for (let k = i - n; k < i; k++) items.push(unit.consts[instrs[k].arg]);
  const index = unit.addConst(new ConstTuple(items));
  for (let k = i - n; k < i; k++) instrs[k].op = Op.NOP;
  instrs[i].op = Op.LOAD_CONST;
  instrs[i].arg = index;
}

/** Replace a run of SWAPs by the minimal equivalent sequence (compile.c swaptimize). Returns the new index. */
function swaptimize(instrs: Instr[], ix: number): number {
  let depth = instrs[ix].arg;
  let len = 0;
  let more = false;
  const limit = instrs.length - ix;
  while (++len < limit) {
    const op = instrs[ix + len].op;
    if (op === Op.SWAP) {
      depth = Math.max(depth, instrs[ix + len].arg);
      more = true;
    } else if (op !== Op.NOP) {
      break;
    }
  }
  if (!more) return ix;
  const stack: number[] = [];
  for (let i = 0; i < depth; i++) stack.push(i);
  for (let i = 0; i < len; i++) {
    if (instrs[ix + i].op === Op.SWAP) {
      const oparg = instrs[ix + i].arg;
      const top = stack[0];
      stack[0] = stack[oparg - 1];
      stack[oparg - 1] = top;
    }
  }
  const VISITED = -1;
  let current = len - 1;
  for (let i = 0; i < depth; i++) {
    if (stack[i] === VISITED || stack[i] === i) continue;
    let j = i;
    for (;;) {
      if (j) {
        instrs[ix + current].op = Op.SWAP;
        instrs[ix + current].arg = j + 1;
        current--;
      }
      if (stack[j] === VISITED) break;
      const nextJ = stack[j];
      stack[j] = VISITED;
      j = nextJ;
    }
  }
  while (current >= 0) {
    instrs[ix + current].op = Op.NOP;
    current--;
  }
  return ix + len - 1;
}

function swappable(op: number): boolean {
  return op === Op.STORE_FAST || op === Op.POP_TOP;
}

function nextSwappableInstruction(instrs: Instr[], i: number, lineno: number): number {
  while (++i < instrs.length) {
    const ins = instrs[i];
    if (lineno >= 0 && ins.lineno !== lineno) return -1;
    if (ins.op === Op.NOP) continue;
    if (swappable(ins.op)) return i;
    return -1;
  }
  return -1;
}

function storesTo(i: Instr): number {
  return i.op === Op.STORE_FAST ? i.arg : -1;
}

function applyStaticSwaps(instrs: Instr[], i: number): void {
  for (; i >= 0; i--) {
    const swap = instrs[i];
    if (swap.op !== Op.SWAP) {
      if (swap.op === Op.NOP || swappable(swap.op)) continue;
      return;
    }
    const j = nextSwappableInstruction(instrs, i, -1);
    if (j < 0) return;
    let k = j;
    const lineno = instrs[j].lineno;
    for (let count = swap.arg - 1; count > 0; count--) {
      k = nextSwappableInstruction(instrs, k, lineno);
      if (k < 0) return;
    }
    // Not safe if the two stores, or any store between them, write the same local.
    const storeJ = storesTo(instrs[j]);
    const storeK = storesTo(instrs[k]);
    if (storeJ >= 0 || storeK >= 0) {
      if (storeJ === storeK) return;
      for (let idx = j + 1; idx < k; idx++) {
        const st = storesTo(instrs[idx]);
        if (st >= 0 && (st === storeJ || st === storeK)) return;
      }
    }
    swap.op = Op.NOP;
    const temp = instrs[j];
    instrs[j] = instrs[k];
    instrs[k] = temp;
  }
}

/** Remove NOPs whose line number is redundant (compile.c clean_basic_block). */
function cleanBasicBlock(bb: Block): void {
  const instrs = bb.instrs;
  let dest = 0;
  let prevLineno = -1;
  for (let src = 0; src < instrs.length; src++) {
    const lineno = instrs[src].lineno;
    if (instrs[src].op === Op.NOP) {
      if (lineno < 0) continue;
      if (prevLineno === lineno) continue;
      if (src < instrs.length - 1) {
        const nextLineno = instrs[src + 1].lineno;
        if (nextLineno === lineno) continue;
        if (nextLineno < 0) {
          copyLoc(instrs[src], instrs[src + 1]);
          continue;
        }
      } else {
        let next = bb.next;
        while (next && next.instrs.length === 0) next = next.next;
        if (next && lineno === next.instrs[0].lineno) continue;
      }
    }
    if (dest !== src) instrs[dest] = instrs[src];
    dest++;
    prevLineno = lineno;
  }
  instrs.length = dest;
}

function markReachable(entry: Block): void {
  for (let b: Block | null = entry; b; b = b.next) {
    b.predecessors = 0;
    b.visited = false;
  }
  const stack: Block[] = [entry];
  entry.predecessors = 1;
  while (stack.length) {
    const b = stack.pop()!;
    b.visited = true;
    if (b.next && hasFallthrough(b)) {
      if (!b.next.visited) stack.push(b.next);
      b.next.predecessors++;
    }
    for (const instr of b.instrs) {
      if (isJumpOp(instr.op) || isBlockPush(instr.op)) {
        const target = instr.target!;
        if (!target.visited) stack.push(target);
        target.predecessors++;
      }
    }
  }
}

function eliminateEmptyBasicBlocks(entry: Block): void {
  for (let b: Block | null = entry; b; b = b.next) {
    let next: Block | null = b.next;
    while (next && next.instrs.length === 0) next = next.next;
    b.next = next;
  }
  for (let b: Block | null = entry; b; b = b.next) {
    for (const instr of b.instrs) {
      if (isJumpOp(instr.op) || isBlockPush(instr.op)) {
        let t = instr.target!;
        while (t.instrs.length === 0) t = t.next!;
        instr.target = t;
      }
    }
  }
}

function optimizeCfg(unit: FlowUnit, entry: Block, allBlocks: Block[]): void {
  for (let b: Block | null = entry; b; b = b.next) {
    optimizeBasicBlock(unit, b);
    cleanBasicBlock(b);
  }
  for (let k = allBlocks.length - 1; k >= 0; k--) extendBlock(allBlocks[k]);
  markReachable(entry);
  for (let b: Block | null = entry; b; b = b.next) {
    if (b.predecessors === 0) b.instrs.length = 0;
  }
  eliminateEmptyBasicBlocks(entry);
  for (let b: Block | null = entry; b; b = b.next) cleanBasicBlock(b);
  let maybeEmpty = false;
  for (let b: Block | null = entry; b; b = b.next) {
    const last = lastInstr(b);
    if (last && (last.op === Pseudo.JUMP || last.op === Pseudo.JUMP_NO_INTERRUPT)) {
      if (last.target === b.next) {
        last.op = Op.NOP;
        last.target = null;
        maybeEmpty = true;
      }
    }
  }
  if (maybeEmpty) eliminateEmptyBasicBlocks(entry);
}

function isExitWithoutLineno(b: Block): boolean {
  if (!isExit(b)) return false;
  for (const i of b.instrs) if (i.lineno >= 0) return false;
  return true;
}

function duplicateExitsWithoutLineno(entry: Block, allBlocks: Block[]): void {
  // CPython walks the blocks in its allocation list (most recently allocated first).
  const snapshot = allBlocks.slice();
  for (let k = snapshot.length - 1; k >= 0; k--) {
    const b = snapshot[k];
    const last = lastInstr(b);
    if (last && isJumpOp(last.op)) {
      const target = last.target!;
      if (isExitWithoutLineno(target) && target.predecessors > 1) {
        const newTarget = new Block();
        allBlocks.push(newTarget);
        for (const i of target.instrs) newTarget.instrs.push(cloneInstr(i));
        copyLoc(last, newTarget.instrs[0]);
        last.target = newTarget;
        target.predecessors--;
        newTarget.predecessors = 1;
        newTarget.next = target.next;
        target.next = newTarget;
      }
    }
  }
  for (let b: Block | null = entry; b; b = b.next) {
    while (b.next && b.next.instrs.length === 0) b.next = b.next.next;
  }
  for (let b: Block | null = entry; b; b = b.next) {
    if (hasFallthrough(b) && b.next && b.instrs.length > 0) {
      if (isExitWithoutLineno(b.next)) copyLoc(b.instrs[b.instrs.length - 1], b.next.instrs[0]);
    }
  }
}

function trimUnusedConsts(unit: FlowUnit, entry: Block): void {
  let max = 0;
  for (let b: Block | null = entry; b; b = b.next) {
    for (const i of b.instrs) {
      if ((i.op === Op.LOAD_CONST || i.op === Op.KW_NAMES) && i.arg > max) max = i.arg;
    }
  }
  if (max + 1 < unit.consts.length) unit.consts.length = max + 1;
}

function propagateLineNumbers(entry: Block): void {
  for (let b: Block | null = entry; b; b = b.next) {
    if (b.instrs.length === 0) continue;
    const prev: Instr = { ...NOP_INSTR };
    for (const i of b.instrs) {
      if (i.lineno < 0) copyLoc(prev, i);
      else copyLoc(i, prev);
    }
    if (hasFallthrough(b) && b.next && b.next.predecessors === 1) {
      if (b.next.instrs[0].lineno < 0) copyLoc(prev, b.next.instrs[0]);
    }
    const last = b.instrs[b.instrs.length - 1];
    if (isJumpOp(last.op)) {
      const target = last.target!;
      if (target.predecessors === 1 && target.instrs[0].lineno < 0) copyLoc(prev, target.instrs[0]);
    }
  }
}

function guaranteeLinenoForExits(entry: Block, firstlineno: number): void {
  let lineno = firstlineno;
  for (let b: Block | null = entry; b; b = b.next) {
    if (b.instrs.length === 0) continue;
    const last = b.instrs[b.instrs.length - 1];
    if (last.lineno < 0) {
      if (last.op === Op.RETURN_VALUE) {
        for (const i of b.instrs) i.lineno = lineno;
      }
    } else {
      lineno = last.lineno;
    }
  }
}

function stackdepth(entry: Block, isGenerator: boolean): number {
  for (let b: Block | null = entry; b; b = b.next) b.startdepth = -0x7fffffff;
  const stack: Block[] = [];
  let maxdepth = 0;
  const push = (b: Block, depth: number) => {
    if (b.startdepth < depth && b.startdepth < 100) {
      b.startdepth = depth;
      stack.push(b);
    }
  };
  push(entry, isGenerator ? 1 : 0);
  while (stack.length) {
    const b = stack.pop()!;
    let depth = b.startdepth;
    let next = b.next;
    for (const instr of b.instrs) {
      const eff = effect(instr.op, instr.arg, false);
      const newDepth = depth + eff;
      if (newDepth > maxdepth) maxdepth = newDepth;
      if (isJumpOp(instr.op) || isBlockPush(instr.op)) {
        const targetDepth = depth + effect(instr.op, instr.arg, true);
        if (targetDepth > maxdepth) maxdepth = targetDepth;
        push(instr.target!, targetDepth);
      }
      depth = newDepth;
      if (instr.op === Pseudo.JUMP_NO_INTERRUPT || instr.op === Pseudo.JUMP || instr.op === Op.RETURN_VALUE ||
        instr.op === Op.RAISE_VARARGS || instr.op === Op.RERAISE) {
        next = null;
        break;
      }
    }
    if (next) push(next, depth);
  }
  return maxdepth;
}

function labelExceptionTargets(entry: Block): void {
  for (let b: Block | null = entry; b; b = b.next) {
    b.visited = false;
    b.exceptStack = null;
  }
  const todo: Block[] = [entry];
  entry.visited = true;
  entry.exceptStack = [];
  while (todo.length) {
    const b = todo.pop()!;
    let exceptStack: Block[] | null = b.exceptStack!;
    b.exceptStack = null;
    let handler: Block | null = exceptStack.length ? exceptStack[exceptStack.length - 1] : null;
    for (const instr of b.instrs) {
      if (isBlockPush(instr.op)) {
        const target = instr.target!;
        if (!target.visited) {
          target.exceptStack = exceptStack!.slice();
          todo.push(target);
          target.visited = true;
        }
        if (instr.op === Pseudo.SETUP_WITH || instr.op === Pseudo.SETUP_CLEANUP) target.preserveLasti = true;
        exceptStack!.push(target);
        handler = target;
      } else if (instr.op === Pseudo.POP_BLOCK) {
        exceptStack!.pop();
        handler = exceptStack!.length ? exceptStack![exceptStack!.length - 1] : null;
      } else if (isJumpOp(instr.op)) {
        instr.except = handler;
        const target = instr.target!;
        if (!target.visited) {
          if (hasFallthrough(b)) {
            target.exceptStack = exceptStack!.slice();
          } else {
            target.exceptStack = exceptStack;
            exceptStack = null;
          }
          todo.push(target);
          target.visited = true;
        }
      } else {
        instr.except = handler;
      }
    }
    if (hasFallthrough(b) && b.next && !b.next.visited) {
      b.next.exceptStack = exceptStack;
      todo.push(b.next);
      b.next.visited = true;
    }
  }
}

function convertExceptionHandlersToNops(entry: Block): void {
  for (let b: Block | null = entry; b; b = b.next) {
    for (const i of b.instrs) {
      if (isBlockPush(i.op) || i.op === Pseudo.POP_BLOCK) {
        i.op = Op.NOP;
        i.target = null;
      }
    }
  }
}

function normalizeJumps(entry: Block): void {
  for (let b: Block | null = entry; b; b = b.next) b.visited = false;
  for (let b: Block | null = entry; b; b = b.next) {
    b.visited = true;
    const last = lastInstr(b);
    if (!last || !isJumpOp(last.op)) continue;
    const fwd = !last.target!.visited;
    switch (last.op) {
      case Pseudo.JUMP:
        last.op = fwd ? Op.JUMP_FORWARD : Op.JUMP_BACKWARD;
        break;
      case Pseudo.JUMP_NO_INTERRUPT:
        last.op = fwd ? Op.JUMP_FORWARD : Op.JUMP_BACKWARD_NO_INTERRUPT;
        break;
      case Pseudo.POP_JUMP_IF_NOT_NONE:
        last.op = fwd ? Op.POP_JUMP_FORWARD_IF_NOT_NONE : Op.POP_JUMP_BACKWARD_IF_NOT_NONE;
        break;
      case Pseudo.POP_JUMP_IF_NONE:
        last.op = fwd ? Op.POP_JUMP_FORWARD_IF_NONE : Op.POP_JUMP_BACKWARD_IF_NONE;
        break;
      case Pseudo.POP_JUMP_IF_FALSE:
        last.op = fwd ? Op.POP_JUMP_FORWARD_IF_FALSE : Op.POP_JUMP_BACKWARD_IF_FALSE;
        break;
      case Pseudo.POP_JUMP_IF_TRUE:
        last.op = fwd ? Op.POP_JUMP_FORWARD_IF_TRUE : Op.POP_JUMP_BACKWARD_IF_TRUE;
        break;
    }
  }
}

function isBackwardJump(op: number): boolean {
  return op === Op.JUMP_BACKWARD || op === Op.JUMP_BACKWARD_NO_INTERRUPT || op === Op.POP_JUMP_BACKWARD_IF_FALSE ||
    op === Op.POP_JUMP_BACKWARD_IF_TRUE || op === Op.POP_JUMP_BACKWARD_IF_NONE || op === Op.POP_JUMP_BACKWARD_IF_NOT_NONE;
}

function assembleJumpOffsets(entry: Block): void {
  let recompile: boolean;
  do {
    let totsize = 0;
    for (let b: Block | null = entry; b; b = b.next) {
      b.offset = totsize;
      for (const i of b.instrs) totsize += instrSize(i.op, i.arg);
    }
    recompile = false;
    for (let b: Block | null = entry; b; b = b.next) {
      let bsize = b.offset;
      for (const instr of b.instrs) {
        const isize = instrSize(instr.op, instr.arg);
        bsize += isize;
        if (isJumpOp(instr.op)) {
          const t = instr.target!.offset;
          instr.arg = isBackwardJump(instr.op) ? bsize - t : t - bsize;
          if (instrSize(instr.op, instr.arg) !== isize) recompile = true;
        }
      }
    }
  } while (recompile);
}

export interface AssembleInput {
  unit: FlowUnit;
  entry: Block;
  allBlocks: Block[];
  firstlineno: number;
  isGenerator: boolean;
}

/** Runs the 3.11 passes after prologue insertion; returns max stack depth. Blocks are final afterwards. */
export function optimizeAndLayout(inp: AssembleInput): number {
  const { unit, entry, allBlocks } = inp;
  optimizeCfg(unit, entry, allBlocks);
  duplicateExitsWithoutLineno(entry, allBlocks);
  trimUnusedConsts(unit, entry);
  propagateLineNumbers(entry);
  guaranteeLinenoForExits(entry, inp.firstlineno);
  const maxdepth = stackdepth(entry, inp.isGenerator);
  labelExceptionTargets(entry);
  convertExceptionHandlersToNops(entry);
  for (let b: Block | null = entry; b; b = b.next) cleanBasicBlock(b);
  normalizeJumps(entry);
  assembleJumpOffsets(entry);
  return maxdepth;
}

export function prepareBlocks(allBlocks: Block[]): void {
  for (let k = allBlocks.length - 1; k >= 0; k--) normalizeBasicBlock(allBlocks[k]);
  for (let k = allBlocks.length - 1; k >= 0; k--) extendBlock(allBlocks[k]);
}
