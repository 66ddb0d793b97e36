// The session's end of the channel to a VM host. One interface; the transport here is a worker
// thread in the adapter's process (a socket to a separate pyvm process can implement the same).
import { MessageChannel, Worker } from 'node:worker_threads';
import {
  SHARED_SLOTS, SLOT_PAUSE, SLOT_SIGNAL,
  type HostEvent, type HostMessage, type HostRequest, type HostStartData,
} from './host-protocol';

export interface VmChannel {
  request<T = unknown>(command: string, args?: unknown): Promise<T>;
  /** Asks the running program to stop at its next eval-breaker check. */
  requestPause(): void;
  onEvent(listener: (event: HostEvent) => void): void;
  /** Called once when the host is gone; `error` says why when it died abnormally. */
  onExit(listener: (error?: string) => void): void;
  close(): Promise<void>;
}

interface Pending {
  resolve: (body: unknown) => void;
  reject: (error: Error) => void;
}

export class WorkerChannel implements VmChannel {
  private readonly worker: Worker;
  private readonly slots: Int32Array;
  private readonly port: import('node:worker_threads').MessagePort;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private eventListeners: ((event: HostEvent) => void)[] = [];
  private exitListeners: ((error?: string) => void)[] = [];
  private exited = false;
  private exitError: string | undefined;

  constructor(workerPath: string, env: Record<string, string | undefined> = process.env) {
    const shared = new SharedArrayBuffer(SHARED_SLOTS * Int32Array.BYTES_PER_ELEMENT);
    this.slots = new Int32Array(shared);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const workerData: HostStartData = { shared, requests: port2 };
    // stdout/stderr: true so that nothing the worker writes can corrupt a DAP stream on our stdout.
    this.worker = new Worker(workerPath, {
      workerData, transferList: [port2], stdout: true, stderr: true, env,
    });
    this.worker.on('message', (message: HostMessage) => this.receive(message));
    this.worker.stdout.on('data', (chunk: Buffer) =>
      this.dispatchEvent({ kind: 'output', category: 'stdout', text: chunk.toString('utf8') }));
    this.worker.stderr.on('data', (chunk: Buffer) =>
      this.dispatchEvent({ kind: 'output', category: 'stderr', text: chunk.toString('utf8') }));
    this.worker.on('error', (err) => {
      this.exitError = `the pyvm VM host failed: ${err instanceof Error ? err.message : String(err)}`;
    });
    this.worker.on('exit', () => this.finish());
  }

  request<T = unknown>(command: string, args?: unknown): Promise<T> {
    if (this.exited) return Promise.reject(new Error('the program is no longer running'));
    const id = this.nextId++;
    const message: HostRequest = { id, command, args };
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (body: unknown) => void, reject });
      this.port.postMessage(message);
      Atomics.store(this.slots, SLOT_SIGNAL, 1);
      Atomics.notify(this.slots, SLOT_SIGNAL);
    });
  }

  requestPause(): void {
    Atomics.store(this.slots, SLOT_PAUSE, 1);
    Atomics.store(this.slots, SLOT_SIGNAL, 1);
    Atomics.notify(this.slots, SLOT_SIGNAL);
  }

  onEvent(listener: (event: HostEvent) => void): void {
    this.eventListeners.push(listener);
  }

  onExit(listener: (error?: string) => void): void {
    if (this.exited) listener(this.exitError);
    else this.exitListeners.push(listener);
  }

  async close(): Promise<void> {
    if (this.exited) return;
    // terminate() also ends a thread blocked in Atomics.wait.
    await this.worker.terminate();
    this.finish();
  }

  private receive(message: HostMessage): void {
    if (message.kind === 'reply') {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (message.ok) pending.resolve(message.body);
      else pending.reject(new Error(message.error));
      return;
    }
    this.dispatchEvent(message);
  }

  private dispatchEvent(event: HostEvent): void {
    for (const listener of this.eventListeners) listener(event);
  }

  private finish(): void {
    if (this.exited) return;
    this.exited = true;
    this.port.close();
    for (const { reject } of this.pending.values()) reject(new Error('the program is no longer running'));
    this.pending.clear();
    for (const listener of this.exitListeners) listener(this.exitError);
    this.exitListeners = [];
  }
}

/**
 * The channel to a VM host in a separate process (dap-host.js, run in the client's terminal),
 * over a loopback socket: one JSON message per line.
 */
export class SocketChannel implements VmChannel {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private eventListeners: ((event: HostEvent) => void)[] = [];
  private exitListeners: ((error?: string) => void)[] = [];
  private exited = false;

  constructor(private readonly socket: import('node:net').Socket, rest: string) {
    let buffered = rest;
    const consume = (): void => {
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (line) this.receive(JSON.parse(line) as HostMessage);
      }
    };
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      consume();
    });
    socket.on('close', () => this.finish());
    socket.on('error', () => this.finish());
    consume();
  }

  /** Waits on `server` for the host that presents `token`; resolves with its channel. */
  static accept(server: import('node:net').Server, token: string, timeoutMs: number): Promise<SocketChannel> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        server.close();
        reject(new Error(`the program did not start in the terminal within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      server.on('connection', (socket) => {
        let head = '';
        const onData = (chunk: Buffer): void => {
          head += chunk.toString('utf8');
          const nl = head.indexOf('\n');
          if (nl < 0) return;
          socket.off('data', onData);
          let hello: unknown;
          try {
            hello = JSON.parse(head.slice(0, nl));
          } catch { /* not ours */ }
          if ((hello as { hello?: unknown })?.hello !== token) {
            socket.destroy();
            return;
          }
          clearTimeout(timer);
          server.close();
          resolve(new SocketChannel(socket, head.slice(nl + 1)));
        };
        socket.on('data', onData);
        socket.on('error', () => socket.destroy());
      });
    });
  }

  request<T = unknown>(command: string, args?: unknown): Promise<T> {
    if (this.exited) return Promise.reject(new Error('the program is no longer running'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (body: unknown) => void, reject });
      this.socket.write(JSON.stringify({ kind: 'request', id, command, args }) + '\n');
    });
  }

  requestPause(): void {
    if (!this.exited) this.socket.write(JSON.stringify({ kind: 'pause' }) + '\n');
  }

  onEvent(listener: (event: HostEvent) => void): void {
    this.eventListeners.push(listener);
  }

  onExit(listener: (error?: string) => void): void {
    if (this.exited) listener();
    else this.exitListeners.push(listener);
  }

  async close(): Promise<void> {
    this.socket.destroy();
    this.finish();
  }

  private receive(message: HostMessage): void {
    if (message.kind === 'reply') {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (message.ok) pending.resolve(message.body);
      else pending.reject(new Error(message.error));
      return;
    }
    for (const listener of this.eventListeners) listener(message);
  }

  private finish(): void {
    if (this.exited) return;
    this.exited = true;
    for (const { reject } of this.pending.values()) reject(new Error('the program is no longer running'));
    this.pending.clear();
    for (const listener of this.exitListeners) listener();
    this.exitListeners = [];
  }
}
