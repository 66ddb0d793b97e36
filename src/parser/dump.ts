// ast.dump(node, include_attributes=...) exactly as CPython 3.11 formats it (no indent).
import { NODE_ATTRIBUTES, NODE_FIELDS, type NodeType } from './ast-nodes';
import { literalRepr, strRepr, type LiteralValue } from '../values';

// Fields whose class default is None (`?` in the ASDL): ast.dump omits them when they are None.
const OPTIONAL = new Set([
  'AnnAssign.value', 'Assert.msg', 'Assign.type_comment', 'AsyncFor.type_comment', 'AsyncFunctionDef.returns',
  'AsyncFunctionDef.type_comment', 'AsyncWith.type_comment', 'Constant.kind', 'ExceptHandler.name', 'ExceptHandler.type',
  'For.type_comment', 'FormattedValue.format_spec', 'FunctionDef.returns', 'FunctionDef.type_comment', 'ImportFrom.level',
  'ImportFrom.module', 'MatchAs.name', 'MatchAs.pattern', 'MatchMapping.rest', 'MatchStar.name', 'Raise.cause', 'Raise.exc',
  'Return.value', 'Slice.lower', 'Slice.step', 'Slice.upper', 'With.type_comment', 'Yield.value', 'alias.asname',
  'arg.annotation', 'arg.type_comment', 'arguments.kwarg', 'arguments.vararg', 'keyword.arg', 'match_case.guard',
  'withitem.optional_vars',
]);

function isNode(v: unknown): v is { _type: NodeType } {
  return typeof v === 'object' && v !== null && typeof (v as { _type?: unknown })._type === 'string';
}

/** Appends the repr of a field value; one frame per AST level so deep trees fit the JS stack. */
function emit(v: unknown, attrs: boolean, out: string[]): void {
  if (v === null || v === undefined) { out.push('None'); return; }
  if (typeof v === 'string') { out.push(strRepr(v)); return; }
  if (Array.isArray(v)) {
    if (v.length === 0) { out.push('[]'); return; }
    out.push('[');
    for (let i = 0; i < v.length; i++) {
      if (i) out.push(', ');
      emit(v[i], attrs, out);
    }
    out.push(']');
    return;
  }
  if (!isNode(v)) { out.push(literalRepr(v as LiteralValue)); return; }
  const type = v._type;
  const rec = v as unknown as Record<string, unknown>;
  out.push(type, '(');
  let first = true;
  for (const f of NODE_FIELDS[type]) {
    const x = rec[f];
    if ((x === null || x === undefined) && OPTIONAL.has(type + '.' + f)) continue;
    if (!first) out.push(', ');
    first = false;
    out.push(f, '=');
    emit(x, attrs, out);
  }
  if (attrs) {
    for (const f of NODE_ATTRIBUTES[type]) {
      const x = rec[f];
      if (x === null || x === undefined) continue; // end positions are optional
      if (!first) out.push(', ');
      first = false;
      out.push(f, '=', String(x));
    }
  }
  out.push(')');
}

/** ast.dump(node, include_attributes=includeAttributes). */
export function dumpAst(node: unknown, includeAttributes = false): string {
  const out: string[] = [];
  emit(node, includeAttributes, out);
  return out.join('');
}
