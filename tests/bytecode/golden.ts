// Loads the python3-generated goldens (scripts/bytecode-goldens.py) for the bytecode tests.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const GOLDEN_DIR = join(__dirname, 'golden');

export interface GoldenCode {
  co_name: string;
  co_qualname: string;
  co_filename: string;
  co_firstlineno: number;
  co_argcount: number;
  co_posonlyargcount: number;
  co_kwonlyargcount: number;
  co_stacksize: number;
  co_flags: number;
  co_nlocals: number;
  co_code: string;
  co_consts: string[];
  co_names: string[];
  co_varnames: string[];
  co_cellvars: string[];
  co_freevars: string[];
  co_linetable: string;
  co_exceptiontable: string;
  co_positions: (number | null)[][];
  co_lines: (number | null)[][];
  co_lnotab: string;
  exception_table: { start: number; end: number; target: number; depth: number; lasti: boolean }[];
  code_info: string;
  /** offset, opname, arg, jump target, argrepr, starts_line, is_jump_target */
  instructions: [number, string, number | null, number | null, string, number | null, boolean][];
}

export function corpusNames(): string[] {
  return readdirSync(GOLDEN_DIR)
    .filter((f) => f.endsWith('.marshal'))
    .map((f) => f.slice(0, -'.marshal'.length))
    .sort();
}

export function loadGoldenCodes(name: string): GoldenCode[] {
  return JSON.parse(readFileSync(join(GOLDEN_DIR, name + '.json'), 'utf8'));
}

export function hex(h: string): Uint8Array {
  return Uint8Array.from(Buffer.from(h, 'hex'));
}

export function toHex(b: Uint8Array): string {
  return Buffer.from(b).toString('hex');
}

/** Code object reprs carry addresses; both sides are normalised. */
export function normaliseAddresses(s: string): string {
  return s.replace(/ at 0x[0-9a-f]+/g, ' at 0xADDR');
}
