// The debug engine: owns the program's run under the VM's trace hook, breakpoints, stepping, and
// inspection of the live frames. Runs on the VM's thread; knows nothing of DAP.
import { DebuggerError } from './errors';
import type {
  BreakpointState, EngineHost, FrameInfo, FrameSnapshot, InstructionInfo, LaunchOptions,
  ResumeAction, ScopeInfo, VariableInfo,
} from './types';

const NO_VM = "pyvm cannot run programs yet: its VM (src/vm) is not built";

export class DebugEngine {
  constructor(private readonly host: EngineHost) {}

  /** Reads and compiles the program; throws DebuggerError when it cannot be run. */
  launch(_options: LaunchOptions): void {
    void this.host;
    throw new DebuggerError(NO_VM);
  }

  setBreakpoints(_path: string, _lines: number[]): BreakpointState[] {
    throw new DebuggerError(NO_VM);
  }

  /** Runs the program to its end (stopping in the host's `suspend` as asked); returns the exit code. */
  run(): number {
    throw new DebuggerError(NO_VM);
  }

  resume(_action: ResumeAction): void {
    throw new DebuggerError('the program is not stopped');
  }

  stackTrace(_startFrame: number, _levels: number): { frames: FrameInfo[]; totalFrames: number } {
    throw new DebuggerError('the program is not stopped');
  }

  scopes(_frameId: number): ScopeInfo[] {
    throw new DebuggerError('the program is not stopped');
  }

  variables(_reference: number): VariableInfo[] {
    throw new DebuggerError('the program is not stopped');
  }

  disassemble(_reference: string, _offset: number, _instructionOffset: number, _count: number): InstructionInfo[] {
    throw new DebuggerError('the program is not stopped');
  }

  frameSnapshots(): FrameSnapshot[] {
    throw new DebuggerError('the program is not stopped');
  }

  /** True once a resume command has been accepted while stopped. */
  get resumed(): boolean {
    return true;
  }
}
