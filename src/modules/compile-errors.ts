// Converts the parser/compiler's SyntaxError into a Python SyntaxError exception object.
import { None } from '../values';
import { T, PyTuple, ops } from '../runtime';
import { setSyntaxErrorConverter } from '../vm/compile-hook';

export interface SyntaxErrorLike {
  kind: string;
  msg: string;
  filename: string;
  lineno: number;
  offset: number;
  text: string | null;
  end_lineno: number;
  end_offset: number;
}

export function syntaxErrorToPy(e: SyntaxErrorLike): any {
  const cls = T[e.kind] ?? T.SyntaxError;
  return ops.call(cls, [e.msg, new PyTuple([e.filename, e.lineno, e.offset, e.text ?? None, e.end_lineno, e.end_offset])]);
}

setSyntaxErrorConverter(syntaxErrorToPy);
