// Formats uncaught exceptions exactly as CPython 3.11's C traceback printer does: chained
// exceptions, "[Previous line repeated N more times]", source lines and the ^^^/~~~^~~~ markers
// drawn from co_positions.
import { readFileSync } from 'node:fs';
import { None } from '../values';
import { T, typeOf, PyBaseException, PyTraceback, PyExceptionGroup, PyList, ops } from '../runtime';
import { positionsOf } from './trace';
import type { Frame } from './frame';

const sources = new Map<string, string[] | null>();

/** Registers the source text of a file (so tracebacks show exactly what was compiled). */
export function registerSource(filename: string, text: string): void {
  sources.set(filename, text.split(/\r?\n/));
}

export function sourceLine(filename: string, lineno: number): string | null {
  let lines = sources.get(filename);
  if (lines === undefined) {
    try {
      lines = readFileSync(filename, 'utf8').split(/\r?\n/);
    } catch {
      lines = null;
    }
    sources.set(filename, lines);
  }
  if (!lines || lineno < 1 || lineno > lines.length) return null;
  return lines[lineno - 1];
}

function utf8ToCharOffset(line: string, byteOffset: number): number {
  const bytes = Buffer.from(line, 'utf8');
  return [...bytes.subarray(0, byteOffset).toString('utf8')].length;
}

// ---- caret anchors: find the root BinOp operator or Subscript brackets of a segment ----
interface Tok {
  s: string;
  start: number;
  end: number;
  kind: 'name' | 'num' | 'str' | 'op' | 'open' | 'close';
}
function tokenize(seg: string): Tok[] | null {
  const re = /\s+|([rRbBfFuU]{0,2}("""|'''|"|')(?:\\.|(?!\2).)*?\2)|([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)|(\d[\w.]*(?:[eE][+-]?\d+)?j?|\.\d+)|(\*\*=?|\/\/=?|<<=?|>>=?|[<>!=]=|->|:=|[-+*/%@&|^~<>=.,:;])|([([{])|([)\]}])/gy;
  const out: Tok[] = [];
  let m: RegExpExecArray | null;
  let pos = 0;
  while (pos < seg.length) {
    re.lastIndex = pos;
    m = re.exec(seg);
    if (!m || m[0].length === 0) return null;
    const s = m[0];
    const start = pos;
    pos += s.length;
    if (/^\s+$/.test(s)) continue;
    const kind = m[1] ? 'str' : m[3] ? 'name' : m[4] ? 'num' : m[5] ? 'op' : m[6] ? 'open' : 'close';
    out.push({ s, start, end: pos, kind });
  }
  return out;
}
const BIN_PREC: Record<string, number> = { '|': 1, '^': 2, '&': 3, '<<': 4, '>>': 4, '+': 5, '-': 5, '*': 6, '@': 6, '/': 6, '//': 6, '%': 6, '**': 8 };
const LOW_WORDS = new Set(['and', 'or', 'not', 'if', 'else', 'lambda', 'in', 'is', 'for', 'await', 'yield']);

/** [leftEnd, rightStart] character anchors inside the segment, or null. */
function anchors(seg: string): [number, number] | null {
  const toks = tokenize(seg);
  if (!toks || toks.length === 0) return null;
  let depth = 0;
  let best: { tok: Tok; prec: number; idx: number } | null = null;
  let prevOperand = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind === 'open') {
      depth++;
      prevOperand = false;
      continue;
    }
    if (t.kind === 'close') {
      depth--;
      prevOperand = true;
      continue;
    }
    if (depth > 0) continue;
    if (t.kind === 'name' && LOW_WORDS.has(t.s)) return null;
    if (t.kind === 'op') {
      if (t.s === '.') {
        prevOperand = false;
        continue;
      }
      const p = BIN_PREC[t.s];
      if (p === undefined) return null; // comparison, comma, walrus, ... : not a BinOp root
      if (!prevOperand) {
        if (t.s === '-' || t.s === '+' || t.s === '~') continue; // unary
        return null;
      }
      if (!best || p < best.prec || (p === best.prec && p !== 8)) best = { tok: t, prec: p, idx: i };
      prevOperand = false;
      continue;
    }
    if (t.s === '~') continue;
    prevOperand = true;
  }
  if (best) {
    // Unary minus binds tighter than everything but **: "-a ** b" is fine, but a root that is a
    // unary op with a lower-precedence binop inside cannot happen at depth 0.
    return [best.tok.start, best.tok.end];
  }
  // Subscript: ends with ']' whose '[' is at depth 0 and follows an operand.
  const last = toks[toks.length - 1];
  if (last.s !== ']') return null;
  let d = 0;
  for (let i = toks.length - 1; i >= 0; i--) {
    const t = toks[i];
    if (t.kind === 'close') d++;
    else if (t.kind === 'open') {
      d--;
      if (d === 0) {
        if (t.s !== '[' || i === 0) return null;
        if (toks[0].kind === 'op') return null; // unary op root
        const valueEnd = toks[i - 1].end;
        // slice end: the last token before ']'
        const sliceEnd = i + 1 < toks.length - 1 ? toks[toks.length - 2].end : t.end;
        return [valueEnd, sliceEnd + 1];
      }
    }
  }
  return null;
}

function caretLine(line: string, pos: { lineno: number | null; endLineno: number | null; col: number | null; endCol: number | null }): string | null {
  if (pos.lineno === null || pos.endLineno === null || pos.col === null || pos.endCol === null) return null;
  const start = utf8ToCharOffset(line, pos.col);
  let end = utf8ToCharOffset(line, pos.endCol);
  const chars = [...line];
  if (pos.lineno !== pos.endLineno) {
    let i = chars.length;
    while (i > 0 && /\s/.test(chars[i - 1])) i--;
    end = i;
  }
  if (start >= end) return null;
  let anc: [number, number] | null = null;
  if (pos.lineno === pos.endLineno) {
    const seg = chars.slice(start, end).join('');
    anc = anchors(seg);
  }
  let indent = 0;
  while (indent < chars.length && (chars[indent] === ' ' || chars[indent] === '\t' || chars[indent] === '\f')) indent++;
  const strippedLen = chars.length - indent;
  if (end - start === strippedLen && !anc) return null;
  if (end - start >= strippedLen && !anc && pos.lineno !== pos.endLineno && start <= indent) return null;
  let out = '    ' + ' '.repeat(start - indent);
  for (let i = start; i < end; i++) {
    const rel = i - start;
    if (anc) out += rel >= anc[0] && rel < anc[1] ? '^' : '~';
    else out += '^';
  }
  return out;
}

function formatEntry(tb: PyTraceback): string {
  const frame = tb.tb_frame as Frame;
  const code = frame.f_code;
  let s = `  File "${code.co_filename}", line ${tb.tb_lineno < 0 ? '?' : tb.tb_lineno}, in ${code.co_name}\n`;
  const line = tb.tb_lineno > 0 ? sourceLine(code.co_filename, tb.tb_lineno) : null;
  if (line !== null) {
    const stripped = line.replace(/^[ \t\f]+/, '');
    if (stripped.length) {
      s += '    ' + stripped + '\n';
      const pos = positionsOf(code)[tb.tb_lasti >> 1];
      if (pos && pos.lineno === tb.tb_lineno) {
        const c = caretLine(line, pos);
        if (c !== null) s += c + '\n';
      }
    }
  }
  return s;
}

const TB_RECURSIVE_CUTOFF = 3;

export function formatTracebackEntries(tb: PyTraceback | null, limit = 1000): string {
  let out = '';
  let depth = 0;
  for (let t = tb; t; t = t.tb_next) depth++;
  while (tb && depth > limit) {
    depth--;
    tb = tb.tb_next;
  }
  let lastFile: string | null = null;
  let lastLine = -1;
  let lastName: string | null = null;
  let cnt = 0;
  for (let t = tb; t; t = t.tb_next) {
    const code = (t.tb_frame as Frame).f_code;
    if (lastFile === null || code.co_filename !== lastFile || lastLine === -1 || t.tb_lineno !== lastLine || code.co_name !== lastName) {
      if (cnt > TB_RECURSIVE_CUTOFF) out += repeated(cnt);
      lastFile = code.co_filename;
      lastLine = t.tb_lineno;
      lastName = code.co_name;
      cnt = 0;
    }
    cnt++;
    if (cnt <= TB_RECURSIVE_CUTOFF) out += formatEntry(t);
  }
  if (cnt > TB_RECURSIVE_CUTOFF) out += repeated(cnt);
  return out;
}
function repeated(cnt: number): string {
  const n = cnt - TB_RECURSIVE_CUTOFF;
  return `  [Previous line repeated ${n} more time${n > 1 ? 's' : ''}]\n`;
}

/** "TypeName: message" as print_exception writes it (module-qualified outside builtins/__main__). */
export function formatExceptionOnly(exc: PyBaseException): string {
  const t = typeOf(exc);
  let name = t.qualname;
  const mod = t.heap ? ops.getattrOpt(t, '__module__') : t.module;
  if (typeof mod === 'string' && mod !== 'builtins' && mod !== '__main__') name = `${mod}.${name}`;
  if (t.isSubtypeOf(T.SyntaxError)) return formatSyntaxErrorExc(exc, name);
  let msg: string;
  try {
    msg = ops.str(exc);
  } catch {
    msg = '<exception str() failed>';
  }
  let s = msg === '' ? `${name}\n` : `${name}: ${msg}\n`;
  const notes = exc.dict?.getStr('__notes__');
  if (notes !== undefined) {
    if (notes instanceof PyList) {
      for (const n of notes.items) {
        try {
          s += (typeof n === 'string' ? n : ops.str(n)) + '\n';
        } catch {
          s += '<note str() failed>\n';
        }
      }
    } else {
      try {
        s += ops.repr(notes) + '\n';
      } catch {
        s += '<__notes__ repr() failed>\n';
      }
    }
  }
  return s;
}

function formatSyntaxErrorExc(exc: PyBaseException, name: string): string {
  const g = (k: string) => ops.getattrOpt(exc, k);
  const msg = g('msg');
  const filename = g('filename');
  const lineno = g('lineno');
  const text = g('text');
  const offset = g('offset');
  const endOffset = g('end_offset');
  let s = '';
  if (filename !== None && filename !== undefined) s += `  File "${ops.str(filename)}", line ${lineno !== None ? ops.str(lineno) : '?'}\n`;
  if (typeof text === 'string') {
    const line = text.replace(/\n$/, '');
    const lstripped = line.replace(/^[ \t\f]+/, '');
    const removed = line.length - lstripped.length;
    const stripped = lstripped.replace(/\s+$/, '');
    s += `    ${stripped}\n`;
    if (typeof offset === 'number' && offset >= 1) {
      let start = offset - 1 - removed;
      let end = typeof endOffset === 'number' && endOffset > offset ? endOffset - 1 - removed : start + 1;
      if (start < 0) start = 0;
      if (end > stripped.length) end = Math.max(start + 1, stripped.length);
      s += '    ' + ' '.repeat(start) + '^'.repeat(Math.max(1, end - start)) + '\n';
    }
  }
  s += `${name}: ${msg === undefined || msg === None ? '' : ops.str(msg)}\n`;
  return s;
}

/** The full report for an uncaught exception (with its cause/context chain). */
export function formatException(exc: PyBaseException): string {
  const seen = new Set<PyBaseException>();
  return formatRecursive(exc, seen);
}

function formatRecursive(exc: PyBaseException, seen: Set<PyBaseException>): string {
  seen.add(exc);
  let out = '';
  if (exc.cause instanceof PyBaseException && !seen.has(exc.cause)) {
    out += formatRecursive(exc.cause, seen);
    out += '\nThe above exception was the direct cause of the following exception:\n\n';
  } else if (exc.context instanceof PyBaseException && !exc.suppressContext && !seen.has(exc.context)) {
    out += formatRecursive(exc.context, seen);
    out += '\nDuring handling of the above exception, another exception occurred:\n\n';
  }
  if (exc instanceof PyExceptionGroup) return out + formatGroup(exc, '  ', true, seen, 0);
  if (exc.traceback) out += 'Traceback (most recent call last):\n' + formatTracebackEntries(exc.traceback);
  out += formatExceptionOnly(exc);
  return out;
}

/** ExceptionGroup rendering: the boxed layout of 3.11's C printer (print_exception_group). */
function formatGroup(eg: PyExceptionGroup, margin: string, top: boolean, seen: Set<PyBaseException>, depth: number): string {
  let out = '';
  let own = '';
  if (eg.traceback) own += 'Exception Group Traceback (most recent call last):\n' + formatTracebackEntries(eg.traceback);
  own += formatExceptionOnly(eg);
  const lines = own.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((l, i) => (out += margin + (top && i === 0 ? '+ ' : '| ') + l + '\n'));
  const excs = eg.exceptions.items;
  const max = 15;
  const dashes = '-'.repeat(16);
  for (let i = 0; i < excs.length && i < max; i++) {
    out += (i === 0 ? margin + '+-+' : margin + '  +') + `${dashes} ${i + 1} ${dashes}\n`;
    const e = excs[i];
    if (e instanceof PyExceptionGroup && depth < 10) {
      out += formatGroup(e, margin + '  ', false, seen, depth + 1);
    } else {
      const sub = formatRecursive(e, seen).split('\n');
      if (sub[sub.length - 1] === '') sub.pop();
      for (const l of sub) out += margin + '  | ' + l + '\n';
    }
  }
  if (excs.length > max) {
    const n = excs.length - max;
    out += `${margin}  +${dashes} ... ${dashes}\n${margin}  | and ${n} more exception${n > 1 ? 's' : ''}\n`;
  }
  out += margin + '  +' + '-'.repeat(36) + '\n';
  return out;
}
