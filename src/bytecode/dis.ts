// dis formatting, identical to CPython 3.11's `dis` module output: disassemble() is what
// `python3 -m dis FILE` prints for a module's code object (nested code objects follow, in
// co_consts order), codeInfo() is dis.code_info(), showCode() is dis.show_code() without the print.
import { CodeObject, type CodeConst } from './code';
import { codeRepr, constRepr } from './const-repr';
import { decodeExceptionTable } from './exception-table';
import { decodeInstructions, findLabels, OPINFO } from './instructions';
import { codePositions, coLines, type SourcePosition } from './linetable';
import { Op } from './opcodes';

const OPNAME_WIDTH = 20;
const OPARG_WIDTH = 5;

const CMP_OP = ['<', '<=', '==', '!=', '>', '>='];
const NB_OPS = ['+', '&', '//', '<<', '@', '*', '%', '|', '**', '>>', '-', '/', '^'];
const FORMAT_VALUE_CONVERTERS = ['', 'str', 'repr', 'ascii'];
const MAKE_FUNCTION_FLAGS = ['defaults', 'kwdefaults', 'annotations', 'closure'];
const COMPILER_FLAG_NAMES: Record<number, string> = {
  1: 'OPTIMIZED',
  2: 'NEWLOCALS',
  4: 'VARARGS',
  8: 'VARKEYWORDS',
  16: 'NESTED',
  32: 'GENERATOR',
  64: 'NOFREE',
  128: 'COROUTINE',
  256: 'ITERABLE_COROUTINE',
  512: 'ASYNC_GENERATOR',
};

/** dis.findlinestarts: byte offset -> line, where a new line begins. */
export function findLineStarts(co: CodeObject): Map<number, number> {
  const starts = new Map<number, number>();
  let lastLine: number | null = null;
  for (const [start, , line] of coLines(co)) {
    if (line !== null && line !== lastLine) {
      lastLine = line;
      starts.set(start, line);
    }
  }
  return starts;
}

/** The argrepr dis shows in parentheses ('' for none). */
export function argRepr(co: CodeObject, baseOp: number, arg: number, jumpTarget: number | null): string {
  const info = OPINFO[baseOp];
  if (!info) return '';
  const at = <X>(list: readonly X[], i: number): X | undefined => (i >= 0 && i < list.length ? list[i] : undefined);
  switch (info.argKind) {
    case 'Const': {
      if (baseOp !== Op.LOAD_CONST) return '';
      const c = at<CodeConst>(co.co_consts, arg);
      return c === undefined ? '' : constRepr(c);
    }
    case 'Name': {
      if (baseOp === Op.LOAD_GLOBAL) {
        const name = at(co.co_names, arg >> 1) ?? '';
        return arg & 1 && name ? 'NULL + ' + name : name;
      }
      return at(co.co_names, arg) ?? '';
    }
    case 'JumpForward':
    case 'JumpBackward':
      return 'to ' + jumpTarget;
    case 'Local':
    case 'Free':
      return at(co.co_localsplusnames, arg) ?? '';
    case 'Compare':
      return at(CMP_OP, arg) ?? '';
    case 'BinaryOp':
      if (arg < 13) return at(NB_OPS, arg) ?? '';
      return arg - 13 < NB_OPS.length ? NB_OPS[arg - 13] + '=' : '';
  }
  if (baseOp === Op.FORMAT_VALUE) {
    let r = FORMAT_VALUE_CONVERTERS[arg & 3];
    if (arg & 4) r += (r ? ', ' : '') + 'with format';
    return r;
  }
  if (baseOp === Op.MAKE_FUNCTION) {
    return MAKE_FUNCTION_FLAGS.filter((_, i) => arg & (1 << i)).join(', ');
  }
  return '';
}

/** One entry of dis.get_instructions(): an instruction as dis reports it. */
export interface DisInstruction {
  opname: string;
  opcode: number;
  /** Combined argument (EXTENDED_ARG folded in); null for instructions without one. */
  arg: number | null;
  /** What the argument means, as dis shows it in parentheses ('' for nothing). */
  argrepr: string;
  /** Byte offset. */
  offset: number;
  /** The line this instruction starts, or null. */
  startsLine: number | null;
  isJumpTarget: boolean;
  positions: SourcePosition;
}

export interface DisOptions {
  /** List each inline CACHE unit as its own `CACHE 0` entry (dis's show_caches). */
  showCaches?: boolean;
}

export interface GetInstructionsOptions extends DisOptions {
  /**
   * Count exception handlers as jump targets. The disassembler does; dis.get_instructions()
   * in 3.11 does not (it never passes the exception table), so the default is false.
   */
  markExceptionTargets?: boolean;
}

/** dis.get_instructions(co): instructions with line starts, jump-target marks and argreprs. */
export function getInstructions(co: CodeObject, options: GetInstructionsOptions = {}): DisInstruction[] {
  const out: DisInstruction[] = [];
  const lineStarts = findLineStarts(co);
  const labels = new Set(findLabels(co.co_code));
  if (options.markExceptionTargets) {
    for (const e of decodeExceptionTable(co.co_exceptiontable)) if (e.end > e.start) labels.add(e.target * 2);
  }
  const positions = codePositions(co);
  for (const ins of decodeInstructions(co.co_code)) {
    out.push({
      opname: ins.name,
      opcode: ins.opcode,
      arg: ins.arg,
      argrepr: ins.arg === null ? '' : argRepr(co, ins.baseOpcode, ins.arg, ins.jumpTarget),
      offset: ins.offset,
      startsLine: lineStarts.get(ins.offset) ?? null,
      isJumpTarget: labels.has(ins.offset),
      positions: positions[ins.offset >> 1],
    });
    if (options.showCaches) {
      for (let k = 1; k <= ins.caches; k++) {
        const offset = ins.offset + 2 * k;
        out.push({
          opname: 'CACHE',
          opcode: Op.CACHE,
          arg: 0,
          argrepr: '',
          offset,
          startsLine: null,
          isJumpTarget: false,
          positions: positions[offset >> 1],
        });
      }
    }
  }
  return out;
}

/** dis.disassemble(co) for one code object, as lines (lasti marks `-->` like dis). */
export function disassembleOne(co: CodeObject, lasti = -1, options: DisOptions = {}): string[] {
  const out: string[] = [];
  const instructions = getInstructions(co, { ...options, markExceptionTargets: true });
  let maxLine = -Infinity;
  for (const ins of instructions) if (ins.startsLine !== null) maxLine = Math.max(maxLine, ins.startsLine);
  const showLineno = maxLine !== -Infinity;
  const linenoWidth = !showLineno ? 0 : maxLine >= 1000 ? String(maxLine).length : 3;
  const maxOffset = co.co_code.length - 2;
  const offsetWidth = maxOffset >= 10000 ? String(maxOffset).length : 4;
  for (const ins of instructions) {
    if (showLineno && ins.startsLine !== null && ins.offset > 0) out.push('');
    const fields: string[] = [];
    if (linenoWidth) fields.push(ins.startsLine !== null ? String(ins.startsLine).padStart(linenoWidth) : ' '.repeat(linenoWidth));
    fields.push(ins.offset === lasti ? '-->' : '   ');
    fields.push(ins.isJumpTarget ? '>>' : '  ');
    fields.push(String(ins.offset).padStart(offsetWidth));
    fields.push(ins.opname.padEnd(OPNAME_WIDTH));
    if (ins.arg !== null) {
      fields.push(String(ins.arg).padStart(OPARG_WIDTH));
      if (ins.argrepr) fields.push('(' + ins.argrepr + ')');
    }
    out.push(fields.join(' ').trimEnd());
  }
  const exceptionEntries = decodeExceptionTable(co.co_exceptiontable);
  if (exceptionEntries.length > 0) {
    out.push('ExceptionTable:');
    for (const e of exceptionEntries) {
      out.push(`  ${e.start * 2} to ${e.end * 2 - 2} -> ${e.target * 2} [${e.depth}]${e.lasti ? ' lasti' : ''}`);
    }
  }
  return out;
}

function disassembleRecursive(co: CodeObject, out: string[], options: DisOptions): void {
  for (const line of disassembleOne(co, -1, options)) out.push(line);
  for (const c of co.co_consts) {
    if (c instanceof CodeObject) {
      out.push('');
      out.push(`Disassembly of ${codeRepr(c)}:`);
      disassembleRecursive(c, out, options);
    }
  }
}

/**
 * What `python3 -m dis FILE` prints for the module code object `co` (with a final newline), i.e.
 * dis.dis(co); nested code objects follow in co_consts order.
 */
export function disassemble(co: CodeObject, options: DisOptions = {}): string {
  const out: string[] = [];
  disassembleRecursive(co, out, options);
  return out.join('\n') + '\n';
}

/** dis.pretty_flags. */
export function prettyFlags(flags: number): string {
  const names: string[] = [];
  let rest = flags >>> 0;
  for (let i = 0; i < 32; i++) {
    const flag = 2 ** i;
    if (Math.floor(rest / flag) % 2 === 1) {
      names.push(COMPILER_FLAG_NAMES[flag] ?? '0x' + flag.toString(16));
      rest -= flag;
      if (rest === 0) return names.join(', ');
    }
  }
  names.push('0x' + rest.toString(16));
  return names.join(', ');
}

/** dis.code_info(co). */
export function codeInfo(co: CodeObject): string {
  const lines: string[] = [
    `Name:              ${co.co_name}`,
    `Filename:          ${co.co_filename}`,
    `Argument count:    ${co.co_argcount}`,
    `Positional-only arguments: ${co.co_posonlyargcount}`,
    `Kw-only arguments: ${co.co_kwonlyargcount}`,
    `Number of locals:  ${co.co_nlocals}`,
    `Stack size:        ${co.co_stacksize}`,
    `Flags:             ${prettyFlags(co.co_flags)}`,
  ];
  const section = <X>(title: string, items: readonly X[], show: (x: X) => string) => {
    if (items.length === 0) return;
    lines.push(title);
    items.forEach((x, i) => lines.push(`${String(i).padStart(4)}: ${show(x)}`));
  };
  section('Constants:', co.co_consts, constRepr);
  section('Names:', co.co_names, String);
  section('Variable names:', co.co_varnames, String);
  section('Free variables:', co.co_freevars, String);
  section('Cell variables:', co.co_cellvars, String);
  return lines.join('\n');
}

/** dis.show_code(co) output (code_info plus the newline print adds). */
export function showCode(co: CodeObject): string {
  return codeInfo(co) + '\n';
}
