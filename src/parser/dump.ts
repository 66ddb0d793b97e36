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

function formatValue(v: unknown, attrs: boolean): string {
  if (isNode(v)) return formatNode(v, attrs);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return '[' + v.map((x) => formatValue(x, attrs)).join(', ') + ']';
  }
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'string') return strRepr(v);
  return literalRepr(v as LiteralValue);
}

function formatNode(node: { _type: NodeType }, attrs: boolean): string {
  const type = node._type;
  const rec = node as unknown as Record<string, unknown>;
  const args: string[] = [];
  for (const f of NODE_FIELDS[type]) {
    const v = rec[f];
    if ((v === null || v === undefined) && OPTIONAL.has(type + '.' + f)) continue;
    args.push(f + '=' + formatValue(v, attrs));
  }
  if (attrs) {
    for (const f of NODE_ATTRIBUTES[type]) {
      const v = rec[f];
      if (v === null || v === undefined) {
        if (f === 'end_lineno' || f === 'end_col_offset') continue;
        continue;
      }
      args.push(f + '=' + formatValue(v, attrs));
    }
  }
  return type + '(' + args.join(', ') + ')';
}

/** ast.dump(node, include_attributes=includeAttributes). */
export function dumpAst(node: unknown, includeAttributes = false): string {
  return formatValue(node, includeAttributes);
}
