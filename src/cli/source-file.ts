// Reading the program file for `pyvm run`, `pyvm ast` and `pyvm dis`. An unreadable file is reported
// the way python3 reports `python3 FILE` ("...: can't open file '/absolute/path': [Errno 2] No such
// file or directory", exit status 2), with pyvm's name in place of python3's.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The exit status after an unreadable program file, as python3's. */
export const CANT_OPEN_STATUS = 2;

const ERRNO: Record<string, readonly [number, string]> = {
  ENOENT: [2, 'No such file or directory'],
  EACCES: [13, 'Permission denied'],
  EISDIR: [21, 'Is a directory'],
};

/** The bytes of FILE (or of standard input for 0), or null after printing why it cannot be read. */
export function readProgramFile(file: string | 0): Uint8Array | null {
  try {
    return readFileSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const known = err.code === undefined ? undefined : ERRNO[err.code];
    const reason = known ? `[Errno ${known[0]}] ${known[1]}` : String(err.message);
    const name = file === 0 ? '<stdin>' : resolve(file);
    process.stderr.write(`pyvm: can't open file '${name}': ${reason}\n`);
    return null;
  }
}
