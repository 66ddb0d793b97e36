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

/** Converts the parser/compiler's SyntaxError into a Python exception (registered by src/modules). */
let syntaxErrorConverter: ((e: any) => any) | null = null;
export function setSyntaxErrorConverter(f: (e: any) => any): void {
  syntaxErrorConverter = f;
}
export function convertSyntaxError(e: any): any {
  return syntaxErrorConverter ? syntaxErrorConverter(e) : e;
}
