// pyvm ast FILE: print(ast.dump(ast.parse(source, FILE), include_attributes=True)).
import { PySyntaxError, declaredEncoding, decodeSource, dumpAst, formatSyntaxError, parse } from '../parser';
import { CANT_OPEN_STATUS, readProgramFile } from './source-file';

export function main(args: string[]): number {
  const file = args[0];
  if (file === undefined) {
    process.stderr.write('usage: pyvm ast FILE\n');
    return 2;
  }
  const bytes = readProgramFile(file);
  if (bytes === null) return CANT_OPEN_STATUS;
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
