// The source compiler used by compile()/exec()/eval() and `pyvm run`. src/vm may import the
// compiler directly; it is registered here so the VM also works (from marshal data) in builds and
// tests where the compiler is not wanted.
import type { CodeObject } from '../bytecode/code';

export type Compiler = (source: string, filename: string, mode: string) => CodeObject;
let compiler: Compiler | null = null;

export function setCompiler(c: Compiler | null): void {
  compiler = c;
}
export function getCompiler(): Compiler | null {
  return compiler;
}
