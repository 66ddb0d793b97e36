// Presenting Python values to a debugger client: reprs, type names, and expandable children
// (list/tuple items, dict entries, set members, instance attributes). References are valid only
// while the program is stopped; `reset` drops them when it resumes.
import { PyCell, PyHashed, PyList, PyObject, PySet, PyTuple, ops, typeOf } from '../runtime';
import type { VariableInfo } from './types';

/** Longest repr shown before it is cut with '...'. */
const MAX_REPR = 2000;
/** Most children listed for one container. */
const MAX_CHILDREN = 1000;

export class ValueInspector {
  private expanders: (() => VariableInfo[])[] = [];
  private indexed = new Set<number>();
  /** References keep increasing across stops, so a client never mistakes a new one for an old. */
  private base = 0;

  reset(): void {
    this.base += this.expanders.length;
    this.expanders = [];
    this.indexed.clear();
  }

  /** A new reference whose children `expand` lists (`indexed`: they are all indexed, none named). */
  reference(expand: () => VariableInfo[], indexed = false): number {
    this.expanders.push(expand);
    const reference = this.base + this.expanders.length;
    if (indexed) this.indexed.add(reference);
    return reference;
  }

  isIndexed(reference: number): boolean {
    return this.indexed.has(reference);
  }

  children(reference: number): VariableInfo[] | undefined {
    return this.expanders[reference - this.base - 1]?.();
  }

  /** One named value: repr, type, and a reference when it has children. */
  variable(name: string, value: unknown): VariableInfo {
    if (value === undefined || value === null) return { name, value: 'NULL', variablesReference: 0 };
    const expand = this.expander(value);
    return {
      name,
      value: safeRepr(value),
      type: typeName(value),
      variablesReference: expand ? this.reference(expand) : 0,
    };
  }

  private expander(value: unknown): (() => VariableInfo[]) | undefined {
    if (value instanceof PyList || value instanceof PyTuple) {
      const items = value.items;
      if (items.length === 0) return undefined;
      return () => items.slice(0, MAX_CHILDREN).map((v, i) => this.variable(`[${i}]`, v));
    }
    if (value instanceof PySet) {
      if (value.size === 0) return undefined;
      return () => value.keyList().slice(0, MAX_CHILDREN).map((k, i) => this.variable(`<${i}>`, k));
    }
    if (value instanceof PyHashed) {
      if (value.size === 0) return undefined;
      return () => {
        const keys = value.keyList();
        const vals = value.valList();
        return keys.slice(0, MAX_CHILDREN).map((k, i) => this.variable(safeRepr(k), vals[i]));
      };
    }
    if (value instanceof PyCell) return () => [this.variable('cell_contents', value.contents)];
    if (value instanceof PyObject && value.dict !== null && value.dict.size > 0) {
      const dict = value.dict;
      return () => {
        const keys = dict.keyList();
        const vals = dict.valList();
        return keys.slice(0, MAX_CHILDREN).map((k, i) => this.variable(typeof k === 'string' ? k : safeRepr(k), vals[i]));
      };
    }
    return undefined;
  }
}

export function typeName(value: unknown): string {
  try {
    return typeOf(value).name;
  } catch {
    return '?';
  }
}

/** repr(value), never throwing: a failing __repr__ shows as CPython's debuggers show it. */
export function safeRepr(value: unknown): string {
  if (value === undefined || value === null) return 'NULL';
  let text: string;
  try {
    text = ops.repr(value);
  } catch (err) {
    text = `<repr() failed: ${describeError(err)}>`;
  }
  return text.length > MAX_REPR ? text.slice(0, MAX_REPR) + '...' : text;
}

/** `TypeName: message` for a Python exception thrown as a JS exception (or a JS error). */
export function describeError(err: unknown): string {
  const exc = (err as { pyExc?: unknown })?.pyExc ?? err;
  if (exc instanceof PyObject) {
    let message = '';
    try {
      message = ops.str(exc);
    } catch { /* keep the type name alone */ }
    return message ? `${typeName(exc)}: ${message}` : typeName(exc);
  }
  return err instanceof Error ? err.message : String(err);
}
