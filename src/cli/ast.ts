// pyvm ast FILE: print(ast.dump(ast.parse(source, FILE), include_attributes=True)).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PySyntaxError, declaredEncoding, decodeSource, dumpAst, formatSyntaxError, parse } from '../parser';

export function main(args: string[]): number {
  const file = args[0];
  if (file === undefined) {
    process.stderr.write('usage: pyvm ast FILE\n');
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const reason = err.code === 'ENOENT' ? '[Errno 2] No such file or directory'
      : err.code === 'EISDIR' ? '[Errno 21] Is a directory'
        : err.code === 'EACCES' ? '[Errno 13] Permission denied' : String(err.message);
    process.stderr.write(`pyvm: can't open file '${resolve(file)}': ${reason}\n`);
    return 1;
  }
  try {
    const source = decodeSource(bytes, file);
    process.stdout.write(dumpAst(parse(source, file), true) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof PySyntaxError) {
      process.stderr.write(formatSyntaxError(e, { declaresEncoding: declaredEncoding(bytes) !== null }));
      return 1;
    }
    throw e;
  }
}
