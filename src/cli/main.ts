// pyvm command line: dispatches to one module per subcommand.
import { VERSION } from './version';

type Command = (args: string[]) => Promise<number> | number;

const USAGE = `usage: pyvm <command> [options] [args]

commands:
  run FILE [ARGS...]   run a Python program (as python3 FILE ARGS...)
  dis FILE             disassemble a Python file (as python3 -m dis FILE)
  ast FILE             dump a file's AST (as ast.dump(ast.parse(src), include_attributes=True))
  trace FILE           run a program and print its trace events
  dap                  serve the Debug Adapter Protocol

options:
  -h, --help           show this help and exit
  -V, --version        print the version and exit
`;

async function load(name: string): Promise<Command | undefined> {
  switch (name) {
    case 'run': return (await import('./run')).main;
    case 'dis': return (await import('./dis')).main;
    case 'ast': return (await import('./ast')).main;
    case 'trace': return (await import('./trace')).main;
    case 'dap': return (await import('./dap')).main;
    default: return undefined;
  }
}

export async function cli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === '-V' || name === '--version') {
    process.stdout.write(`pyvm ${VERSION} (Python 3.11 bytecode)\n`);
    return 0;
  }
  const command = await load(name);
  if (!command) {
    process.stderr.write(`pyvm: unknown command '${name}'\n${USAGE}`);
    return 2;
  }
  return command(rest);
}

cli(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    // Only pyvm's own bugs reach here; Python-level errors are handled by each command.
    process.stderr.write(`pyvm: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 70;
  },
);
