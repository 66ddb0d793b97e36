// console: "integratedTerminal": the adapter asks the client (runInTerminal) to start the VM host
// in a terminal; the program then reads and writes that terminal while the session debugs it over
// a loopback socket. The client's terminal is played here by a child process with pipes.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { stdioClient } from './helpers';

const PROGRAM = path.join(__dirname, 'fixtures', 'greet_input.py');

let dc: DebugClient;
let terminal: ChildProcess | undefined;
let terminalOutput: string;
let terminalRequest: DebugProtocol.RunInTerminalRequestArguments | undefined;

/** Makes the DebugClient answer runInTerminal by spawning the command, as a terminal would. */
function actAsTerminal(client: DebugClient): void {
  const c = client as unknown as { dispatch(body: string): void; outputStream: NodeJS.WritableStream };
  const dispatch = c.dispatch.bind(client);
  c.dispatch = (body: string) => {
    const message = JSON.parse(body);
    if (message.type !== 'request' || message.command !== 'runInTerminal') {
      dispatch(body);
      return;
    }
    terminalRequest = message.arguments;
    const [command, ...args] = terminalRequest!.args;
    terminal = spawn(command, args, { cwd: terminalRequest!.cwd, env: { ...process.env, ...(terminalRequest!.env as Record<string, string>) } });
    terminal.stdout!.on('data', (chunk: Buffer) => { terminalOutput += chunk.toString(); });
    terminal.stderr!.on('data', (chunk: Buffer) => { terminalOutput += chunk.toString(); });
    const response = JSON.stringify({
      type: 'response', seq: 0, request_seq: message.seq, command: 'runInTerminal', success: true, body: { processId: terminal.pid },
    });
    c.outputStream.write(`Content-Length: ${Buffer.byteLength(response)}\r\n\r\n${response}`);
  };
}

beforeEach(async () => {
  terminalOutput = '';
  terminal = undefined;
  dc = await stdioClient();
  actAsTerminal(dc);
});
afterEach(async () => {
  await dc.stop();
  terminal?.kill();
});

async function launch(breakpoints: number[]): Promise<void> {
  await dc.initializeRequest({ adapterID: 'pyvm', pathFormat: 'path', supportsRunInTerminalRequest: true });
  const initialized = dc.waitForEvent('initialized');
  await dc.launchRequest({ program: PROGRAM, console: 'integratedTerminal' } as DebugProtocol.LaunchRequestArguments);
  await initialized;
  await dc.setBreakpointsRequest({ source: { path: PROGRAM }, breakpoints: breakpoints.map((line) => ({ line })) });
}

async function waitFor(predicate: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !predicate(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(predicate()).toBe(true);
}

describe('console: integratedTerminal', () => {
  it('runs the program in the terminal: input() reads it, breakpoints stop it', async () => {
    await launch([2]);
    expect(terminalRequest).toMatchObject({ kind: 'integrated', title: 'pyvm: greet_input.py', cwd: path.dirname(PROGRAM) });
    const stopped = dc.waitForEvent('stopped');
    await dc.configurationDoneRequest();
    await waitFor(() => terminalOutput.includes('name? '));
    terminal!.stdin!.write('pyvm\n');
    expect((await stopped).body.reason).toBe('breakpoint');
    const frames = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    expect(frames.map((f) => `${f.name}:${f.line}`)).toEqual(['<module>:2']);
    expect((await dc.evaluateRequest({ expression: 'name', frameId: frames[0].id, context: 'watch' })).body.result).toBe("'pyvm'");
    const exited = dc.waitForEvent('exited');
    const terminated = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId: 1 });
    expect((await exited).body.exitCode).toBe(0);
    await terminated;
    await waitFor(() => terminalOutput.includes('hello pyvm\n'));
    expect(terminalOutput).toBe('name? hello pyvm\n');
  });

  it('ends the terminal program when the session disconnects', async () => {
    await launch([]);
    await dc.configurationDoneRequest();
    await waitFor(() => terminalOutput.includes('name? '));
    const ended = new Promise<void>((resolve) => terminal!.on('exit', () => resolve()));
    await dc.disconnectRequest({});
    await ended;
  });
});
