// Entry point of dap-host.js: the VM host as a separate process, started by the client in its
// integrated terminal (DAP runInTerminal) so that the program's stdin/stdout are that terminal.
// The VM runs on this process's main thread; a small I/O worker owns the socket to the session
// and hands requests to the VM thread through the same shared-memory handshake as dap-worker.js.
// Wire format on the socket: one JSON message per line; the host first sends {"hello": TOKEN}.
import * as net from 'node:net';
import { isMainThread, MessageChannel, parentPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { SHARED_SLOTS, SLOT_PAUSE, SLOT_SIGNAL, type HostMessage } from './host-protocol';
import { HostEndpoint } from './vm-host';
import { serveVmHost } from './vm-host-main';

interface IoData {
  shared: SharedArrayBuffer;
  requests: MessagePort;
  host: string;
  port: number;
  token: string;
}

/** The I/O thread: socket lines in → requests for the VM thread; VM messages → socket lines. */
function relay({ shared, requests, host, port, token }: IoData): void {
  const slots = new Int32Array(shared);
  const signal = (): void => {
    Atomics.store(slots, SLOT_SIGNAL, 1);
    Atomics.notify(slots, SLOT_SIGNAL);
  };
  const socket = net.connect(port, host);
  socket.setNoDelay(true);
  socket.write(JSON.stringify({ hello: token }) + '\n');
  let buffered = '';
  socket.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      const message = JSON.parse(line) as { kind: string; id?: number; command?: string; args?: unknown };
      if (message.kind === 'pause') Atomics.store(slots, SLOT_PAUSE, 1);
      else requests.postMessage({ id: message.id, command: message.command, args: message.args });
      signal();
    }
  });
  let finished = false;
  parentPort!.on('message', (message: HostMessage | { kind: 'close' }) => {
    if (message.kind === 'close') {
      finished = true;
      socket.end();
    } else socket.write(JSON.stringify(message) + '\n');
  });
  // The session is gone before the program ended (disconnect, terminate, the adapter died): end it.
  const end = (): void => {
    if (!finished) process.kill(process.pid, 'SIGTERM');
  };
  socket.on('close', end);
  socket.on('error', end);
}

function main(argv: string[]): number {
  const at = argv.indexOf('--connect');
  const tokenAt = argv.indexOf('--token');
  const address = at >= 0 ? /^(.+):(\d+)$/.exec(argv[at + 1] ?? '') : null;
  if (!address || tokenAt < 0 || !argv[tokenAt + 1]) {
    process.stderr.write('usage: dap-host.js --connect HOST:PORT --token TOKEN (started by pyvm dap)\n');
    return 2;
  }
  const shared = new SharedArrayBuffer(SHARED_SLOTS * Int32Array.BYTES_PER_ELEMENT);
  const { port1, port2 } = new MessageChannel();
  const data: IoData = { shared, requests: port2, host: address[1], port: Number(address[2]), token: argv[tokenAt + 1] };
  const io = new Worker(__filename, { workerData: data, transferList: [port2] });
  serveVmHost(new HostEndpoint(port1, shared, (message) => io.postMessage(message)), false);
  io.postMessage({ kind: 'close' });
  port1.close();
  return 0;
}

if (isMainThread) process.exitCode = main(process.argv.slice(2));
else relay(workerData as IoData);
