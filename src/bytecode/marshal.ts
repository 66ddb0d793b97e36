// marshal (format version 4): reader, writer and .pyc support. See marshal-format.ts for the
// value types, marshal-read.ts and marshal-write.ts for the two directions.
export {
  MarshalDict,
  MarshalError,
  MarshalList,
  MarshalSet,
  MarshalStopIteration,
  StopIterationMarker,
  type MarshalValue,
} from './marshal-format';
export { loadMarshal, loadPyc, PYC_MAGIC, type PycFile } from './marshal-read';
export { dumpMarshal, dumpPyc } from './marshal-write';
