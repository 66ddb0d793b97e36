// Expression -> source text, as CPython's ast_unparse.c: the strings stored for annotations under
// `from __future__ import annotations`. Parentheses follow the same precedence rules.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { Ellipsis, PyComplex, PyFloat, literalRepr, strRepr } from '../values';

const enum Pr {
  TUPLE, TEST, OR, AND, NOT, CMP, EXPR, BOR = EXPR, BXOR, BAND, SHIFT, ARITH, TERM, FACTOR, POWER, AWAIT, ATOM,
}

const BINOP: Record<string, [string, number]> = {
  Add: [' + ', Pr.ARITH], Sub: [' - ', Pr.ARITH], Mult: [' * ', Pr.TERM], MatMult: [' @ ', Pr.TERM],
  Div: [' / ', Pr.TERM], Mod: [' % ', Pr.TERM], LShift: [' << ', Pr.SHIFT], RShift: [' >> ', Pr.SHIFT],
  BitOr: [' | ', Pr.BOR], BitXor: [' ^ ', Pr.BXOR], BitAnd: [' & ', Pr.BAND], FloorDiv: [' // ', Pr.TERM],
  Pow: [' ** ', Pr.POWER],
};
const CMPOP: Record<string, string> = {
  Eq: ' == ', NotEq: ' != ', Lt: ' < ', LtE: ' <= ', Gt: ' > ', GtE: ' >= ', Is: ' is ', IsNot: ' is not ',
  In: ' in ', NotIn: ' not in ',
};

function constRepr(v: any): string {
  if (v === Ellipsis) return '...';
  const r = literalRepr(v);
  if (v instanceof PyFloat || v instanceof PyComplex) return r.replace(/inf/g, '1e309');
  return r;
}

function args(a: any): string {
  const parts: string[] = [];
  const positional = [...a.posonlyargs, ...a.args];
  const defaultOffset = positional.length - a.defaults.length;
  positional.forEach((arg: any, i: number) => {
    let s = arg.arg;
    const di = i - defaultOffset;
    if (di >= 0) s += '=' + expr(a.defaults[di], Pr.TEST);
    parts.push(s);
    if (i + 1 === a.posonlyargs.length) parts.push('/');
  });
  if (a.vararg || a.kwonlyargs.length) parts.push('*' + (a.vararg ? a.vararg.arg : ''));
  a.kwonlyargs.forEach((arg: any, i: number) => {
    let s = arg.arg;
    const d = a.kw_defaults[i];
    if (d) s += '=' + expr(d, Pr.TEST);
    parts.push(s);
  });
  if (a.kwarg) parts.push('**' + a.kwarg.arg);
  return parts.join(', ');
}

function comprehensions(gens: any[]): string {
  let s = '';
  for (const g of gens) {
    s += g.is_async ? ' async for ' : ' for ';
    s += expr(g.target, Pr.TUPLE) + ' in ' + expr(g.iter, Pr.TEST + 1);
    for (const c of g.ifs) s += ' if ' + expr(c, Pr.TEST + 1);
  }
  return s;
}

function fstringElement(e: any, isFormatSpec: boolean): string {
  switch (e._type) {
    case 'Constant':
      return String(e.value).replace(/\{/g, '{{').replace(/\}/g, '}}');
    case 'JoinedStr':
      return joinedStr(e, isFormatSpec);
    case 'FormattedValue':
      return formattedValue(e);
  }
  throw new Error('unparse: unknown f-string element');
}

function joinedStr(e: any, isFormatSpec: boolean): string {
  const body = e.values.map((v: any) => fstringElement(v, isFormatSpec)).join('');
  return isFormatSpec ? body : 'f' + strRepr(body);
}

function formattedValue(e: any): string {
  const inner = expr(e.value, Pr.TEST + 1);
  let s = inner.startsWith('{') ? '{ ' : '{';
  s += inner;
  if (e.conversion > 0) s += '!' + String.fromCharCode(e.conversion);
  if (e.format_spec) s += ':' + fstringElement(e.format_spec, true);
  return s + '}';
}

function paren(cond: boolean, s: string): string {
  return cond ? '(' + s + ')' : s;
}

export function expr(e: any, level: number): string {
  switch (e._type) {
    case 'BoolOp': {
      const pr = e.op._type === 'And' ? Pr.AND : Pr.OR;
      const op = e.op._type === 'And' ? ' and ' : ' or ';
      return paren(level > pr, e.values.map((v: any) => expr(v, pr + 1)).join(op));
    }
    case 'BinOp': {
      const [op, pr] = BINOP[e.op._type];
      const rassoc = e.op._type === 'Pow' ? 1 : 0;
      return paren(level > pr, expr(e.left, pr + rassoc) + op + expr(e.right, pr + 1 - rassoc));
    }
    case 'UnaryOp': {
      const [op, pr] = e.op._type === 'Invert' ? ['~', Pr.FACTOR] : e.op._type === 'Not' ? ['not ', Pr.NOT]
        : e.op._type === 'UAdd' ? ['+', Pr.FACTOR] : ['-', Pr.FACTOR];
      return paren(level > (pr as number), (op as string) + expr(e.operand, pr as number));
    }
    case 'Lambda': {
      const a = args(e.args);
      return paren(level > Pr.TEST, 'lambda' + (a ? ' ' + a : '') + ': ' + expr(e.body, Pr.TEST));
    }
    case 'IfExp':
      return paren(level > Pr.TEST,
        expr(e.body, Pr.TEST + 1) + ' if ' + expr(e.test, Pr.TEST + 1) + ' else ' + expr(e.orelse, Pr.TEST));
    case 'Dict':
      return '{' + e.keys.map((k: any, i: number) =>
        k ? expr(k, Pr.TEST) + ': ' + expr(e.values[i], Pr.TEST) : '**' + expr(e.values[i], Pr.EXPR)).join(', ') + '}';
    case 'Set':
      if (!e.elts.length) return '{*()}';
      return '{' + e.elts.map((x: any) => expr(x, Pr.TEST)).join(', ') + '}';
    case 'GeneratorExp':
      return '(' + expr(e.elt, Pr.TEST) + comprehensions(e.generators) + ')';
    case 'ListComp':
      return '[' + expr(e.elt, Pr.TEST) + comprehensions(e.generators) + ']';
    case 'SetComp':
      return '{' + expr(e.elt, Pr.TEST) + comprehensions(e.generators) + '}';
    case 'DictComp':
      return '{' + expr(e.key, Pr.TEST) + ': ' + expr(e.value, Pr.TEST) + comprehensions(e.generators) + '}';
    case 'Await':
      return paren(level > Pr.AWAIT, 'await ' + expr(e.value, Pr.ATOM));
    case 'Yield':
      return e.value ? '(yield ' + expr(e.value, Pr.TEST) + ')' : '(yield)';
    case 'YieldFrom':
      return '(yield from ' + expr(e.value, Pr.TEST) + ')';
    case 'Compare': {
      let s = expr(e.left, Pr.CMP + 1);
      e.ops.forEach((op: any, i: number) => {
        s += CMPOP[op._type] + expr(e.comparators[i], Pr.CMP + 1);
      });
      return paren(level > Pr.CMP, s);
    }
    case 'Call': {
      let s = expr(e.func, Pr.ATOM);
      if (e.args.length === 1 && e.keywords.length === 0 && e.args[0]._type === 'GeneratorExp') {
        return s + expr(e.args[0], Pr.TEST);
      }
      const parts = e.args.map((a: any) => expr(a, Pr.TEST));
      for (const k of e.keywords) parts.push((k.arg ? k.arg + '=' : '**') + expr(k.value, Pr.TEST));
      s += '(' + parts.join(', ') + ')';
      return s;
    }
    case 'Constant':
      return (e.kind === 'u' ? 'u' : '') + constRepr(e.value);
    case 'JoinedStr':
      return joinedStr(e, false);
    case 'FormattedValue':
      return formattedValue(e);
    case 'Attribute': {
      const v = e.value;
      const isInt = v._type === 'Constant' && (typeof v.value === 'number' || typeof v.value === 'bigint');
      return expr(v, Pr.ATOM) + (isInt ? ' .' : '.') + e.attr;
    }
    case 'Subscript':
      return expr(e.value, Pr.ATOM) + '[' + expr(e.slice, Pr.TUPLE) + ']';
    case 'Starred':
      return '*' + expr(e.value, Pr.EXPR);
    case 'Slice': {
      let s = '';
      if (e.lower) s += expr(e.lower, Pr.TEST);
      s += ':';
      if (e.upper) s += expr(e.upper, Pr.TEST);
      if (e.step) s += ':' + expr(e.step, Pr.TEST);
      return s;
    }
    case 'Name':
      return e.id;
    case 'List':
      return '[' + e.elts.map((x: any) => expr(x, Pr.TEST)).join(', ') + ']';
    case 'Tuple': {
      if (!e.elts.length) return '()';
      let s = e.elts.map((x: any) => expr(x, Pr.TEST)).join(', ');
      if (e.elts.length === 1) s += ',';
      return paren(level > Pr.TUPLE, s);
    }
    case 'NamedExpr':
      return paren(level > Pr.TUPLE, expr(e.target, Pr.ATOM) + ' := ' + expr(e.value, Pr.ATOM));
  }
  throw new Error('unparse: unknown expression ' + e._type);
}

/** The string CPython stores for an annotation under `from __future__ import annotations`. */
export function unparseAnnotation(e: any): string {
  return expr(e, Pr.TEST);
}
