// The messages between a DAP session (main thread) and the VM host (a worker thread, or later a
// separate pyvm process behind a socket). Plain data only: both sides structured-clone them.

/** A request from the session to the VM host; `id` pairs it with its reply. */
export interface HostRequest {
  id: number;
  command: string;
  args?: unknown;
}

/** The VM host's answer to one request. */
export type HostReply =
  | { kind: 'reply'; id: number; ok: true; body?: unknown }
  | { kind: 'reply'; id: number; ok: false; error: string };

/** Something that happened in the VM host, in program order. */
export type HostEvent =
  | { kind: 'output'; category: 'stdout' | 'stderr' | 'console'; text: string }
  | { kind: 'stopped'; reason: string; description?: string; text?: string }
  | { kind: 'continued' }
  | { kind: 'exited'; exitCode: number };

export type HostMessage = HostReply | HostEvent;

/**
 * Layout of the SharedArrayBuffer the session and the host share (Int32 slots).
 * SIGNAL: the session stores 1 after posting a request and notifies; the host waits on it while
 *   stopped and polls it while running.
 * PAUSE: the session stores 1 to ask a running program to stop; the host clears it when it stops.
 */
export const SLOT_SIGNAL = 0;
export const SLOT_PAUSE = 1;
export const SHARED_SLOTS = 2;

/** What the session hands the worker at start-up (`workerData`). */
export interface HostStartData {
  shared: SharedArrayBuffer;
  /** The port requests arrive on (read with receiveMessageOnPort, never with listeners). */
  requests: import('node:worker_threads').MessagePort;
}



