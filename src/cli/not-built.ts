// Placeholder for subcommands whose layer is not built yet: a clear message and exit status 2.
export function notBuilt(command: string): number {
  process.stderr.write(`pyvm ${command}: not implemented yet\n`);
  return 2;
}
