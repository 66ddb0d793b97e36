// pyvm dis FILE: what `python3 -m dis FILE` prints: the disassembly of compile(source, FILE, "exec"),
// or, for a file that does not compile, the traceback python3 prints (exit status 1).
import { disassemble } from '../bytecode/dis';
import { CompilerRecursionError, compile } from '../compiler';
import { PySyntaxError, decodeSource, formatSyntaxError } from '../parser';
import { CANT_OPEN_STATUS, readProgramFile } from './source-file';

/** Where python3's dis.py lives; its path appears in the traceback of an uncompilable file. */
const CPYTHON_DIS_PY = (process.env.PYVM_CPYTHON_STDLIB ?? '/root/.pyenv/versions/3.11.7/lib/python3.11') + '/dis.py';

function compileTraceback(e: PySyntaxError | CompilerRecursionError): string {
  return 'Traceback (most recent call last):\n' +
    '  File "<frozen runpy>", line 198, in _run_module_as_main\n' +
    '  File "<frozen runpy>", line 88, in _run_code\n' +
    `  File "${CPYTHON_DIS_PY}", line 774, in <module>\n` +
    '    main()\n' +
    `  File "${CPYTHON_DIS_PY}", line 770, in main\n` +
    '    code = compile(source, args.infile.name, "exec")\n' +
    '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n' +
    (e instanceof PySyntaxError ? formatSyntaxError(e) : `RecursionError: ${e.message}\n`);
}

export function main(args: string[]): number {
  // Like python3 -m dis: no FILE or '-' reads standard input, named '<stdin>'.
  const fromStdin = args[0] === undefined || args[0] === '-';
  const file = fromStdin ? '<stdin>' : args[0];
  const bytes = readProgramFile(fromStdin ? 0 : file);
  if (bytes === null) return CANT_OPEN_STATUS;
  try {
    const source = decodeSource(bytes, file);
    const lines = source.split(/\r?\n/);
    // SyntaxWarnings as the warnings module prints them: "FILE:LINE: SyntaxWarning: MSG" + the line.
    const onWarning = (message: string, lineno: number) => {
      const line = (lines[lineno - 1] ?? '').trim();
      process.stderr.write(`${file}:${lineno}: SyntaxWarning: ${message}\n` + (line ? `  ${line}\n` : ''));
    };
    process.stdout.write(disassemble(compile(source, file, 'exec', { onWarning })));
    return 0;
  } catch (e) {
    if (e instanceof PySyntaxError || e instanceof CompilerRecursionError) {
      process.stderr.write(compileTraceback(e));
      return 1;
    }
    throw e;
  }
}
