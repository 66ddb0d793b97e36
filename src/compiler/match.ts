// Code generation for the match statement, as CPython 3.11's compiler_match and compiler_pattern_*:
// the subject stays on the stack, each pattern jumps to one of a ladder of "fail_pop" blocks that pop
// whatever the failed match left, and captured names are stored only once the whole pattern matched.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { Op } from '../bytecode/opcodes';
import { ConstTuple } from '../bytecode/code';
import { None } from '../values';
import type { Compiler } from './codegen';
import { Pseudo, type Block } from './flowgraph';
import { constKey } from './consts';

interface PatternContext {
  stores: string[];
  allowIrrefutable: boolean;
  failPop: Block[];
  onTop: number;
}

function isWildcard(p: any): boolean {
  return p._type === 'MatchAs' && !p.name;
}

function isWildcardStar(p: any): boolean {
  return p._type === 'MatchStar' && !p.name;
}

function ensureFailPop(c: Compiler, pc: PatternContext, n: number): void {
  const size = n + 1;
  while (pc.failPop.length < size) pc.failPop.push(c.u.newBlock());
}

function jumpToFailPop(c: Compiler, pc: PatternContext, op: number): void {
  const pops = pc.onTop + pc.stores.length;
  ensureFailPop(c, pc, pops);
  c.jump(op, pc.failPop[pops]);
  c.nextBlock();
}

function emitAndResetFailPop(c: Compiler, pc: PatternContext): void {
  if (!pc.failPop.length) return;
  for (let i = pc.failPop.length - 1; i > 0; i--) {
    c.useNextBlock(pc.failPop[i]);
    c.addop(Op.POP_TOP);
  }
  c.useNextBlock(pc.failPop[0]);
  pc.failPop = [];
}

function rotate(c: Compiler, count: number): void {
  while (1 < count) c.addop(Op.SWAP, count--);
}

function storeName(c: Compiler, n: string | null, pc: PatternContext): void {
  if (!n) {
    c.addop(Op.POP_TOP);
    return;
  }
  if (n === '__debug__') c.error('cannot assign to __debug__');
  if (pc.stores.includes(n)) c.error(`multiple assignments to name '${n}' in pattern`);
  rotate(c, pc.onTop + pc.stores.length + 1);
  pc.stores.push(n);
}

function unpackHelper(c: Compiler, elts: any[]): void {
  const n = elts.length;
  let seenStar = false;
  for (let i = 0; i < n; i++) {
    const elt = elts[i];
    if (elt._type === 'MatchStar' && !seenStar) {
      if (i >= 1 << 8 || n - i - 1 >= 0x7fffffff >> 8) c.error('too many expressions in star-unpacking sequence pattern');
      c.addop(Op.UNPACK_EX, i + ((n - i - 1) << 8));
      seenStar = true;
    } else if (elt._type === 'MatchStar') {
      c.error('multiple starred expressions in sequence pattern');
    }
  }
  if (!seenStar) c.addop(Op.UNPACK_SEQUENCE, n);
}

function sequenceUnpack(c: Compiler, patterns: any[], pc: PatternContext): void {
  unpackHelper(c, patterns);
  const size = patterns.length;
  pc.onTop += size;
  for (let i = 0; i < size; i++) {
    pc.onTop--;
    subpattern(c, patterns[i], pc);
  }
}

function sequenceSubscr(c: Compiler, patterns: any[], star: number, pc: PatternContext): void {
  pc.onTop++;
  const size = patterns.length;
  for (let i = 0; i < size; i++) {
    const pattern = patterns[i];
    if (isWildcard(pattern)) continue;
    if (i === star) continue;
    c.addop(Op.COPY, 1);
    if (i < star) {
      c.loadConst(i);
    } else {
      c.addop(Op.GET_LEN);
      c.loadConst(size - i);
      c.addop(Op.BINARY_OP, 10);
    }
    c.addop(Op.BINARY_SUBSCR);
    subpattern(c, pattern, pc);
  }
  pc.onTop--;
  c.addop(Op.POP_TOP);
}

function subpattern(c: Compiler, p: any, pc: PatternContext): void {
  const allow = pc.allowIrrefutable;
  pc.allowIrrefutable = true;
  pattern(c, p, pc);
  pc.allowIrrefutable = allow;
}

function patternAs(c: Compiler, p: any, pc: PatternContext): void {
  if (!p.pattern) {
    if (!pc.allowIrrefutable) {
      if (p.name) c.error(`name capture '${p.name}' makes remaining patterns unreachable`);
      c.error('wildcard makes remaining patterns unreachable');
    }
    storeName(c, p.name, pc);
    return;
  }
  pc.onTop++;
  c.addop(Op.COPY, 1);
  pattern(c, p.pattern, pc);
  pc.onTop--;
  storeName(c, p.name, pc);
}

function patternClass(c: Compiler, p: any, pc: PatternContext): void {
  const patterns = p.patterns;
  const kwdAttrs: string[] = p.kwd_attrs;
  const kwdPatterns = p.kwd_patterns;
  const nargs = patterns.length;
  const nattrs = kwdAttrs.length;
  if (nattrs) {
    for (let i = 0; i < nattrs; i++) {
      c.setLoc(kwdPatterns[i]);
      if (kwdAttrs[i] === '__debug__') c.error('cannot assign to __debug__');
      for (let j = i + 1; j < nattrs; j++) {
        if (kwdAttrs[i] === kwdAttrs[j]) {
          c.setLoc(kwdPatterns[j]);
          c.error(`attribute name repeated in class pattern: ${kwdAttrs[i]}`);
        }
      }
    }
    c.setLoc(p);
  }
  c.visitExpr(p.cls);
  c.loadConst(new ConstTuple(kwdAttrs));
  c.addop(Op.MATCH_CLASS, nargs);
  c.addop(Op.COPY, 1);
  c.loadConst(None);
  c.addop(Op.IS_OP, 1);
  pc.onTop++;
  jumpToFailPop(c, pc, Pseudo.POP_JUMP_IF_FALSE);
  c.addop(Op.UNPACK_SEQUENCE, nargs + nattrs);
  pc.onTop += nargs + nattrs - 1;
  for (let i = 0; i < nargs + nattrs; i++) {
    pc.onTop--;
    const sub = i < nargs ? patterns[i] : kwdPatterns[i - nargs];
    if (isWildcard(sub)) {
      c.addop(Op.POP_TOP);
      continue;
    }
    subpattern(c, sub, pc);
  }
}

function patternMapping(c: Compiler, p: any, pc: PatternContext): void {
  const keys = p.keys;
  const patterns = p.patterns;
  let size = keys.length;
  const starTarget = p.rest;
  pc.onTop++;
  c.addop(Op.MATCH_MAPPING);
  jumpToFailPop(c, pc, Pseudo.POP_JUMP_IF_FALSE);
  if (!size && !starTarget) {
    pc.onTop--;
    c.addop(Op.POP_TOP);
    return;
  }
  if (size) {
    c.addop(Op.GET_LEN);
    c.loadConst(size);
    c.addCompare('GtE');
    jumpToFailPop(c, pc, Pseudo.POP_JUMP_IF_FALSE);
  }
  const seen = new Set<string>();
  for (let i = 0; i < size; i++) {
    const key = keys[i];
    if (key._type === 'Constant') {
      const k = constKey(key.value);
      if (seen.has(k)) c.error('mapping pattern checks duplicate key');
      seen.add(k);
    } else if (key._type !== 'Attribute') {
      c.error('mapping pattern keys may only match literals and attribute lookups');
    }
    c.visitExpr(key);
  }
  c.addop(Op.BUILD_TUPLE, size);
  c.addop(Op.MATCH_KEYS);
  pc.onTop += 2;
  c.addop(Op.COPY, 1);
  c.loadConst(None);
  c.addop(Op.IS_OP, 1);
  jumpToFailPop(c, pc, Pseudo.POP_JUMP_IF_FALSE);
  c.addop(Op.UNPACK_SEQUENCE, size);
  pc.onTop += size - 1;
  for (let i = 0; i < size; i++) {
    pc.onTop--;
    subpattern(c, patterns[i], pc);
  }
  pc.onTop -= 2;
  if (starTarget) {
    c.addop(Op.BUILD_MAP, 0);
    c.addop(Op.SWAP, 3);
    c.addop(Op.DICT_UPDATE, 2);
    c.addop(Op.UNPACK_SEQUENCE, size);
    while (size) {
      c.addop(Op.COPY, 1 + size--);
      c.addop(Op.SWAP, 2);
      c.addop(Op.DELETE_SUBSCR);
    }
    storeName(c, starTarget, pc);
  } else {
    c.addop(Op.POP_TOP);
    c.addop(Op.POP_TOP);
  }
}

function patternOr(c: Compiler, p: any, pc: PatternContext): void {
  const end = c.u.newBlock();
  const size = p.patterns.length;
  const old = { ...pc };
  let control: string[] | null = null;
  for (let i = 0; i < size; i++) {
    const alt = p.patterns[i];
    c.setLoc(alt);
    pc.stores = [];
    pc.allowIrrefutable = i === size - 1 && old.allowIrrefutable;
    pc.failPop = [];
    pc.onTop = 0;
    c.addop(Op.COPY, 1);
    pattern(c, alt, pc);
    const nstores = pc.stores.length;
    if (!i) {
      control = pc.stores;
    } else if (nstores !== control!.length) {
      c.error('alternative patterns bind different names');
    } else if (nstores) {
      let icontrol = nstores;
      while (icontrol--) {
        const name = control![icontrol];
        const istores = pc.stores.indexOf(name);
        if (istores < 0) c.error('alternative patterns bind different names');
        if (icontrol !== istores) {
          let rotations = istores + 1;
          const rotated = pc.stores.slice(0, rotations);
          pc.stores.splice(0, rotations);
          pc.stores.splice(icontrol - istores, 0, ...rotated);
          while (rotations--) rotate(c, icontrol + 1);
        }
      }
    }
    c.jump(Pseudo.JUMP, end);
    emitAndResetFailPop(c, pc);
  }
  pc.stores = old.stores;
  pc.allowIrrefutable = old.allowIrrefutable;
  pc.failPop = old.failPop;
  pc.onTop = old.onTop;
  c.addop(Op.POP_TOP);
  jumpToFailPop(c, pc, Pseudo.JUMP);
  c.useNextBlock(end);
  const nstores = control!.length;
  const nrots = nstores + 1 + pc.onTop + pc.stores.length;
  for (let i = 0; i < nstores; i++) {
    rotate(c, nrots);
    const name = control![i];
    if (pc.stores.includes(name)) c.error(`multiple assignments to name '${name}' in pattern`);
    pc.stores.push(name);
  }
  c.addop(Op.POP_TOP);
}

function patternSequence(c: Compiler, p: any, pc: PatternContext): void {
  const patterns = p.patterns;
  const size = patterns.length;
  let star = -1;
  let onlyWildcard = true;
  let starWildcard = false;
  for (let i = 0; i < size; i++) {
    const sub = patterns[i];
    if (sub._type === 'MatchStar') {
      if (star >= 0) c.error('multiple starred names in sequence pattern');
      starWildcard = isWildcardStar(sub);
      onlyWildcard = onlyWildcard && starWildcard;
      star = i;
      continue;
    }
    onlyWildcard = onlyWildcard && isWildcard(sub);
  }
  pc.onTop++;
  c.addop(Op.MATCH_SEQUENCE);
  jumpToFailPop(c, pc, Pseudo.POP_JUMP_IF_FALSE);
  if (star < 0) {
    c.addop(Op.GET_LEN);
    c.loadConst(size);
    c.addCompare('Eq');
    jumpToFailPop(c, pc, Pseudo.POP_JUMP_IF_FALSE);
  } else if (size - 1) {
    c.addop(Op.GET_LEN);
    c.loadConst(size - 1);
    c.addCompare('GtE');
    jumpToFailPop(c, pc, Pseudo.POP_JUMP_IF_FALSE);
  }
  pc.onTop--;
  if (onlyWildcard) c.addop(Op.POP_TOP);
  else if (starWildcard) sequenceSubscr(c, patterns, star, pc);
  else sequenceUnpack(c, patterns, pc);
}

function pattern(c: Compiler, p: any, pc: PatternContext): void {
  c.setLoc(p);
  switch (p._type) {
    case 'MatchValue': {
      const value = p.value;
      if (value._type !== 'Constant' && value._type !== 'Attribute') {
        c.error('patterns may only match literals and attribute lookups');
      }
      c.visitExpr(value);
      c.addCompare('Eq');
      jumpToFailPop(c, pc, Pseudo.POP_JUMP_IF_FALSE);
      return;
    }
    case 'MatchSingleton':
      c.loadConst(p.value);
      c.addCompare('Is');
      jumpToFailPop(c, pc, Pseudo.POP_JUMP_IF_FALSE);
      return;
    case 'MatchSequence':
      return patternSequence(c, p, pc);
    case 'MatchMapping':
      return patternMapping(c, p, pc);
    case 'MatchClass':
      return patternClass(c, p, pc);
    case 'MatchStar':
      return storeName(c, p.name, pc);
    case 'MatchAs':
      return patternAs(c, p, pc);
    case 'MatchOr':
      return patternOr(c, p, pc);
  }
  c.error('invalid match pattern node in AST');
}

export function compileMatch(c: Compiler, s: any): void {
  const pc: PatternContext = { stores: [], allowIrrefutable: false, failPop: [], onTop: 0 };
  c.visitExpr(s.subject);
  const end = c.u.newBlock();
  const cases = s.cases.length;
  let m = s.cases[cases - 1];
  const hasDefault = isWildcard(m.pattern) && 1 < cases ? 1 : 0;
  for (let i = 0; i < cases - hasDefault; i++) {
    m = s.cases[i];
    c.setLoc(m.pattern);
    if (i !== cases - hasDefault - 1) c.addop(Op.COPY, 1);
    pc.stores = [];
    pc.allowIrrefutable = m.guard !== null || i === cases - 1;
    pc.failPop = [];
    pc.onTop = 0;
    pattern(c, m.pattern, pc);
    for (const name of pc.stores) c.nameop(name, 'Store');
    if (m.guard) {
      ensureFailPop(c, pc, 0);
      c.jumpIf(m.guard, pc.failPop[0], false);
    }
    if (i !== cases - hasDefault - 1) c.addop(Op.POP_TOP);
    c.visitStmts(m.body);
    c.jumpNoline(Pseudo.JUMP, end);
    c.setLoc(m.pattern);
    emitAndResetFailPop(c, pc);
  }
  if (hasDefault) {
    m = s.cases[cases - 1];
    c.setLoc(m.pattern);
    if (cases === 1) c.addop(Op.POP_TOP);
    else c.addop(Op.NOP);
    if (m.guard) c.jumpIf(m.guard, end, false);
    c.visitStmts(m.body);
  }
  c.useNextBlock(end);
}
