// The bytecode layer's public surface: the instruction table, code objects, the line and
// exception table codecs, stack effects, instruction decoding, marshal and dis.
export * from './opcodes';
export * from './code';
export * from './linetable';
export * from './exception-table';
export * from './stack-effect';
export * from './instructions';
export * from './marshal';
export * from './dis';
export * from './const-repr';
export * from './const-hash';
export * from './code-diff';
