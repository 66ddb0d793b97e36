// Helpers over expression nodes used by the parser's error rules (CPython's pegen helpers).
import type { expr } from './ast-nodes';
import { PyEllipsisType, PyNoneType } from '../values';

/** The noun CPython uses for an expression in "cannot assign to ..." messages. */
export function exprName(e: expr): string {
  switch (e._type) {
    case 'Attribute': return 'attribute';
    case 'Subscript': return 'subscript';
    case 'Starred': return 'starred';
    case 'Name': return 'name';
    case 'List': return 'list';
    case 'Tuple': return 'tuple';
    case 'Lambda': return 'lambda';
    case 'Call': return 'function call';
    case 'BoolOp': case 'BinOp': case 'UnaryOp': return 'expression';
    case 'GeneratorExp': return 'generator expression';
    case 'Yield': case 'YieldFrom': return 'yield expression';
    case 'Await': return 'await expression';
    case 'ListComp': return 'list comprehension';
    case 'SetComp': return 'set comprehension';
    case 'DictComp': return 'dict comprehension';
    case 'Dict': return 'dict literal';
    case 'Set': return 'set display';
    case 'JoinedStr': case 'FormattedValue': return 'f-string expression';
    case 'Constant': {
      const v = e.value;
      if (v instanceof PyNoneType) return 'None';
      if (v === true) return 'True';
      if (v === false) return 'False';
      if (v instanceof PyEllipsisType) return 'ellipsis';
      return 'literal';
    }
    case 'Compare': return 'comparison';
    case 'IfExp': return 'conditional expression';
    case 'NamedExpr': return 'named expression';
  }
  return 'expression';
}

export const enum TargetsType { STAR = 0, DEL = 1, FOR = 2 }

/** The first sub-expression that cannot be a target, or null (CPython's _PyPegen_get_invalid_target). */
export function invalidTarget(e: expr, type: TargetsType): expr | null {
  switch (e._type) {
    case 'List':
    case 'Tuple':
      for (const elt of e.elts) {
        const r = invalidTarget(elt, type);
        if (r) return r;
      }
      return null;
    case 'Starred':
      if (type === TargetsType.DEL) return e;
      return invalidTarget(e.value, type);
    case 'Compare':
      if (type === TargetsType.FOR) {
        if (e.ops[0]._type === 'In') return invalidTarget(e.left, type);
        return null;
      }
      return e;
    case 'Name':
    case 'Subscript':
    case 'Attribute':
      return null;
    default:
      return e;
  }
}
