// Python's literal values, as they appear in source (AST Constant nodes) and in code objects
// (co_consts). This folder is the bottom of the import graph: every layer may import it and it
// imports nothing. The representation is the one the VM runs on:
//   int   -> a JS number while it is a safe integer, a bigint beyond (never a bigint inside the safe range)
//   bool  -> a JS boolean
//   str   -> a JS string (UTF-16; code-point semantics are the runtime's concern)
//   float, complex, bytes, None, Ellipsis -> the classes and singletons below
export { PyFloat, PyComplex, PyBytes, PyNoneType, PyEllipsisType, None, Ellipsis, makeInt } from './literals';
export type { PyInt, LiteralValue } from './literals';
export { isPrintableCodePoint, floatRepr, floatReprNoDot, complexRepr, strRepr, bytesRepr, intRepr, literalRepr } from './repr';
