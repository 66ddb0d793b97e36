// sys.stdout / sys.stderr / sys.stdin text streams. Output is buffered and written through a
// replaceable sink (a DAP host redirects it); stdout is flushed before anything goes to stderr so
// the interleaving a user sees matches python3's.
import { writeSync, readSync } from 'node:fs';
import { None } from '../values';
import { PyObject, T, typeOf, builtinType, method, getset, typeError, newExc, ops, PyTuple } from '../runtime';

export type Sink = (text: string) => void;

export const TextIOWrapper = builtinType('TextIOWrapper');
TextIOWrapper.module = '_io';

export class PyTextStream extends PyObject {
  buf = '';
  constructor(public name: string, public fd: number, public sink: Sink, public lineBuffered: boolean) {
    super(TextIOWrapper);
  }
  write(s: string): void {
    if (this.fd === 2) flushStdout();
    this.buf += s;
    if (this.buf.length > 1 << 16 || (this.lineBuffered && s.includes('\n'))) this.flush();
  }
  flush(): void {
    if (this.buf) {
      const b = this.buf;
      this.buf = '';
      this.sink(b);
    }
  }
}

function fdSink(fd: number): Sink {
  return (text) => {
    const data = Buffer.from(text, 'utf8');
    let off = 0;
    while (off < data.length) {
      try {
        off += writeSync(fd, data, off);
      } catch (e: any) {
        if (e?.code === 'EAGAIN') continue;
        if (e?.code === 'EPIPE') throw ops.call(T.OSError, [32, 'Broken pipe']);
        throw e;
      }
    }
  };
}

export const stdout = new PyTextStream('<stdout>', 1, fdSink(1), false);
export const stderr = new PyTextStream('<stderr>', 2, fdSink(2), true);

export function flushStdout(): void {
  stdout.flush();
}

export function setSinks(out: Sink | null, err: Sink | null): void {
  stdout.sink = out ?? fdSink(1);
  stderr.sink = err ?? fdSink(2);
}

method(TextIOWrapper, 'write', (a) => {
  const s = a[1];
  if (typeof s !== 'string') throw typeError(`write() argument must be str, not ${typeOf(s).name}`);
  (a[0] as PyTextStream).write(s);
  return [...s].length;
});
method(TextIOWrapper, 'flush', (a) => {
  (a[0] as PyTextStream).flush();
  return None;
});
method(TextIOWrapper, 'isatty', () => false);
method(TextIOWrapper, 'fileno', (a) => (a[0] as PyTextStream).fd);
method(TextIOWrapper, 'readline', () => readLine() ?? '');
method(TextIOWrapper, '__repr__', (a) => `<_io.TextIOWrapper name='${a[0].name}' mode='${a[0].fd === 0 ? 'r' : 'w'}' encoding='utf-8'>`);
getset(TextIOWrapper, 'encoding', () => 'utf-8');
getset(TextIOWrapper, 'name', (s: PyTextStream) => s.name);

/** Reads one line from stdin synchronously (with its newline); null at EOF. */
let stdinBuf = '';
let stdinEOF = false;
export let stdinReader: (() => string | null) | null = null;
export function setStdinReader(r: (() => string | null) | null): void {
  stdinReader = r;
}
export function readLine(): string | null {
  if (stdinReader) return stdinReader();
  for (;;) {
    const nl = stdinBuf.indexOf('\n');
    if (nl >= 0) {
      const line = stdinBuf.slice(0, nl + 1);
      stdinBuf = stdinBuf.slice(nl + 1);
      return line;
    }
    if (stdinEOF) {
      if (stdinBuf) {
        const line = stdinBuf;
        stdinBuf = '';
        return line;
      }
      return null;
    }
    const chunk = Buffer.alloc(4096);
    let n = 0;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (e: any) {
      if (e?.code === 'EAGAIN') continue;
      if (e?.code === 'EOF') n = 0;
      else throw newExc(T.OSError, String(e?.message ?? e));
    }
    if (n === 0) stdinEOF = true;
    else stdinBuf += chunk.subarray(0, n).toString('utf8');
  }
}

export const stdin = new PyTextStream('<stdin>', 0, () => {}, false);
export { PyTuple };
