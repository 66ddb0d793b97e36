// The debug engine: runs the program under the VM's host hook, decides stops (StopPolicy), and
// answers inspection requests from the live frames while the program is stopped. Runs on the
// VM's own thread; knows nothing of DAP.
import { positionsOf } from '../vm/trace';
import { setHostHook, type Frame, type HostHook } from '../vm/frame';
import { runModuleCode, ts } from '../vm/eval';
import { CodeRegistry } from './code-registry';
import { disassemble, instructionText } from './disassembly';
import { DebuggerError } from './errors';
import { ValueInspector, describeError, safeRepr } from './inspect';
import { bindBreakpoints, executableLines } from './lines';
import { StopPolicy } from './stepping';
import { decodeInstructions } from '../bytecode/instructions';
import { findHandlerInTable } from '../bytecode/exception-table';
import { PyBaseException, PyCell, PyTraceback, PyTuple } from '../runtime';
import { CO_FAST_CELL, CO_FAST_FREE, type CodeObject } from '../bytecode/code';
import { isLibraryFile } from './stepping';
import type {
  BreakpointState, EngineHost, FrameInfo, FrameSnapshot, InstructionInfo, LaunchOptions, ResumeAction,
  ScopeInfo, StopInfo, VariableInfo,
} from './types';
import { compileEvaluation, flushProgramOutput, loadProgram, runProgram, type Program } from './program';

export class DebugEngine {
  private readonly policy = new StopPolicy();
  private readonly registry = new CodeRegistry();
  private readonly inspector = new ValueInspector();
  /** Executable lines per loaded file, for binding breakpoints. */
  private readonly fileLines = new Map<string, Set<number>>();
  private program: Program | null = null;
  private options: LaunchOptions | null = null;
  /** The frame chain (newest first) while stopped; null while running. */
  private stopped: Frame[] | null = null;
  private resumeAction: ResumeAction | null = null;
  /** Frames whose f_trace_opcodes we switched on (switched off again at the next stop). */
  private readonly opcodeFrames = new Set<Frame>();
  private readonly hook: HostHook = (frame, event, arg) => this.onTraceEvent(frame, event, arg);
  /** Exception breakpoint filters: every raise in user code, and raises nothing will catch. */
  private breakOnRaised = false;
  private breakOnUncaught = false;
  /** Exceptions already stopped on (an exception is reported once, not in every frame it leaves). */
  private readonly reported = new WeakSet<object>();
  /**
   * After a stop on a 'line' event the VM still delivers the 'opcode' event of that same
   * instruction; it is not a new instruction, so a step by instruction must not stop on it.
   */
  private skipOpcodeOf: Frame | null = null;
  /** Scope references that setVariable may write through (valid while stopped). */
  private readonly scopeRefs = new Map<number, { frame: Frame; kind: 'locals' | 'globals' }>();
  /** A pause was asked where no line is known: the hook stops at the next line event. */
  private pauseArmed = false;

  constructor(private readonly host: EngineHost) {}

  /** Reads and compiles the program; throws DebuggerError when it cannot be run. */
  launch(options: LaunchOptions): void {
    if (this.program) throw new DebuggerError('a program is already launched');
    this.options = options;
    this.program = loadProgram(options);
    this.policy.justMyCode = options.justMyCode;
    if (this.program.code) this.registerCode(this.program.code);
  }

  setBreakpoints(path: string, lines: number[]): BreakpointState[] {
    if (this.options?.noDebug) {
      return lines.map((line) => ({ line, verified: false, message: 'the program runs without debugging' }));
    }
    const known = this.fileLines.get(path);
    if (!known) {
      this.policy.setBreakpoints(path, []);
      return lines.map((line) => ({ line, verified: false, message: 'this file is not part of the program' }));
    }
    const states = bindBreakpoints(lines, known);
    this.policy.setBreakpoints(path, states.filter((s) => s.verified).map((s) => s.line));
    this.updateTracing();
    return states;
  }

  setExceptionBreakpoints(filters: string[]): void {
    for (const f of filters) {
      if (f !== 'raised' && f !== 'uncaught') throw new DebuggerError(`unknown exception filter '${f}'`);
    }
    if (this.options?.noDebug) return;
    this.breakOnRaised = filters.includes('raised');
    this.breakOnUncaught = filters.includes('uncaught');
    this.updateTracing();
  }

  /** Runs the program to its end, stopping in the host's `suspend` as asked; returns the exit code. */
  run(): number {
    const program = this.program;
    const options = this.options;
    if (!program || !options) throw new DebuggerError('launch a program first');
    if (!options.noDebug) {
      if (options.stopOnEntry) this.policy.stopOnEntry();
      this.installEvalBreaker();
      this.updateTracing();
    }
    const output = this.host.captureOutput ? (category: 'stdout' | 'stderr', text: string) => this.host.output(category, text) : null;
    return runProgram(program, options, output);
  }

  resume(action: ResumeAction): void {
    if (!this.stopped) throw new DebuggerError('the program is not stopped');
    this.resumeAction = action;
  }

  stackTrace(startFrame: number, levels: number): { frames: FrameInfo[]; totalFrames: number } {
    const frames = this.frames();
    const end = levels > 0 ? Math.min(frames.length, startFrame + levels) : frames.length;
    const out: FrameInfo[] = [];
    for (let i = startFrame; i < end; i++) out.push(this.frameInfo(frames[i], i + 1));
    return { frames: out, totalFrames: frames.length };
  }

  scopes(frameId: number): ScopeInfo[] {
    const frame = this.frame(frameId);
    const inspector = this.inspector;
    const stack = frame.valueStack();
    const scopes: ScopeInfo[] = [
      { name: 'Locals', presentationHint: 'locals', expensive: false, variablesReference: this.scopeReference(frame, 'locals') },
      { name: 'Globals', expensive: false, variablesReference: this.scopeReference(frame, 'globals') },
      {
        name: 'Value stack', presentationHint: 'registers', expensive: false, indexedVariables: stack.length,
        variablesReference: inspector.reference(() => frame.valueStack().map((v, i) => inspector.variable(`[${i}]`, v)), true),
      },
      { name: 'Frame', expensive: false, variablesReference: inspector.reference(() => this.frameVariables(frame)) },
    ];
    return scopes;
  }

  /**
   * Children of `reference`. The value stack has indexed children only (DAP: filter 'named' gets
   * none); `start`/`count` page through indexed children, as clients ask in chunks.
   */
  variables(reference: number, filter?: string, start = 0, count = 0): VariableInfo[] {
    if (!this.stopped) throw new DebuggerError('the program is not stopped');
    const children = this.inspector.children(reference);
    if (!children) throw new DebuggerError(`unknown variablesReference ${reference}`);
    if (filter === 'named') return this.inspector.isIndexed(reference) ? [] : children;
    return count > 0 ? children.slice(start, start + count) : children.slice(start);
  }

  /**
   * Sets a variable of a Locals or Globals scope to the value of `valueText`, evaluated in that
   * scope's frame; returns the variable as it now reads.
   */
  setVariable(reference: number, name: string, valueText: string): VariableInfo {
    if (!this.stopped) throw new DebuggerError('the program is not stopped');
    const scope = this.scopeRefs.get(reference);
    if (!scope) throw new DebuggerError('only variables of the Locals and Globals scopes can be set');
    const { frame, kind } = scope;
    const { code } = compileEvaluation(valueText, false);
    let value: unknown;
    try {
      value = runModuleCode(code, frame.f_globals, frame.f_builtins, frame.locals ?? frame.f_locals);
    } catch (err) {
      throw new DebuggerError(describeError(err));
    }
    if (kind === 'globals') frame.f_globals.setStr(name, value);
    else if (frame.locals !== null) {
      if (typeof frame.locals.setStr !== 'function') throw new DebuggerError('this frame\'s namespace is not a dict');
      frame.locals.setStr(name, value);
    } else {
      const index = frame.f_code.co_localsplusnames.indexOf(name);
      if (index < 0) throw new DebuggerError(`'${name}' is not a local variable of ${frame.f_code.co_qualname}`);
      const slot = frame.localsplus[index];
      if (frame.f_code.co_localspluskinds[index] & (CO_FAST_CELL | CO_FAST_FREE) && slot instanceof PyCell) slot.contents = value;
      else frame.localsplus[index] = value;
    }
    return this.inspector.variable(name, value);
  }

  /**
   * Evaluates `expression` in a stopped frame (its globals, and its locals: for a function frame a
   * snapshot, so assignments there do not change the frame). Runs untraced.
   */
  evaluate(expression: string, frameId: number | undefined, context: string | undefined): VariableInfo {
    const frame = this.frame(frameId ?? 1);
    const { code, isExpression } = compileEvaluation(expression, context === 'repl');
    const locals = frame.locals ?? frame.f_locals;
    let value: unknown;
    try {
      value = runModuleCode(code, frame.f_globals, frame.f_builtins, locals);
    } catch (err) {
      throw new DebuggerError(describeError(err));
    }
    if (!isExpression) return { name: expression, value: '', variablesReference: 0 };
    return this.inspector.variable(expression, value);
  }

  disassemble(reference: string, offset: number, instructionOffset: number, count: number): InstructionInfo[] {
    if (!Number.isInteger(count) || count < 0) throw new DebuggerError("'instructionCount' must be a non-negative integer");
    return disassemble(this.registry, reference, offset, instructionOffset, count);
  }

  frameSnapshots(): FrameSnapshot[] {
    return this.frames().map((frame) => ({
      name: frame.f_code.co_qualname,
      path: frame.f_code.co_filename,
      f_lasti: frame.f_lasti,
      f_lineno: frame.f_lineno ?? frame.f_code.co_firstlineno,
      instruction: this.currentInstruction(frame),
      locals: this.locals(frame).map((v) => ({ name: v.name, value: v.value })),
      valueStack: frame.valueStack().map((v) => safeRepr(v)),
    }));
  }

  // ------------------------------------------------------------------ running under the hook

  private onTraceEvent(frame: Frame, event: 'call' | 'line' | 'opcode' | 'return' | 'exception', arg: unknown): void {
    if (this.stopped) return;
    try {
      this.traceEvent(frame, event, arg);
    } catch (err) {
      // A fault of the debugger must not become an exception in the program it debugs.
      this.host.output('stderr', `pyvm debugger: internal error (${err instanceof Error ? err.message : String(err)}); tracing continues\n`);
    }
  }

  private traceEvent(frame: Frame, event: 'call' | 'line' | 'opcode' | 'return' | 'exception', arg: unknown): void {
    if (event === 'exception' && (this.breakOnRaised || this.breakOnUncaught)) {
      if (this.onException(frame, arg)) return;
    }
    if (this.skipOpcodeOf !== null) {
      const skip = event === 'opcode' && frame === this.skipOpcodeOf;
      this.skipOpcodeOf = null;
      if (skip) return;
    }
    if (event === 'call') this.registerCode(frame.f_code);
    const stop = this.policy.onEvent(frame, event, this.host.pauseRequested());
    if (stop) {
      this.suspend(frame, stop);
      if (event === 'line') this.skipOpcodeOf = frame;
      return;
    }
    if (this.policy.wantsOpcodeEvents()) {
      // A step by instruction (or finishing a step in the caller) needs every frame it may reach.
      if (event === 'return' && frame.f_back) this.traceOpcodes(frame.f_back);
      else this.traceOpcodes(frame);
    }
  }

  /**
   * An 'exception' event (the VM sends one per frame the exception passes through). Stops on the
   * first one for a raise in user code ('raised'), or where it leaves the outermost frame with no
   * handler there ('uncaught'): then the stack shown is the traceback's, innermost first.
   */
  private onException(frame: Frame, arg: unknown): boolean {
    const exc = arg instanceof PyTuple ? arg.items[1] : undefined;
    if (!(exc instanceof PyBaseException) || this.reported.has(exc)) return false;
    const text = describeError(exc);
    if (this.breakOnRaised && !isLibraryFile(frame.f_code.co_filename)) {
      this.reported.add(exc);
      this.suspend(frame, { reason: 'exception', description: `Exception raised: ${text}`, text });
      return true;
    }
    const handled = frame.f_lasti >= 0 && findHandlerInTable(frame.f_code.co_exceptiontable, frame.f_lasti >> 1) !== null;
    if (this.breakOnUncaught && frame.f_back === null && !handled) {
      this.reported.add(exc);
      const frames: Frame[] = [];
      for (let tb: PyTraceback | null = exc.traceback; tb !== null; tb = tb.tb_next) frames.unshift(tb.tb_frame as Frame);
      this.suspend(frame, { reason: 'exception', description: `Uncaught exception: ${text}`, text }, frames);
      return true;
    }
    return false;
  }

  /** Stops the program in `frame`: the host blocks this thread until the client resumes. */
  private suspend(frame: Frame, stop: StopInfo, frames?: Frame[]): void {
    this.stopped = [];
    if (frames) this.stopped.push(...frames);
    else for (let f: Frame | null = frame; f !== null; f = f.f_back) this.stopped.push(f);
    this.resumeAction = null;
    this.pauseArmed = false;
    for (const f of this.opcodeFrames) f.f_trace_opcodes = false;
    this.opcodeFrames.clear();
    flushProgramOutput();
    const wasInTrace = ts.inTrace;
    // Inspection (reprs) may run Python code: it must not be traced or stop again.
    ts.inTrace = true;
    try {
      this.host.suspend(stop);
    } finally {
      ts.inTrace = wasInTrace;
      this.stopped = null;
      this.inspector.reset();
      this.scopeRefs.clear();
    }
    this.policy.resume(this.resumeAction ?? { kind: 'continue' }, frame);
    if (this.policy.wantsOpcodeEvents()) {
      for (let f: Frame | null = frame; f !== null; f = f.f_back) this.traceOpcodes(f);
    }
    this.updateTracing();
  }

  private traceOpcodes(frame: Frame): void {
    if (!frame.f_trace_opcodes) {
      frame.f_trace_opcodes = true;
      this.opcodeFrames.add(frame);
    }
  }

  /** The hook is installed only while something could stop on a trace event. */
  private updateTracing(): void {
    const wanted = this.pauseArmed || this.breakOnRaised || this.breakOnUncaught || this.policy.wantsLineEvents();
    setHostHook(ts, wanted ? this.hook : null);
  }

  /**
   * Pause and requests that arrive while the program runs untraced: the VM polls its eval breaker
   * at backward jumps, calls and RESUME; we give it the host's shared request slot to read.
   */
  private installEvalBreaker(): void {
    const host = this.host;
    ts.breaker = host.signalSlot();
    ts.onEvalBreaker = (frame) => {
      if (this.stopped) return;
      host.poll();
      if (host.pauseRequested()) {
        if (frame.f_lineno) {
          this.policy.resume({ kind: 'continue' }, frame);
          this.suspend(frame, { reason: 'pause' });
          return;
        }
        // No source line here (a module's RESUME is on line 0): stop at the next line instead.
        this.pauseArmed = true;
      }
      this.updateTracing();
    };
  }

  // ------------------------------------------------------------------ inspection

  private frames(): Frame[] {
    if (!this.stopped) throw new DebuggerError('the program is not stopped');
    return this.stopped;
  }

  private frame(frameId: number): Frame {
    const frame = this.frames()[frameId - 1];
    if (!frame) throw new DebuggerError(`unknown frameId ${frameId}`);
    return frame;
  }

  private frameInfo(frame: Frame, id: number): FrameInfo {
    const code = frame.f_code;
    const lasti = Math.max(frame.f_lasti, 0);
    const pos = positionsOf(code)[lasti >> 1];
    const line = frame.f_lineno ?? code.co_firstlineno;
    const info: FrameInfo = {
      id, name: code.co_qualname, path: code.co_filename, line,
      column: pos?.col != null && pos.lineno === line ? pos.col + 1 : 1,
      instructionPointerReference: this.registry.address(code, lasti),
    };
    if (pos?.endLineno != null && pos.endCol != null && pos.lineno === line) {
      info.endLine = pos.endLineno;
      info.endColumn = pos.endCol + 1;
    }
    return info;
  }

  private scopeReference(frame: Frame, kind: 'locals' | 'globals'): number {
    const reference = this.inspector.reference(() => (kind === 'locals' ? this.locals(frame) : this.dictVariables(frame.f_globals)));
    this.scopeRefs.set(reference, { frame, kind });
    return reference;
  }

  private locals(frame: Frame): VariableInfo[] {
    if (frame.locals !== null) return this.dictVariables(frame.locals);
    const names = frame.f_code.co_localsplusnames;
    const out: VariableInfo[] = [];
    const dict = frame.f_locals;
    for (const name of names) {
      const value = dict.getStr(name);
      if (value !== undefined) out.push(this.inspector.variable(name, value));
    }
    return out;
  }

  private dictVariables(dict: { keyList(): unknown[]; valList(): unknown[] } | unknown): VariableInfo[] {
    const d = dict as { keyList?: () => unknown[]; valList?: () => unknown[] };
    if (typeof d.keyList !== 'function' || typeof d.valList !== 'function') {
      return [this.inspector.variable('(namespace)', dict)];
    }
    const keys = d.keyList();
    const vals = d.valList!();
    return keys.map((k, i) => this.inspector.variable(typeof k === 'string' ? k : safeRepr(k), vals[i]));
  }

  private frameVariables(frame: Frame): VariableInfo[] {
    const code = frame.f_code;
    const plain = (name: string, value: string): VariableInfo => ({ name, value, variablesReference: 0 });
    return [
      plain('instruction', this.currentInstruction(frame)),
      plain('f_lasti', String(frame.f_lasti)),
      plain('f_lineno', String(frame.f_lineno ?? 'None')),
      plain('stack depth', `${frame.sp} of co_stacksize ${code.co_stacksize}`),
      plain('co_qualname', code.co_qualname),
      plain('co_filename', code.co_filename),
      plain('co_firstlineno', String(code.co_firstlineno)),
    ];
  }

  private currentInstruction(frame: Frame): string {
    if (frame.f_lasti < 0) return '(not started)';
    const ins = decodeInstructions(frame.f_code).find((i) => i.offset === frame.f_lasti);
    return ins ? `${frame.f_lasti} ${instructionText(frame.f_code, ins)}` : `${frame.f_lasti} ?`;
  }

  private registerCode(code: CodeObject): void {
    if (this.registry.has(code)) return;
    this.registry.idOf(code);
    const lines = this.fileLines.get(code.co_filename) ?? new Set<number>();
    executableLines(code, lines);
    this.fileLines.set(code.co_filename, lines);
  }

}
