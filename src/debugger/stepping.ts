// The stop decision: given a trace event in a frame, does the program stop here, and why?
// Breakpoints, stop-on-entry, pause, and the step modes (in/over/out by line, in/over by
// instruction) are all decided here; the engine calls `onEvent` from the VM's host hook.
import type { CodeObject } from '../bytecode/code';
import type { ResumeAction, StopInfo } from './types';

/** What the engine needs of a VM frame (the VM's frames carry CPython's names). */
export interface TraceFrame {
  f_back: TraceFrame | null;
  f_code: CodeObject;
  f_lasti: number;
  /** null while the current instruction has no line (as CPython's f_lineno can be None). */
  f_lineno: number | null;
}

export type TraceEvent = 'call' | 'line' | 'opcode' | 'return' | 'exception';

function depthOf(frame: TraceFrame | null): number {
  let depth = 0;
  for (let f = frame; f !== null; f = f.f_back) depth++;
  return depth;
}

/** Files that are not the user's code: pyvm's bundled library and synthetic sources (`<string>`). */
export function isLibraryFile(filename: string): boolean {
  return filename.startsWith('<') || filename.includes('/pyvm/lib/') || filename.includes('\\pyvm\\lib\\');
}

interface Step {
  action: Exclude<ResumeAction, { kind: 'continue' }>;
  /** Depth of the frame the step started in. */
  depth: number;
  /** Set when the starting frame returned: stop at the caller's next instruction. */
  returned: boolean;
}

export class StopPolicy {
  private readonly breakpoints = new Map<string, Set<number>>();
  private step: Step | null = null;
  private entryPending = false;
  justMyCode = true;

  setBreakpoints(filename: string, lines: readonly number[]): void {
    if (lines.length === 0) this.breakpoints.delete(filename);
    else this.breakpoints.set(filename, new Set(lines));
  }

  hasBreakpoints(): boolean {
    return this.breakpoints.size > 0;
  }

  stopOnEntry(): void {
    this.entryPending = true;
  }

  /** Called when the program resumes from a stop in `frame`. */
  resume(action: ResumeAction, frame: TraceFrame | null): void {
    this.step = action.kind === 'continue' ? null : { action, depth: depthOf(frame), returned: false };
  }

  /** True while the policy needs an 'opcode' event before every instruction. */
  wantsOpcodeEvents(): boolean {
    return this.step !== null && (this.step.action.granularity === 'instruction' || this.step.returned);
  }

  /** True while the policy needs 'line' events (otherwise the hook may be left out entirely). */
  wantsLineEvents(): boolean {
    return this.step !== null || this.entryPending || this.breakpoints.size > 0;
  }

  /** Decides whether `event` in `frame` stops the program. */
  onEvent(frame: TraceFrame, event: TraceEvent, pauseRequested: boolean): StopInfo | null {
    if (pauseRequested && (event === 'line' || event === 'opcode') && this.stoppable(frame)) {
      return this.stop({ reason: 'pause' });
    }
    if (event === 'line') {
      if (this.entryPending && this.stoppable(frame)) {
        this.entryPending = false;
        return this.stop({ reason: 'entry' });
      }
      const lines = this.breakpoints.get(frame.f_code.co_filename);
      if (lines !== undefined && frame.f_lineno !== null && lines.has(frame.f_lineno)) {
        return this.stop({ reason: 'breakpoint', description: `Paused on breakpoint at line ${frame.f_lineno}` });
      }
    }
    const step = this.step;
    if (step === null) return null;
    const { kind, granularity } = step.action;
    if (event === 'return') {
      // Leaving the frame the step began in (or an older one): the step ends at the first
      // instruction run in the caller, i.e. back on the line that made the call.
      const depth = depthOf(frame);
      if (depth <= step.depth) {
        step.returned = true;
        step.depth = depth - 1;
      }
      return null;
    }
    if (event === 'call' || event === 'exception') return null;
    if (!this.stoppable(frame)) return null;
    const depth = depthOf(frame);
    if (step.returned) {
      // The first instruction (or line) run in the caller after the return.
      if (depth <= step.depth) return this.stop({ reason: 'step' });
      return null;
    }
    if (granularity === 'instruction') {
      if (event !== 'opcode') return null;
      if (kind === 'stepIn' || depth <= step.depth) return this.stop({ reason: 'step' });
      return null;
    }
    if (event !== 'line') return null;
    switch (kind) {
      case 'stepIn': return this.stop({ reason: 'step' });
      case 'stepOver': return depth <= step.depth ? this.stop({ reason: 'step' }) : null;
      case 'stepOut': return depth < step.depth ? this.stop({ reason: 'step' }) : null;
    }
  }

  private stoppable(frame: TraceFrame): boolean {
    return !this.justMyCode || !isLibraryFile(frame.f_code.co_filename);
  }

  private stop(info: StopInfo): StopInfo {
    this.step = null;
    return info;
  }
}
