// The runtime object model. Importing this module loads every builtin type's methods (the order
// matters only in that object.ts comes first; the rest use late-bound calls).
export * from './object';
export * from './collections';
export * from './exceptions';
export * from './func';
export * from './misc';
export * from './iter';
export * from './hooks';
export * as ops from './ops';
import './types-object';
import './types-num';
import './types-str';
import './types-seq';
export { newInstance, createClass, makeSuper, superGetattr, egSplit, dirOf } from './types-object';
export { toInt, toFloat, asInt, asFloat, roundFloat, parseIntLiteral } from './types-num';
export { PyByteArray, sliceIndices, sliceArray, bytesFrom, codePoints, hasAstral } from './types-str';
export { sortItems, dictUpdate, dictRepr, PyDictView } from './types-seq';
export { format, strFormat, percentFormat, asciiRepr } from './format';
