// Annotation strings under `from __future__ import annotations` (CPython's ast_unparse.c).
/* eslint-disable @typescript-eslint/no-explicit-any */
export function unparseAnnotation(e: any): string {
  void e;
  throw new Error('compiler: annotation unparsing not implemented yet');
}
