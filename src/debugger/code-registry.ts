// Stable ids for code objects, so that an instruction can be named by one number for DAP's
// instructionPointerReference / memoryReference: the code object's id in the high bits and the
// instruction's byte offset in the low 32 bits, written `0x...` (BigInt-parsable).
import { CodeObject } from '../bytecode/code';
import { DebuggerError } from './errors';

const OFFSET_BITS = 32n;
const OFFSET_MASK = (1n << OFFSET_BITS) - 1n;

export class CodeRegistry {
  private readonly ids = new WeakMap<CodeObject, number>();
  private readonly codes: CodeObject[] = [];

  /** The id of `code`, registering it (and the code objects nested in its co_consts) if new. */
  idOf(code: CodeObject): number {
    let id = this.ids.get(code);
    if (id === undefined) {
      this.codes.push(code);
      id = this.codes.length;
      this.ids.set(code, id);
      for (const c of code.co_consts) if (c instanceof CodeObject) this.idOf(c);
    }
    return id;
  }

  has(code: CodeObject): boolean {
    return this.ids.has(code);
  }

  byId(id: number): CodeObject | undefined {
    return this.codes[id - 1];
  }

  /** Every registered code object, in registration order. */
  all(): readonly CodeObject[] {
    return this.codes;
  }

  address(code: CodeObject, byteOffset: number): string {
    return formatAddress(this.idOf(code), byteOffset);
  }

  /** Parses an address made by `address` into its code object and byte offset. */
  resolve(reference: string): { code: CodeObject; offset: number } {
    const { codeId, offset } = parseAddress(reference);
    const code = this.byId(codeId);
    if (!code) throw new DebuggerError(`no code object for the address '${reference}'`);
    return { code, offset };
  }
}

export function formatAddress(codeId: number, byteOffset: number): string {
  return '0x' + ((BigInt(codeId) << OFFSET_BITS) + BigInt(byteOffset)).toString(16);
}

export function parseAddress(reference: string): { codeId: number; offset: number } {
  let value: bigint;
  try {
    value = BigInt(reference);
  } catch {
    throw new DebuggerError(`'${reference}' is not a pyvm instruction address`);
  }
  return { codeId: Number(value >> OFFSET_BITS), offset: Number(value & OFFSET_MASK) };
}
