// Bundled by compiler-stdlib.mjs and bench/compile.bench.mjs: the pieces they call in-process.
export { compile, compileAst } from '../src/compiler';
export { disassemble } from '../src/bytecode/dis';
export { decodeSource, parse, PySyntaxError, formatSyntaxError } from '../src/parser';
export { encodeCode, normaliseFrozensets } from '../tests/compiler/support/load-ast';
