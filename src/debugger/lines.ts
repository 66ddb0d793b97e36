// Which source lines have code: where a line breakpoint can bind, and where it moves to when set
// on a line without code (the next line that has some, as pdb and debugpy do).
import { CodeObject } from '../bytecode/code';
import { coLines } from '../bytecode/linetable';
import type { BreakpointState } from './types';

/** Lines holding at least one instruction in `code` or the code objects nested in it. */
export function executableLines(code: CodeObject, into = new Set<number>()): Set<number> {
  for (const [start, end, line] of coLines(code)) {
    if (line !== null && end > start) into.add(line);
  }
  for (const c of code.co_consts) if (c instanceof CodeObject) executableLines(c, into);
  return into;
}

/** Binds each requested line to the first executable line at or after it. */
export function bindBreakpoints(requested: readonly number[], lines: ReadonlySet<number>): BreakpointState[] {
  const sorted = [...lines].sort((a, b) => a - b);
  return requested.map((line) => {
    const bound = sorted.find((l) => l >= line);
    return bound === undefined
      ? { line, verified: false, message: 'no code on or after this line' }
      : { line: bound, verified: true };
  });
}
