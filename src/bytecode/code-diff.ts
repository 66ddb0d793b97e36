// Field-by-field comparison of two code objects (ours against CPython's, e.g. from marshal), for
// compiler conformance tests: it names the first difference in each field the way a reader
// would look for it (the dis line of the first differing instruction, the first differing
// co_positions entry, ...), recursing into nested code objects.
import { CodeObject } from './code';
import { constRepr } from './const-repr';
import { disassembleOne } from './dis';
import { decodeExceptionTable } from './exception-table';
import { codePositions } from './linetable';

export interface CodeDifference {
  /** Which code object: qualnames from the module down, e.g. `<module>/f/f.<locals>.g`. */
  path: string;
  field: string;
  ours: string;
  theirs: string;
}

export interface DiffOptions {
  /** Skip co_filename (handy when the two were compiled under different paths). */
  ignoreFilename?: boolean;
}

const SCALARS = [
  'co_argcount',
  'co_posonlyargcount',
  'co_kwonlyargcount',
  'co_stacksize',
  'co_flags',
  'co_name',
  'co_qualname',
  'co_firstlineno',
  'co_filename',
] as const;

const norm = (s: string) => s.replace(/ at 0x[0-9a-f]+/g, ' at 0x?');

/** The first index where two lists differ, or -1. */
function firstDifference<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (!same(a[i], b[i])) return i;
  return a.length === b.length ? -1 : n;
}

function diffList(out: CodeDifference[], path: string, field: string, a: readonly string[], b: readonly string[]): void {
  const i = firstDifference(a, b, (x, y) => x === y);
  if (i >= 0) out.push({ path, field: `${field}[${i}]`, ours: a[i] ?? '(missing)', theirs: b[i] ?? '(missing)' });
}

/** Differences between `ours` and `theirs`, nested code objects included; empty when equal. */
export function diffCode(ours: CodeObject, theirs: CodeObject, options: DiffOptions = {}, path = ''): CodeDifference[] {
  const out: CodeDifference[] = [];
  const here = path ? `${path}/${theirs.co_qualname}` : theirs.co_qualname;
  for (const f of SCALARS) {
    if (f === 'co_filename' && options.ignoreFilename) continue;
    if (ours[f] !== theirs[f]) out.push({ path: here, field: f, ours: String(ours[f]), theirs: String(theirs[f]) });
  }
  diffList(out, here, 'co_names', ours.co_names, theirs.co_names);
  diffList(out, here, 'co_localsplusnames', ours.co_localsplusnames, theirs.co_localsplusnames);
  diffList(out, here, 'co_localspluskinds', [...ours.co_localspluskinds].map(String), [...theirs.co_localspluskinds].map(String));
  const constText = (c: CodeObject) => c.co_consts.map((k) => (k instanceof CodeObject ? `<code ${k.co_qualname}>` : norm(constRepr(k))));
  diffList(out, here, 'co_consts', constText(ours), constText(theirs));
  // Bytecode: compare dis lines, which show the instruction and its argument meaning.
  const disLines = (c: CodeObject) => disassembleOne(c).filter((l) => l !== '').map((l) => norm(l));
  const a = disLines(ours);
  const b = disLines(theirs);
  const i = firstDifference(a, b, (x, y) => x === y);
  if (i >= 0) out.push({ path: here, field: 'dis', ours: a[i] ?? '(end)', theirs: b[i] ?? '(end)' });
  const pos = (c: CodeObject) =>
    codePositions(c).map((p, u) => `${u * 2}: (${p.lineno}, ${p.endLineno}, ${p.col}, ${p.endCol})`);
  diffList(out, here, 'co_positions', pos(ours), pos(theirs));
  const exc = (c: CodeObject) =>
    decodeExceptionTable(c.co_exceptiontable).map((e) => `${e.start * 2} to ${e.end * 2 - 2} -> ${e.target * 2} [${e.depth}]${e.lasti ? ' lasti' : ''}`);
  diffList(out, here, 'co_exceptiontable', exc(ours), exc(theirs));
  // Nested code objects pair up by position among the code constants.
  const codesA = ours.co_consts.filter((c): c is CodeObject => c instanceof CodeObject);
  const codesB = theirs.co_consts.filter((c): c is CodeObject => c instanceof CodeObject);
  for (let k = 0; k < Math.min(codesA.length, codesB.length); k++) out.push(...diffCode(codesA[k], codesB[k], options, here));
  return out;
}
