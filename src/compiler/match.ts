// Code generation for the match statement (compile.c compiler_match and compiler_pattern_*).
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Compiler } from './codegen';

export function compileMatch(c: Compiler, s: any): void {
  void c;
  void s;
  throw new Error('compiler: match statement not implemented yet');
}
