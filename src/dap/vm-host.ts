// The VM host's end of the channel, running on the VM's own thread. While the program runs the
// engine polls `hasPending()` (one Atomics.load); while stopped the thread blocks in `serveUntil`
// on Atomics.wait and answers each request synchronously from the live frames.
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { DebuggerError } from '../debugger/errors';
import { SLOT_PAUSE, SLOT_SIGNAL, type HostEvent, type HostMessage, type HostRequest } from './host-protocol';

export type RequestHandler = (command: string, args: unknown) => unknown;

export class HostEndpoint {
  private readonly slots: Int32Array;

  constructor(
    private readonly requests: MessagePort,
    shared: SharedArrayBuffer,
    private readonly post: (message: HostMessage) => void,
  ) {
    this.slots = new Int32Array(shared);
  }

  /** True when the session has posted requests not yet answered. */
  hasPending(): boolean {
    return Atomics.load(this.slots, SLOT_SIGNAL) !== 0;
  }

  /** A view whose element 0 is the SIGNAL slot (see host-protocol.ts). */
  signalView(): Int32Array {
    return this.slots.subarray(SLOT_SIGNAL, SLOT_SIGNAL + 1);
  }

  /** True when the session asked the running program to pause. */
  pauseRequested(): boolean {
    return Atomics.load(this.slots, SLOT_PAUSE) !== 0;
  }

  clearPause(): void {
    Atomics.store(this.slots, SLOT_PAUSE, 0);
  }

  /** Answers every queued request, in order. */
  drain(handler: RequestHandler): void {
    // Clear first: a request posted after this store sets the slot again, so none is missed.
    Atomics.store(this.slots, SLOT_SIGNAL, 0);
    for (;;) {
      const received = receiveMessageOnPort(this.requests);
      if (received === undefined) return;
      this.answer(received.message as HostRequest, handler);
    }
  }

  /** Blocks this thread, answering requests as they arrive, until `done()` holds. */
  serveUntil(handler: RequestHandler, done: () => boolean): void {
    for (;;) {
      this.drain(handler);
      if (done()) return;
      Atomics.wait(this.slots, SLOT_SIGNAL, 0);
    }
  }

  emit(event: HostEvent): void {
    this.post(event);
  }

  private answer(request: HostRequest, handler: RequestHandler): void {
    try {
      const body = handler(request.command, request.args);
      this.post({ kind: 'reply', id: request.id, ok: true, body });
    } catch (err) {
      const error = err instanceof DebuggerError
        ? err.message
        : `pyvm internal error in '${request.command}': ${err instanceof Error ? err.message : String(err)}`;
      this.post({ kind: 'reply', id: request.id, ok: false, error });
    }
  }
}
