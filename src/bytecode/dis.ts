// dis formatting, identical to CPython 3.11's `dis` module output: disassemble() is what
// `python3 -m dis FILE` prints for a module's code object (nested code objects follow, in
// co_consts order), codeInfo() is dis.code_info(), showCode() is dis.show_code() without the print.
import { CodeObject, type CodeConst } from './code';
import { codeRepr, constRepr } from './const-repr';
import { decodeExceptionTable } from './exception-table';
import { decodeInstructions, findLabels, OPINFO } from './instructions';
import { coLines } from './linetable';
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

/** dis.disassemble(co) for one code object, as lines (lasti marks `-->` like dis). */
export function disassembleOne(co: CodeObject, lasti = -1): string[] {
  const out: string[] = [];
  const lineStarts = findLineStarts(co);
  const exceptionEntries = decodeExceptionTable(co.co_exceptiontable);
  const showLineno = lineStarts.size > 0;
  let linenoWidth = 0;
  if (showLineno) {
    let maxLine = -Infinity;
    for (const l of lineStarts.values()) maxLine = Math.max(maxLine, l);
    linenoWidth = maxLine >= 1000 ? String(maxLine).length : 3;
  }
  const maxOffset = co.co_code.length - 2;
  const offsetWidth = maxOffset >= 10000 ? String(maxOffset).length : 4;
  const labels = new Set(findLabels(co.co_code));
  for (const e of exceptionEntries) if (e.end > e.start) labels.add(e.target * 2);
  for (const ins of decodeInstructions(co.co_code)) {
    const startsLine = lineStarts.get(ins.offset);
    if (showLineno && startsLine !== undefined && ins.offset > 0) out.push('');
    const fields: string[] = [];
    if (linenoWidth) fields.push(startsLine !== undefined ? String(startsLine).padStart(linenoWidth) : ' '.repeat(linenoWidth));
    fields.push(ins.offset === lasti ? '-->' : '   ');
    fields.push(labels.has(ins.offset) ? '>>' : '  ');
    fields.push(String(ins.offset).padStart(offsetWidth));
    fields.push(ins.name.padEnd(OPNAME_WIDTH));
    if (ins.arg !== null) {
      fields.push(String(ins.arg).padStart(OPARG_WIDTH));
      const r = argRepr(co, ins.baseOpcode, ins.arg, ins.jumpTarget);
      if (r) fields.push('(' + r + ')');
    }
    out.push(fields.join(' ').trimEnd());
  }
  if (exceptionEntries.length > 0) {
    out.push('ExceptionTable:');
    for (const e of exceptionEntries) {
      out.push(`  ${e.start * 2} to ${e.end * 2 - 2} -> ${e.target * 2} [${e.depth}]${e.lasti ? ' lasti' : ''}`);
    }
  }
  return out;
}

function disassembleRecursive(co: CodeObject, out: string[]): void {
  for (const line of disassembleOne(co)) out.push(line);
  for (const c of co.co_consts) {
    if (c instanceof CodeObject) {
      out.push('');
      out.push(`Disassembly of ${codeRepr(c)}:`);
      disassembleRecursive(c, out);
    }
  }
}

/** What `python3 -m dis FILE` prints for the module code object `co` (with a final newline). */
export function disassemble(co: CodeObject): string {
  const out: string[] = [];
  disassembleRecursive(co, out);
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
