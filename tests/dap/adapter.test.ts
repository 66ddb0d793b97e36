// The DAP server over stdio: capabilities, error responses for bad and unsupported requests.
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import { SAMPLES, stdioClient } from './helpers';

let dc: DebugClient;
beforeEach(async () => { dc = await stdioClient(); });
afterEach(async () => { await dc.stop(); });

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('the request succeeded');
}

describe('pyvm dap over stdio', () => {
  it('answers initialize with the capabilities it implements', async () => {
    const response = await dc.initializeRequest({ adapterID: 'pyvm', pathFormat: 'path', linesStartAt1: true, columnsStartAt1: true });
    expect(response.success).toBe(true);
    expect(response.body?.supportsConfigurationDoneRequest).toBe(true);
    expect(response.body?.supportsTerminateRequest).toBe(true);
    expect(response.body?.supportsSteppingGranularity).toBe(true);
    expect(response.body?.supportsDisassembleRequest).toBe(true);
    expect(response.body?.supportsEvaluateForHovers).toBe(true);
    expect(response.body?.exceptionBreakpointFilters?.map((f) => f.filter)).toEqual(['raised', 'uncaught']);
    // Not built: must not be advertised.
    expect(response.body?.supportsStepBack).toBeFalsy();
    expect(response.body?.supportsSetVariable).toBe(true);
  });

  it('rejects a request it does not implement with an error, not a fake success', async () => {
    await dc.initializeRequest();
    expect(await failure(dc.stepBackRequest({ threadId: 1 }))).toBe("pyvm does not support the 'stepBack' request");
    expect(await failure(dc.restartFrameRequest({ frameId: 1 }))).toBe("pyvm does not support the 'restartFrame' request");
    expect(await failure(dc.customRequest('frobnicate', {}))).toBe("pyvm does not support the 'frobnicate' request");
  });

  it('answers malformed requests with errors and keeps serving', async () => {
    expect(await failure(dc.customRequest('initialize', 'x'))).toBe("malformed 'initialize' request: 'arguments' must be an object");
    expect(await failure(dc.customRequest('initialize', { pathFormat: 'uri' }))).toBe('debug adapter only supports native paths');
    expect(await failure(dc.setBreakpointsRequest({ breakpoints: [{ line: 1 }] } as never)))
      .toBe("setBreakpoints: 'source.path' is required");
    expect(await failure(dc.customRequest('launch', [1, 2]))).toBe("malformed 'launch' request: 'arguments' must be an object");
    expect(await failure(dc.launchRequest({ program: 42 } as never))).toBe("'program' must be a string");
    expect(await failure(dc.launchRequest({} as never))).toBe("launch needs exactly one of 'program' or 'module'");
    expect(await failure(dc.launchRequest({ program: '/nonexistent/x.py' } as never)))
      .toBe("program '/nonexistent/x.py' does not exist");
    expect(await failure(dc.launchRequest({ program: path.join(SAMPLES, 'hello.py'), args: 'a b' } as never)))
      .toBe("'args' must be an array of strings");
    expect(await failure(dc.launchRequest({ program: path.join(SAMPLES, 'hello.py'), console: 'integratedTerminal' } as never)))
      .toBe('this client cannot run programs in a terminal (no runInTerminal): use "internalConsole"');
    expect(await failure(dc.launchRequest({ program: path.join(SAMPLES, 'hello.py'), console: 'somewhere' } as never)))
      .toBe("console 'somewhere' is not one of internalConsole, integratedTerminal, externalTerminal");
    const response = await dc.initializeRequest();
    expect(response.success).toBe(true);
  });

  it('requires a launched program for execution requests', async () => {
    await dc.initializeRequest();
    expect(await failure(dc.stackTraceRequest({ threadId: 1 }))).toBe('no program is running: launch one first');
    expect(await failure(dc.continueRequest({ threadId: 1 }))).toBe('no program is running: launch one first');
    expect((await dc.threadsRequest()).body.threads).toEqual([]);
  });
});
