// Serving the DAP: on stdio (one client) or on a TCP port (any number of clients, one session and
// one VM worker each).
import * as net from 'node:net';
import * as path from 'node:path';
import { PyvmDebugSession } from './session';

export const DAP_USAGE = `usage: pyvm dap [--port N] [--host HOST]

Serves the Debug Adapter Protocol on stdin/stdout, or on TCP port N (host 127.0.0.1 unless --host).
With --port 0 the system chooses the port; the listening address is printed on stderr.
`;

/** dap-worker.js sits beside the bundle that contains this code (dist/ or extension/dist/). */
export function defaultWorkerPath(): string {
  return path.join(__dirname, 'dap-worker.js');
}

export function serveStdio(workerPath = defaultWorkerPath()): void {
  const session = new PyvmDebugSession({ workerPath });
  session.start(process.stdin, process.stdout);
}

export function serveTcp(port: number, host: string, workerPath = defaultWorkerPath()): Promise<net.Server> {
  const server = net.createServer((socket) => {
    const session = new PyvmDebugSession({ workerPath });
    session.setRunAsServer(true);
    session.start(socket, socket);
    socket.on('error', () => socket.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

/** `pyvm dap [--port N] [--host H]`: returns an exit status, or never settles while serving. */
export async function runDap(argv: string[]): Promise<number> {
  let port: number | undefined;
  let host = '127.0.0.1';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      process.stdout.write(DAP_USAGE);
      return 0;
    }
    const value = argv[i + 1];
    if (arg === '--port' && value !== undefined && /^\d+$/.test(value) && Number(value) < 65536) {
      port = Number(value);
      i++;
    } else if (arg === '--host' && value !== undefined) {
      host = value;
      i++;
    } else {
      process.stderr.write(`pyvm dap: bad argument '${arg}'\n${DAP_USAGE}`);
      return 2;
    }
  }
  if (port === undefined) {
    serveStdio();
    return new Promise<number>(() => {});
  }
  try {
    const server = await serveTcp(port, host);
    const address = server.address() as net.AddressInfo;
    process.stderr.write(`pyvm dap: listening on ${address.address}:${address.port}\n`);
  } catch (err) {
    process.stderr.write(`pyvm dap: cannot listen on ${host}:${port}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  return new Promise<number>(() => {});
}
