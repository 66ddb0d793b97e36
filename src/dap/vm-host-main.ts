// The VM host's main loop, shared by the worker (dap-worker.js, the default) and the separate
// process run in the client's terminal (dap-host.js): the program runs on the calling thread,
// synchronously; when the engine stops it, the thread blocks and answers the session's requests
// from the live frames until a resume command arrives.
import { DebugEngine } from '../debugger/engine';
import { DebuggerError } from '../debugger/errors';
import type { LaunchOptions, ResumeAction, StopInfo } from '../debugger/types';
import type { HostEndpoint } from './vm-host';

/** Serves requests, runs the program once told to start, and reports its exit. */
export function serveVmHost(endpoint: HostEndpoint, captureOutput: boolean): void {
  let started = false;
  let resumed = false;

  const engine = new DebugEngine({
    captureOutput,
    output: (category, text) => endpoint.emit({ kind: 'output', category, text }),
    suspend: (stop: StopInfo) => {
      resumed = false;
      endpoint.clearPause();
      endpoint.emit({ kind: 'stopped', ...stop });
      endpoint.serveUntil(dispatch, () => resumed);
    },
    poll: () => endpoint.drain(dispatch),
    interruptPending: () => endpoint.hasPending(),
    signalSlot: () => endpoint.signalView(),
    pauseRequested: () => endpoint.pauseRequested(),
    clearPause: () => endpoint.clearPause(),
  });

  function resume(action: ResumeAction): void {
    engine.resume(action);
    resumed = true;
  }

  function field<T>(args: unknown, name: string): T {
    if (typeof args !== 'object' || args === null) throw new DebuggerError('missing arguments');
    return (args as Record<string, T>)[name];
  }

  function dispatch(command: string, args: unknown): unknown {
    switch (command) {
      case 'launch':
        engine.launch(args as LaunchOptions);
        return undefined;
      case 'setBreakpoints':
        return engine.setBreakpoints(field<string>(args, 'path'), field<number[]>(args, 'lines'));
      case 'setExceptionBreakpoints':
        engine.setExceptionBreakpoints(field<string[]>(args, 'filters'));
        return undefined;
      case 'start':
        started = true;
        return undefined;
      case 'continue':
        resume({ kind: 'continue' });
        return undefined;
      case 'stepIn':
      case 'stepOver':
      case 'stepOut':
        resume({ kind: command, granularity: field<'line' | 'instruction'>(args, 'granularity') ?? 'line' });
        return undefined;
      case 'stackTrace':
        return engine.stackTrace(field<number>(args, 'startFrame') ?? 0, field<number>(args, 'levels') ?? 0);
      case 'scopes':
        return engine.scopes(field<number>(args, 'frameId'));
      case 'variables':
        return engine.variables(field<number>(args, 'variablesReference'), field<string | undefined>(args, 'filter'),
          field<number>(args, 'start') ?? 0, field<number>(args, 'count') ?? 0);
      case 'disassemble':
        return engine.disassemble(
          field<string>(args, 'memoryReference'), field<number>(args, 'offset') ?? 0,
          field<number>(args, 'instructionOffset') ?? 0, field<number>(args, 'instructionCount'));
      case 'setVariable':
        return engine.setVariable(field<number>(args, 'variablesReference'), field<string>(args, 'name'),
          field<string>(args, 'value'));
      case 'evaluate':
        return engine.evaluate(field<string>(args, 'expression'), field<number | undefined>(args, 'frameId'),
          field<string | undefined>(args, 'context'));
      case 'frames':
        return engine.frameSnapshots();
      default:
        throw new DebuggerError(`the VM host does not know the request '${command}'`);
    }
  }

  // Configuration phase: answer launch/setBreakpoints until the session says start.
  endpoint.serveUntil(dispatch, () => started);
  let exitCode: number;
  try {
    exitCode = engine.run();
  } catch (err) {
    endpoint.emit({
      kind: 'output', category: 'stderr',
      text: `pyvm: ${err instanceof Error ? err.message : String(err)}\n`,
    });
    exitCode = 1;
  }
  endpoint.emit({ kind: 'exited', exitCode });
}
