// Decoding co_code into instructions the way dis does (_unpack_opargs): caches skipped,
// EXTENDED_ARG prefixes folded into the following argument (dis still lists each prefix, showing
// the combined value so far), jump targets resolved to byte offsets.
import type { CodeObject } from './code';
import { EXTENDED_ARG, HAVE_ARGUMENT, INSTRUCTIONS, type OpInfo } from './opcodes';

/** OpInfo by opcode number (undefined for unused numbers). */
export const OPINFO: readonly (OpInfo | undefined)[] = (() => {
  const table: (OpInfo | undefined)[] = new Array(256).fill(undefined);
  for (const info of INSTRUCTIONS) table[info.code] = info;
  return table;
})();

/** Base opcode of a specialised one (itself for base opcodes), as dis._deoptop. */
export const DEOPT: Uint8Array = (() => {
  const table = new Uint8Array(256);
  const byName = new Map(INSTRUCTIONS.map((i) => [i.name, i.code]));
  for (let op = 0; op < 256; op++) {
    const info = OPINFO[op];
    table[op] = info?.family ? byName.get(info.family)! : op;
  }
  return table;
})();

/** Inline CACHE units after each opcode (by number; specialised opcodes share their family's). */
export const INLINE_CACHE_ENTRIES: Uint8Array = (() => {
  const table = new Uint8Array(256);
  for (let op = 0; op < 256; op++) table[op] = OPINFO[DEOPT[op]]?.caches ?? 0;
  return table;
})();

/** dis's name for any opcode number (`<N>` for unused ones). */
export function opName(op: number): string {
  return OPINFO[op]?.name ?? `<${op}>`;
}

export interface Instruction {
  /** Byte offset of this instruction. */
  offset: number;
  /** Byte offset of the first EXTENDED_ARG prefix feeding this instruction (= offset if none). */
  start: number;
  opcode: number;
  /** Opcode after deoptimisation (the base instruction of a specialised one). */
  baseOpcode: number;
  name: string;
  /** The argument with EXTENDED_ARG prefixes folded in (as dis shows it); null without one. */
  arg: number | null;
  /** Byte offset a relative jump goes to; null for other instructions. */
  jumpTarget: number | null;
  /** Inline CACHE units following the instruction. */
  caches: number;
}

const INT_OVERFLOW = 2 ** 31;

/** Yields co_code's instructions in order. */
export function* iterInstructions(code: Pick<CodeObject, 'co_code'> | Uint8Array): Generator<Instruction> {
  const bytes = code instanceof Uint8Array ? code : code.co_code;
  let extendedArg = 0;
  let start = 0;
  for (let i = 0; i + 1 < bytes.length; ) {
    const op = bytes[i];
    const deop = DEOPT[op];
    const info = OPINFO[deop];
    const caches = info ? info.caches : 0;
    let arg: number | null = null;
    if (deop >= HAVE_ARGUMENT) {
      arg = bytes[i + 1] + extendedArg;
      if (deop === EXTENDED_ARG) {
        extendedArg = arg * 256;
        // The oparg is a C int: an overflowing prefix wraps negative, as dis mirrors.
        if (extendedArg >= INT_OVERFLOW) extendedArg -= 2 * INT_OVERFLOW;
      } else extendedArg = 0;
    } else extendedArg = 0;
    let jumpTarget: number | null = null;
    if (arg !== null && info) {
      if (info.argKind === 'JumpForward') jumpTarget = i + 2 + arg * 2;
      else if (info.argKind === 'JumpBackward') jumpTarget = i + 2 - arg * 2;
    }
    yield { offset: i, start, opcode: op, baseOpcode: deop, name: opName(op), arg, jumpTarget, caches };
    i += 2 * (1 + caches);
    if (deop !== EXTENDED_ARG) start = i;
  }
}

const decodedCache = new WeakMap<Uint8Array, Instruction[]>();

/**
 * All instructions of co_code, memoised per co_code array (so never rewrite a co_code array in
 * place: quickening or patching must work on a copy).
 */
export function decodeInstructions(code: Pick<CodeObject, 'co_code'> | Uint8Array): Instruction[] {
  const bytes = code instanceof Uint8Array ? code : code.co_code;
  let out = decodedCache.get(bytes);
  if (!out) {
    out = [...iterInstructions(bytes)];
    decodedCache.set(bytes, out);
  }
  return out;
}

/** dis.findlabels: byte offsets that relative jumps target, in first-seen order. */
export function findLabels(code: Pick<CodeObject, 'co_code'> | Uint8Array): number[] {
  const labels: number[] = [];
  const seen = new Set<number>();
  for (const ins of decodeInstructions(code)) {
    if (ins.jumpTarget !== null && !seen.has(ins.jumpTarget)) {
      seen.add(ins.jumpTarget);
      labels.push(ins.jumpTarget);
    }
  }
  return labels;
}
