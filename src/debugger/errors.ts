// An error the debugger reports to its client as a plain message (never with a JS stack).
export class DebuggerError extends Error {
  override name = 'DebuggerError';
}
