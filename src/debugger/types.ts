// The debug engine's vocabulary. Plain data, no DAP types: src/dap translates these to DAP.
// Lines and columns are 1-based as Python reports them.

/** Launch options, named as debugpy names them. */
export interface LaunchOptions {
  program?: string;
  module?: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  stopOnEntry: boolean;
  justMyCode: boolean;
  noDebug: boolean;
}

export type StopReason = 'entry' | 'breakpoint' | 'step' | 'pause' | 'exception';

export interface StopInfo {
  reason: StopReason;
  description?: string;
  text?: string;
}

export type StepGranularity = 'line' | 'instruction';

/** How the client resumes a stopped program. */
export type ResumeAction =
  | { kind: 'continue' }
  | { kind: 'stepIn' | 'stepOver' | 'stepOut'; granularity: StepGranularity };

export interface BreakpointState {
  line: number;
  verified: boolean;
  message?: string;
}

export interface FrameInfo {
  id: number;
  name: string;
  path: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** `0x...`: the code object's id in the high bits, the instruction's byte offset in the low 32. */
  instructionPointerReference: string;
}

export interface ScopeInfo {
  name: string;
  variablesReference: number;
  presentationHint?: 'arguments' | 'locals' | 'registers';
  namedVariables?: number;
  indexedVariables?: number;
  expensive: boolean;
}

export interface VariableInfo {
  name: string;
  value: string;
  type?: string;
  variablesReference: number;
}

export interface InstructionInfo {
  address: string;
  instruction: string;
  instructionBytes?: string;
  symbol?: string;
  path?: string;
  line?: number;
  presentationHint?: 'normal' | 'invalid';
}

/** One frame of the chain as the extension's Frames view shows it. */
export interface FrameSnapshot {
  name: string;
  path: string;
  f_lasti: number;
  f_lineno: number;
  instruction: string;
  locals: { name: string; value: string }[];
  valueStack: string[];
}

/** What the engine needs from whoever hosts it (the DAP worker, or a test). */
export interface EngineHost {
  /** True: the program's stdout/stderr go to `output` and it has no stdin. False: it keeps the
   *  process's own (a terminal), so input() reads the user's keyboard. */
  captureOutput: boolean;
  output(category: 'stdout' | 'stderr', text: string): void;
  /** Called on the VM thread when the program stops; returns once the client resumes it. */
  suspend(stop: StopInfo): void;
  /** Answers queued client requests; called by the running program at its poll points. */
  poll(): void;
  /** True when the client has posted anything (a request or a pause) since the last poll. */
  interruptPending(): boolean;
  /** A shared Int32Array whose element 0 is non-zero exactly when interruptPending() is true: the
   *  VM's eval breaker reads it directly, the cheapest poll there is. */
  signalSlot(): Int32Array;
  /** True when the client asked the running program to pause. */
  pauseRequested(): boolean;
  clearPause(): void;
}
