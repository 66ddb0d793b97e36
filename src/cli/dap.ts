// `pyvm dap`: serve the Debug Adapter Protocol (see src/dap/server.ts).
import { runDap } from '../dap/server';

export function main(args: string[]): Promise<number> {
  return runDap(args);
}
