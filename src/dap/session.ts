// The DAP session: translates DAP requests into VM-host requests and host events into DAP events,
// one small method per request. The program itself runs in a worker (see channel.ts, vm-host.ts).
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import {
  DebugSession, ExitedEvent, InitializedEvent, OutputEvent, Source, StackFrame, StoppedEvent,
  TerminatedEvent, Thread, ContinuedEvent,
} from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type {
  BreakpointState, FrameInfo, FrameSnapshot, InstructionInfo, LaunchOptions, ScopeInfo, VariableInfo,
} from '../debugger/types';
import { SocketChannel, WorkerChannel, type VmChannel } from './channel';
import type { HostEvent } from './host-protocol';

export interface SessionOptions {
  /** Path of the bundled VM host worker (dap-worker.js). */
  workerPath: string;
  /** Path of the bundled terminal VM host (dap-host.js); default: beside the worker. */
  terminalHostPath?: string;
}

type ConsoleKind = 'internalConsole' | 'integratedTerminal' | 'externalTerminal';

/** pyvm runs one Python thread. */
const THREAD_ID = 1;

/** Our custom request for the extension's Frames view. */
export const FRAMES_REQUEST = 'pyvm/frames';

/** Requests this adapter answers; anything else gets an error response, never a fake success. */
const HANDLED = new Set([
  'initialize', 'launch', 'configurationDone', 'setBreakpoints', 'setExceptionBreakpoints', 'threads',
  'disconnect', 'terminate', 'continue', 'next', 'stepIn', 'stepOut', 'pause', 'stackTrace', 'scopes',
  'variables', 'setVariable', 'evaluate', 'disassemble', FRAMES_REQUEST,
]);

/** DAP launch arguments, named as debugpy names them. */
interface LaunchArguments extends DebugProtocol.LaunchRequestArguments {
  program?: unknown;
  module?: unknown;
  args?: unknown;
  cwd?: unknown;
  env?: unknown;
  stopOnEntry?: unknown;
  console?: unknown;
  justMyCode?: unknown;
}

class RequestError extends Error {}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class PyvmDebugSession extends DebugSession {
  private channel: VmChannel | undefined;
  private terminated = false;
  private clientRunsInTerminal = false;

  constructor(private readonly options: SessionOptions) {
    super();
    this.setDebuggerLinesStartAt1(true);
    this.setDebuggerColumnsStartAt1(true);
    // The base class shuts the adapter down on any 'error', including one malformed message;
    // we report a malformed message to the client and keep serving.
    this.removeAllListeners('error');
    this.on('error', (event: DebugProtocol.Event) => {
      const text = String(event.body ?? 'unknown error');
      if (text.startsWith('Error handling data')) {
        this.sendEvent(new OutputEvent(`pyvm dap: ignored a malformed message (${text})\n`, 'important'));
      } else {
        void this.stopProgram().then(() => this.shutdown());
      }
    });
    this.on('close', () => void this.stopProgram());
  }

  /** Validates the message's shape before the base class touches it. */
  override handleMessage(message: DebugProtocol.ProtocolMessage): void {
    const msg = message as unknown as Record<string, unknown>;
    if (typeof msg !== 'object' || msg === null || (msg.type !== 'request' && msg.type !== 'response')) {
      this.sendEvent(new OutputEvent('pyvm dap: ignored a message that is neither a request nor a response\n', 'important'));
      return;
    }
    if (msg.type === 'request' && (typeof msg.command !== 'string' || typeof msg.seq !== 'number')) {
      const seq = typeof msg.seq === 'number' ? msg.seq : 0;
      const response: DebugProtocol.Response = {
        seq: 0, type: 'response', request_seq: seq, success: false,
        command: typeof msg.command === 'string' ? msg.command : '',
        message: "malformed request: 'seq' must be a number and 'command' a string",
      };
      this.sendResponse(response);
      return;
    }
    super.handleMessage(message);
  }

  protected override dispatchRequest(request: DebugProtocol.Request): void {
    const fail = (text: string): void => {
      this.sendResponse({
        seq: 0, type: 'response', request_seq: request.seq, command: request.command, success: false,
        message: text, body: { error: { id: 1, format: text, showUser: true } },
      } as DebugProtocol.ErrorResponse);
    };
    if (!HANDLED.has(request.command)) {
      fail(`pyvm does not support the '${request.command}' request`);
      return;
    }
    const args: unknown = request.arguments;
    if (args !== undefined && (typeof args !== 'object' || args === null || Array.isArray(args))) {
      fail(`malformed '${request.command}' request: 'arguments' must be an object`);
      return;
    }
    // A missing `arguments` is an empty one; each handler checks the fields it needs.
    if (args === undefined) request.arguments = {};
    if (request.command === 'initialize') request.arguments.pathFormat ??= 'path';
    try {
      super.dispatchRequest(request);
    } catch (err) {
      fail(`pyvm internal error in '${request.command}': ${errorMessage(err)}`);
    }
  }

  protected override customRequest(command: string, response: DebugProtocol.Response, _args: unknown): void {
    if (command === FRAMES_REQUEST) {
      this.forward(response, 'frames', undefined, (frames: FrameSnapshot[]) => ({ frames }));
      return;
    }
    this.fail(response, `pyvm does not support the '${command}' request`);
  }

  protected override initializeRequest(
    response: DebugProtocol.InitializeResponse, args: DebugProtocol.InitializeRequestArguments,
  ): void {
    this.clientRunsInTerminal = args.supportsRunInTerminalRequest === true;
    response.body = {
      supportsConfigurationDoneRequest: true,
      supportsTerminateRequest: true,
      supportsSteppingGranularity: true,
      supportsDisassembleRequest: true,
      supportsEvaluateForHovers: true,
      supportsSetVariable: true,
      exceptionBreakpointFilters: [
        { filter: 'raised', label: 'Raised Exceptions', description: 'Stop where any exception is raised in your code', default: false },
        { filter: 'uncaught', label: 'Uncaught Exceptions', description: 'Stop when an exception ends the program, in the frame that raised it', default: true },
      ],
    };
    this.sendResponse(response);
  }

  protected override async launchRequest(response: DebugProtocol.LaunchResponse, args: LaunchArguments): Promise<void> {
    let options: LaunchOptions;
    let console: ConsoleKind;
    try {
      ({ options, console } = launchOptions(args));
    } catch (err) {
      this.fail(response, errorMessage(err));
      return;
    }
    if (this.channel) {
      this.fail(response, 'this session has already launched a program');
      return;
    }
    let channel: VmChannel;
    try {
      channel = console === 'internalConsole'
        ? new WorkerChannel(this.options.workerPath, { ...process.env, ...options.env })
        : await this.startInTerminal(options, console === 'integratedTerminal' ? 'integrated' : 'external');
    } catch (err) {
      this.fail(response, errorMessage(err));
      return;
    }
    this.channel = channel;
    channel.onEvent((event) => this.hostEvent(event));
    channel.onExit((error) => {
      if (this.channel !== channel) return;
      if (error) this.sendEvent(new OutputEvent(`${error}\n`, 'stderr'));
      this.terminate();
    });
    try {
      await channel.request('launch', options);
    } catch (err) {
      this.channel = undefined;
      await channel.close();
      this.fail(response, errorMessage(err));
      return;
    }
    this.sendResponse(response);
    // Breakpoints are set only now that the host has the program's code to verify them against.
    this.sendEvent(new InitializedEvent());
  }

  protected override configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse): void {
    this.forward(response, 'start');
  }

  protected override setBreakPointsRequest(
    response: DebugProtocol.SetBreakpointsResponse, args: DebugProtocol.SetBreakpointsArguments,
  ): void {
    const sourcePath = args.source?.path;
    if (typeof sourcePath !== 'string') {
      this.fail(response, "setBreakpoints: 'source.path' is required");
      return;
    }
    const lines = (args.breakpoints ?? []).map((bp) => this.convertClientLineToDebugger(bp.line));
    this.forward(response, 'setBreakpoints', { path: this.convertClientPathToDebugger(sourcePath), lines },
      (states: BreakpointState[]) => ({
        breakpoints: states.map((s) => ({
          verified: s.verified, line: this.convertDebuggerLineToClient(s.line),
          ...(s.message ? { message: s.message } : {}),
        })),
      }));
  }

  protected override setExceptionBreakPointsRequest(
    response: DebugProtocol.SetExceptionBreakpointsResponse, args: DebugProtocol.SetExceptionBreakpointsArguments,
  ): void {
    const filters = args.filters ?? [];
    if (!Array.isArray(filters) || filters.some((f) => typeof f !== 'string')) {
      this.fail(response, "setExceptionBreakpoints: 'filters' must be an array of strings");
      return;
    }
    if ((args.filterOptions ?? []).length > 0) {
      this.fail(response, 'pyvm does not support exception filter options (conditions)');
      return;
    }
    this.forward(response, 'setExceptionBreakpoints', { filters });
  }

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    response.body = { threads: this.channel ? [new Thread(THREAD_ID, 'MainThread')] : [] };
    this.sendResponse(response);
  }

  protected override continueRequest(response: DebugProtocol.ContinueResponse): void {
    this.forward(response, 'continue', undefined, () => ({ allThreadsContinued: true }));
  }

  protected override nextRequest(response: DebugProtocol.NextResponse, args: DebugProtocol.NextArguments): void {
    this.forward(response, 'stepOver', { granularity: granularity(args.granularity) });
  }

  protected override stepInRequest(response: DebugProtocol.StepInResponse, args: DebugProtocol.StepInArguments): void {
    this.forward(response, 'stepIn', { granularity: granularity(args.granularity) });
  }

  protected override stepOutRequest(response: DebugProtocol.StepOutResponse, args: DebugProtocol.StepOutArguments): void {
    this.forward(response, 'stepOut', { granularity: granularity(args.granularity) });
  }

  protected override pauseRequest(response: DebugProtocol.PauseResponse): void {
    if (!this.channel) {
      this.fail(response, 'no program is running');
      return;
    }
    this.channel.requestPause();
    this.sendResponse(response);
  }

  protected override stackTraceRequest(
    response: DebugProtocol.StackTraceResponse, args: DebugProtocol.StackTraceArguments,
  ): void {
    this.forward(response, 'stackTrace', { startFrame: args.startFrame ?? 0, levels: args.levels ?? 0 },
      (trace: { frames: FrameInfo[]; totalFrames: number }) => ({
        stackFrames: trace.frames.map((f) => this.stackFrame(f)),
        totalFrames: trace.totalFrames,
      }));
  }

  protected override scopesRequest(response: DebugProtocol.ScopesResponse, args: DebugProtocol.ScopesArguments): void {
    this.forward(response, 'scopes', { frameId: args.frameId }, (scopes: ScopeInfo[]) => ({ scopes }));
  }

  protected override variablesRequest(
    response: DebugProtocol.VariablesResponse, args: DebugProtocol.VariablesArguments,
  ): void {
    this.forward(response, 'variables', {
      variablesReference: args.variablesReference, filter: args.filter, start: args.start ?? 0, count: args.count ?? 0,
    },
      (variables: VariableInfo[]) => ({ variables }));
  }

  protected override setVariableRequest(
    response: DebugProtocol.SetVariableResponse, args: DebugProtocol.SetVariableArguments,
  ): void {
    if (typeof args.name !== 'string' || typeof args.value !== 'string') {
      this.fail(response, "setVariable: 'name' and 'value' must be strings");
      return;
    }
    this.forward(response, 'setVariable', { variablesReference: args.variablesReference, name: args.name, value: args.value },
      (v: VariableInfo) => ({ value: v.value, type: v.type, variablesReference: v.variablesReference }));
  }

  protected override evaluateRequest(
    response: DebugProtocol.EvaluateResponse, args: DebugProtocol.EvaluateArguments,
  ): void {
    if (typeof args.expression !== 'string') {
      this.fail(response, "evaluate: 'expression' must be a string");
      return;
    }
    this.forward(response, 'evaluate', { expression: args.expression, frameId: args.frameId, context: args.context },
      (v: VariableInfo) => ({ result: v.value, type: v.type, variablesReference: v.variablesReference }));
  }

  protected override disassembleRequest(
    response: DebugProtocol.DisassembleResponse, args: DebugProtocol.DisassembleArguments,
  ): void {
    this.forward(response, 'disassemble', args, (instructions: InstructionInfo[]) => ({
      instructions: instructions.map((i) => ({
        ...i,
        ...(i.path !== undefined && !i.path.startsWith('<')
          ? { location: new Source(path.basename(i.path), this.convertDebuggerPathToClient(i.path)) } : {}),
        ...(i.line !== undefined ? { line: this.convertDebuggerLineToClient(i.line) } : {}),
        path: undefined,
      })),
    }));
  }

  protected override async disconnectRequest(response: DebugProtocol.DisconnectResponse): Promise<void> {
    await this.stopProgram();
    this.sendResponse(response);
    this.shutdown();
  }

  protected override async terminateRequest(response: DebugProtocol.TerminateResponse): Promise<void> {
    await this.stopProgram();
    this.sendResponse(response);
    this.terminate();
  }

  /**
   * Asks the client to start the VM host (dap-host.js) in a terminal, so the program reads and
   * writes that terminal; the host connects back to a loopback port with a one-time token.
   */
  private async startInTerminal(options: LaunchOptions, kind: 'integrated' | 'external'): Promise<VmChannel> {
    if (!this.clientRunsInTerminal) {
      throw new RequestError('this client cannot run programs in a terminal (no runInTerminal): use "internalConsole"');
    }
    const server = net.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as net.AddressInfo;
    const token = randomBytes(16).toString('hex');
    const accepted = SocketChannel.accept(server, token, 20000);
    accepted.catch(() => undefined);
    const hostPath = this.options.terminalHostPath ?? path.join(path.dirname(this.options.workerPath), 'dap-host.js');
    const env: Record<string, string | null> = { ...options.env };
    // Inside VS Code the extension host's binary may be Electron: make it behave as Node.
    if (process.versions.electron) env.ELECTRON_RUN_AS_NODE = '1';
    const title = `pyvm: ${path.basename(options.program ?? options.module ?? '')}`;
    const args = [process.execPath, hostPath, '--connect', `127.0.0.1:${port}`, '--token', token];
    try {
      await new Promise<void>((resolve, reject) => {
        this.runInTerminalRequest({ kind, title, cwd: options.cwd, args, env }, 10000, (r) => {
          if (r.success) resolve();
          else reject(new RequestError(`the client could not start the program in a terminal: ${r.message ?? 'no reason given'}`));
        });
      });
    } catch (err) {
      server.close();
      throw err;
    }
    return accepted;
  }

  private stackFrame(f: FrameInfo): DebugProtocol.StackFrame {
    // Code compiled from a string (`<string>`, exec/eval) has no file a client could open.
    const source = f.path.startsWith('<') ? undefined : new Source(path.basename(f.path), this.convertDebuggerPathToClient(f.path));
    const frame: DebugProtocol.StackFrame = new StackFrame(
      f.id, f.name, source, this.convertDebuggerLineToClient(f.line), this.convertDebuggerColumnToClient(f.column));
    if (!source) frame.presentationHint = 'subtle';
    if (f.endLine !== undefined) frame.endLine = this.convertDebuggerLineToClient(f.endLine);
    if (f.endColumn !== undefined) frame.endColumn = this.convertDebuggerColumnToClient(f.endColumn);
    frame.instructionPointerReference = f.instructionPointerReference;
    return frame;
  }

  private hostEvent(event: HostEvent): void {
    switch (event.kind) {
      case 'output':
        this.sendEvent(new OutputEvent(event.text, event.category));
        break;
      case 'stopped': {
        const stopped = new StoppedEvent(event.reason, THREAD_ID, event.text) as DebugProtocol.StoppedEvent;
        stopped.body.allThreadsStopped = true;
        if (event.description) stopped.body.description = event.description;
        this.sendEvent(stopped);
        break;
      }
      case 'continued':
        this.sendEvent(new ContinuedEvent(THREAD_ID, true));
        break;
      case 'exited':
        this.sendEvent(new ExitedEvent(event.exitCode));
        break;
    }
  }

  /** Sends `command` to the VM host and answers `response` with its (mapped) result or error. */
  private forward<T>(
    response: DebugProtocol.Response, command: string, args?: unknown, map?: (body: T) => unknown,
  ): void {
    if (!this.channel) {
      this.fail(response, 'no program is running: launch one first');
      return;
    }
    this.channel.request<T>(command, args).then(
      (body) => {
        if (map) response.body = map(body);
        this.sendResponse(response);
      },
      (err: unknown) => this.fail(response, errorMessage(err)),
    );
  }

  private fail(response: DebugProtocol.Response, text: string): void {
    response.success = false;
    response.message = text;
    response.body = { error: { id: 1, format: text, showUser: true } };
    this.sendResponse(response);
  }

  private async stopProgram(): Promise<void> {
    const channel = this.channel;
    if (channel) await channel.close();
  }

  private terminate(): void {
    if (this.terminated) return;
    this.terminated = true;
    this.sendEvent(new TerminatedEvent());
  }
}

function granularity(value: DebugProtocol.SteppingGranularity | undefined): 'line' | 'instruction' {
  return value === 'instruction' ? 'instruction' : 'line';
}

function launchOptions(args: LaunchArguments): { options: LaunchOptions; console: ConsoleKind } {
  const { program, module } = args;
  if (program !== undefined && typeof program !== 'string') throw new RequestError("'program' must be a string");
  if (module !== undefined && typeof module !== 'string') throw new RequestError("'module' must be a string");
  if ((program === undefined) === (module === undefined)) {
    throw new RequestError("launch needs exactly one of 'program' or 'module'");
  }
  if (program !== undefined && !fs.existsSync(program)) {
    throw new RequestError(`program '${program}' does not exist`);
  }
  const argv = args.args ?? [];
  if (!Array.isArray(argv) || argv.some((a) => typeof a !== 'string')) {
    throw new RequestError("'args' must be an array of strings");
  }
  const cwd = args.cwd ?? (program !== undefined ? path.dirname(path.resolve(program)) : process.cwd());
  if (typeof cwd !== 'string') throw new RequestError("'cwd' must be a string");
  const env = args.env ?? {};
  if (typeof env !== 'object' || env === null || Object.values(env).some((v) => typeof v !== 'string')) {
    throw new RequestError("'env' must map names to strings");
  }
  const console = args.console ?? 'internalConsole';
  if (console !== 'internalConsole' && console !== 'integratedTerminal' && console !== 'externalTerminal') {
    throw new RequestError(`console '${String(console)}' is not one of internalConsole, integratedTerminal, externalTerminal`);
  }
  return {
    console,
    options: {
      ...(program !== undefined ? { program: path.resolve(program) } : {}),
      ...(module !== undefined ? { module } : {}),
      args: argv as string[],
      cwd,
      env: env as Record<string, string>,
      stopOnEntry: args.stopOnEntry === true,
      justMyCode: args.justMyCode !== false,
      noDebug: args.noDebug === true,
    },
  };
}
