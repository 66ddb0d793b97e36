// Re-exports used by the math module.
export { PyBuiltin, T, newExc, valueError, typeError, asFloat, asInt, ops, PyTuple } from '../runtime';
export { floatToInt as floatToIntExport } from '../runtime/numbers';
