// DAP `disassemble`: exactly `count` instructions around an address, dis-style text, padded with
// invalid-instruction filler past either end of the code object.
import type { CodeObject } from '../bytecode/code';
import { argRepr } from '../bytecode/dis';
import { decodeInstructions, type Instruction } from '../bytecode/instructions';
import { addr2line } from '../bytecode/linetable';
import { formatAddress, type CodeRegistry } from './code-registry';
import type { InstructionInfo } from './types';

const OPNAME_WIDTH = 20;
const OPARG_WIDTH = 5;

/** One instruction as dis prints it, without the line/offset/label columns. */
export function instructionText(code: CodeObject, ins: Instruction): string {
  if (ins.arg === null) return ins.name;
  const r = argRepr(code, ins.baseOpcode, ins.arg, ins.jumpTarget);
  const text = `${ins.name.padEnd(OPNAME_WIDTH)} ${String(ins.arg).padStart(OPARG_WIDTH)}`;
  return r ? `${text} (${r})` : text;
}

function hex(bytes: Uint8Array, from: number, to: number): string {
  return [...bytes.subarray(from, to)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
}

/** Index of the instruction containing byte `offset` (caches belong to the instruction before). */
function indexAt(instructions: readonly Instruction[], offset: number): number {
  let lo = 0;
  let hi = instructions.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (instructions[mid].offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function disassemble(
  registry: CodeRegistry, reference: string, byteOffset: number, instructionOffset: number, count: number,
): InstructionInfo[] {
  const { code, offset } = registry.resolve(reference);
  const codeId = registry.idOf(code);
  const instructions = decodeInstructions(code);
  const first = indexAt(instructions, offset + byteOffset) + instructionOffset;
  const end = code.co_code.length;
  const out: InstructionInfo[] = [];
  for (let i = first; i < first + count; i++) {
    const ins = instructions[i];
    if (i < 0 || ins === undefined) {
      // Filler addresses continue the code object's 2-byte spacing outside its bounds.
      const at = i < 0 ? i * 2 : end + (i - instructions.length) * 2;
      out.push({ address: formatAddress(codeId, at), instruction: '(invalid)', presentationHint: 'invalid' });
      continue;
    }
    const line = addr2line(code, ins.offset);
    out.push({
      address: registry.address(code, ins.offset),
      instruction: instructionText(code, ins),
      // The opcode and argument bytes; the inline CACHE units after them are left out.
      instructionBytes: hex(code.co_code, ins.offset, ins.offset + 2),
      ...(ins.offset === 0 ? { symbol: code.co_qualname } : {}),
      path: code.co_filename,
      ...(line !== null ? { line } : {}),
      presentationHint: 'normal',
    });
  }
  return out;
}
