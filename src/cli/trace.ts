// `pyvm trace FILE [--opcodes] [--stack] [--calls-only] [-o out.jsonl] [ARGS...]`: runs FILE as
// `pyvm run` does, with a host hook on the thread state that reports every trace event: one line per
// event on stderr (event, file:line, function, f_lasti, the instruction with --opcodes, the value
// stack with --stack), or JSON lines in a file with -o. The program's own stdout/stderr are unchanged.
import { closeSync, openSync, writeSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';
import type { CodeObject } from '../bytecode/code';
import { getInstructions } from '../bytecode/dis';
import { PyBaseException, PyDict, PyList, PyObject, PySet, PyTuple, ops, typeOf } from '../runtime';
import { stderr as pyStderr } from '../modules/io';
import { ts } from '../vm/eval';
import { setHostHook, type Frame, type HostHook } from '../vm/frame';
import { isMainThread, parentPort } from 'node:worker_threads';
import { main as runProgram, runOnWorker } from './run';

const USAGE = `usage: pyvm trace FILE [--opcodes] [--stack] [--calls-only] [-o OUT.jsonl] [ARGS...]

Runs FILE (as pyvm run FILE ARGS...) and reports each trace event: event, file:line, function,
f_lasti. The trace goes to stderr, or as JSON lines to OUT.jsonl with -o.

options:
  --opcodes      also report 'opcode' events, and show the instruction at f_lasti
  --stack        show the value stack's reprs
  --calls-only   report only 'call' and 'return' events
  -o FILE        write JSON lines to FILE instead of text to stderr
  -h, --help     show this help and exit
Options may come before or after FILE; arguments after FILE that are not options, and everything
after --, are passed to the program.
`;

export interface TraceOptions {
  file: string;
  programArgs: string[];
  opcodes: boolean;
  stack: boolean;
  callsOnly: boolean;
  output: string | null;
}

/** Parses the command line; a string is a usage error message. */
export function parseTraceArgs(args: string[]): TraceOptions | string | 'help' {
  const opts: TraceOptions = { file: '', programArgs: [], opcodes: false, stack: false, callsOnly: false, output: null };
  let file: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      if (file === null) {
        if (i + 1 >= args.length) return 'missing FILE';
        file = args[++i];
      }
      opts.programArgs.push(...args.slice(i + 1));
      break;
    }
    if (a === '-h' || a === '--help') return 'help';
    if (a === '--opcodes') opts.opcodes = true;
    else if (a === '--stack') opts.stack = true;
    else if (a === '--calls-only') opts.callsOnly = true;
    else if (a === '-o' || a === '--output') {
      if (i + 1 >= args.length) return `option ${a} needs a file name`;
      opts.output = args[++i];
    } else if (a.startsWith('-o') && a.length > 2) opts.output = a.slice(2);
    else if (a.startsWith('--output=')) opts.output = a.slice('--output='.length);
    else if (a.startsWith('-') && a !== '-') {
      if (file !== null) opts.programArgs.push(a);
      else return `unknown option '${a}'`;
    } else if (file === null) file = a;
    else opts.programArgs.push(a);
  }
  if (file === null) return 'missing FILE';
  opts.file = file;
  return opts;
}

const MAX_REPR = 80;

/**
 * A repr that never runs Python code: values of built-in types as repr() shows them (lists and
 * tuples element by element), instances of classes defined in Python as <Class object>.
 */
export function traceRepr(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return 'NULL';
  let text: string;
  try {
    if (value instanceof PyObject) {
      const t = typeOf(value);
      if (t.heap) text = `<${t.name} object>`;
      else if (value instanceof PyTuple || value instanceof PyList) {
        const items = value.items;
        if (depth > 2) text = value instanceof PyList ? '[...]' : '(...)';
        else {
          const parts = items.slice(0, 8).map((x) => traceRepr(x, depth + 1));
          if (items.length > 8) parts.push('...');
          text = value instanceof PyList ? `[${parts.join(', ')}]`
            : items.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
        }
      } else if (value instanceof PyDict || value instanceof PySet) text = `<${t.name} of ${ops.len(value)}>`;
      else if (value instanceof PyBaseException) text = `<${t.name}>`;
      else text = ops.repr(value);
    } else text = ops.repr(value);
  } catch {
    text = `<${typeOf(value).name} object>`;
  }
  return text.length > MAX_REPR ? text.slice(0, MAX_REPR - 3) + '...' : text;
}

const instructionCache = new WeakMap<CodeObject, Map<number, string>>();

/** The instruction at `offset` as dis shows it: "OPNAME ARG (argrepr)". */
export function instructionText(code: CodeObject, offset: number): string {
  let m = instructionCache.get(code);
  if (!m) {
    m = new Map();
    for (const ins of getInstructions(code)) {
      let text = ins.opname;
      if (ins.arg !== null) text += ` ${ins.arg}` + (ins.argrepr ? ` (${ins.argrepr})` : '');
      m.set(ins.offset, text);
    }
    instructionCache.set(code, m);
  }
  return m.get(offset) ?? '';
}

function displayName(filename: string): string {
  if (!isAbsolute(filename)) return filename;
  const rel = relative(process.cwd(), filename);
  return rel.startsWith('..') || isAbsolute(rel) ? filename : rel;
}

function frameDepth(frame: Frame): number {
  let n = 0;
  for (let f = frame.f_back; f !== null; f = f.f_back) n++;
  return n;
}

/** An output channel: text through pyvm's stderr stream (keeps the program's interleaving) or a file. */
class Sink {
  private fd: number | null;
  private buf = '';
  constructor(path: string | null) {
    this.fd = path === null ? null : openSync(path, 'w');
  }
  write(line: string): void {
    if (this.fd === null) {
      pyStderr.write(line + '\n');
      return;
    }
    this.buf += line + '\n';
    if (this.buf.length > 1 << 16) this.flush();
  }
  flush(): void {
    if (this.fd !== null && this.buf) {
      writeSync(this.fd, this.buf);
      this.buf = '';
    }
  }
  close(): void {
    this.flush();
    if (this.fd !== null) closeSync(this.fd);
    else pyStderr.flush();
  }
}

export function makeHook(opts: TraceOptions, sink: Sink): HostHook {
  const json = opts.output !== null;
  return (frame, event, arg) => {
    if (event === 'call' && opts.opcodes) frame.f_trace_opcodes = true;
    if (opts.callsOnly && event !== 'call' && event !== 'return') return;
    const code = frame.f_code;
    const line = frame.f_lineno;
    const lasti = frame.f_lasti;
    const instr = opts.opcodes && lasti >= 0 ? instructionText(code, lasti) : null;
    let detail: string | null = null;
    if (event === 'return') detail = traceRepr(arg);
    else if (event === 'exception' && arg instanceof PyTuple) detail = typeOf(arg.items[1]).name;
    const stack = opts.stack ? frame.valueStack().map((v) => traceRepr(v)) : null;
    if (json) {
      const rec: Record<string, unknown> = {
        event, file: code.co_filename, line, function: code.co_name, lasti, depth: frameDepth(frame),
      };
      if (instr !== null) rec.instruction = instr;
      if (event === 'return') rec.value = detail;
      if (event === 'exception') rec.exception = detail;
      if (stack !== null) rec.stack = stack;
      sink.write(JSON.stringify(rec));
    } else {
      let text = `${event.padEnd(9)} ${displayName(code.co_filename)}:${line ?? '-'} ${code.co_name} @${lasti}`;
      if (instr !== null) text += `  ${instr}`;
      if (event === 'return') text += `  -> ${detail}`;
      if (event === 'exception') text += `  ! ${detail}`;
      if (stack !== null) text += `  [${stack.join(', ')}]`;
      sink.write(text);
    }
  };
}

export function main(args: string[]): number | Promise<number> {
  const opts = parseTraceArgs(args);
  if (opts === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (typeof opts === 'string') {
    process.stderr.write(`pyvm trace: ${opts}\n${USAGE}`);
    return 2;
  }
  // As `pyvm run` does, the program runs on a worker thread with a large stack; there `pyvm trace`
  // runs again and run.ts's main posts the exit status to this thread.
  if (isMainThread && process.env.PYVM_NO_WORKER !== '1') return runOnWorker(['trace', ...args]);
  return traceHere(opts);
}

function traceHere(opts: TraceOptions): number | Promise<number> {
  let sink: Sink;
  try {
    sink = new Sink(opts.output);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'No such file or directory' : code === 'EISDIR' ? 'Is a directory'
      : code === 'EACCES' ? 'Permission denied' : (e as Error).message;
    process.stderr.write(`pyvm trace: can't open output file '${opts.output}': ${reason}\n`);
    if (!isMainThread) parentPort?.postMessage({ status: 2 });
    return 2;
  }
  setHostHook(ts, makeHook(opts, sink));
  const done = () => {
    setHostHook(ts, null);
    sink.close();
  };
  // Off the main thread (or with PYVM_NO_WORKER=1) run.ts runs the program on this thread and
  // posts the exit status to the main thread itself.
  let status: number | Promise<number>;
  try {
    status = runProgram([opts.file, ...opts.programArgs]);
  } catch (e) {
    done();
    throw e;
  }
  if (typeof status === 'number') {
    done();
    return status;
  }
  return status.finally(done);
}
