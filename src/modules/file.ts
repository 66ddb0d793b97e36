// open(): text and binary files read/written whole through node:fs (buffered in memory).
import { readFileSync, writeFileSync, appendFileSync, existsSync, statSync } from 'node:fs';
import { None, PyBytes } from '../values';
import { PyObject, T, builtinType, method, getset, typeError, newExc, ops, PyList, PyTuple, FnIter } from '../runtime';

export const FileType = builtinType('TextIOWrapper_file');
FileType.name = 'TextIOWrapper';
FileType.module = '_io';

class PyFile extends PyObject {
  data = '';
  bytes: Uint8Array = new Uint8Array(0);
  pos = 0;
  closed = false;
  out: string[] = [];
  constructor(public path: string, public mode: string, public binary: boolean) {
    super(FileType);
  }
}

function oserror(cls: any, errno: number, msg: string, path: string) {
  return ops.call(cls, [errno, msg, path]);
}

export function openFile(a: any[], kw: Map<string, any> | null): any {
  const path = a[0] ?? kw?.get('file');
  const mode = String(a[1] ?? kw?.get('mode') ?? 'r');
  if (typeof path !== 'string') throw typeError(`expected str, bytes or os.PathLike object, not ${ops.repr(path)}`);
  const binary = mode.includes('b');
  const f = new PyFile(path, mode, binary);
  if (mode.includes('r')) {
    if (!existsSync(path)) throw oserror(T.FileNotFoundError, 2, 'No such file or directory', path);
    if (statSync(path).isDirectory()) throw oserror(T.IsADirectoryError, 21, 'Is a directory', path);
    const buf = readFileSync(path);
    if (binary) f.bytes = new Uint8Array(buf);
    else f.data = buf.toString('utf8').replace(/\r\n/g, '\n');
  } else if (mode.includes('w')) {
    writeFileSync(path, '');
  } else if (mode.includes('a')) {
    if (!existsSync(path)) writeFileSync(path, '');
  } else if (mode.includes('x')) {
    if (existsSync(path)) throw oserror(T.FileExistsError, 17, 'File exists', path);
    writeFileSync(path, '');
  } else throw newExc(T.ValueError, `invalid mode: '${mode}'`);
  return f;
}

function check(f: PyFile): void {
  if (f.closed) throw newExc(T.ValueError, 'I/O operation on closed file.');
}
function readline(f: PyFile): string {
  const nl = f.data.indexOf('\n', f.pos);
  const end = nl < 0 ? f.data.length : nl + 1;
  const s = f.data.slice(f.pos, end);
  f.pos = end;
  return s;
}
method(FileType, 'read', (a) => {
  const f: PyFile = a[0];
  check(f);
  const n = a[1] === undefined || a[1] === None ? -1 : Number(a[1]);
  if (f.binary) {
    const end = n < 0 ? f.bytes.length : Math.min(f.bytes.length, f.pos + n);
    const r = f.bytes.slice(f.pos, end);
    f.pos = end;
    return new PyBytes(r);
  }
  const end = n < 0 ? f.data.length : Math.min(f.data.length, f.pos + n);
  const r = f.data.slice(f.pos, end);
  f.pos = end;
  return r;
});
method(FileType, 'readline', (a) => {
  check(a[0]);
  return readline(a[0]);
});
method(FileType, 'readlines', (a) => {
  check(a[0]);
  const out: string[] = [];
  for (let l = readline(a[0]); l; l = readline(a[0])) out.push(l);
  return new PyList(out);
});
method(FileType, 'write', (a) => {
  const f: PyFile = a[0];
  check(f);
  const s = a[1];
  if (f.binary) {
    if (!(s instanceof PyBytes)) throw typeError(`a bytes-like object is required, not '${s?.cls?.name ?? typeof s}'`);
    appendFileSync(f.path, s.bytes);
    return s.bytes.length;
  }
  if (typeof s !== 'string') throw typeError(`write() argument must be str, not ${ops.repr(s)}`);
  appendFileSync(f.path, s);
  return [...s].length;
});
method(FileType, 'writelines', (a) => {
  for (const s of ops.toArray(a[1])) appendFileSync(a[0].path, s);
  return None;
});
method(FileType, 'close', (a) => {
  a[0].closed = true;
  return None;
});
method(FileType, 'flush', () => None);
method(FileType, '__enter__', (a) => a[0]);
method(FileType, '__exit__', (a) => {
  a[0].closed = true;
  return None;
});
method(FileType, '__iter__', (a) => new FnIter(() => {
  check(a[0]);
  const l = readline(a[0]);
  return l === '' ? undefined : l;
}, T.generic_iterator));
getset(FileType, 'closed', (f: PyFile) => f.closed);
getset(FileType, 'name', (f: PyFile) => f.path);
getset(FileType, 'mode', (f: PyFile) => f.mode);
export { PyTuple };
