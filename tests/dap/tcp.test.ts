// `pyvm dap --port N`: several clients at once, each with its own session.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { startTcpServer } from './helpers';

let server: ChildProcess;
let port: number;
beforeAll(async () => { ({ server, port } = await startTcpServer()); });
afterAll(() => { server.kill(); });

describe('pyvm dap --port', () => {
  it('serves several clients concurrently, each with its own session', async () => {
    const clients = [new DebugClient('node', '', 'pyvm'), new DebugClient('node', '', 'pyvm'), new DebugClient('node', '', 'pyvm')];
    await Promise.all(clients.map((c) => c.start(port)));
    const responses = await Promise.all(clients.map((c) => c.initializeRequest()));
    for (const r of responses) {
      expect(r.success).toBe(true);
      expect(r.body?.supportsConfigurationDoneRequest).toBe(true);
    }
    // One client's bad launch does not disturb the others.
    await expect(clients[0].launchRequest({} as never)).rejects.toThrow("launch needs exactly one of 'program' or 'module'");
    expect((await clients[1].threadsRequest()).success).toBe(true);
    await Promise.all(clients.map((c) => c.stop()));
    // The server outlives its clients.
    const late = new DebugClient('node', '', 'pyvm');
    await late.start(port);
    expect((await late.initializeRequest()).success).toBe(true);
    await late.stop();
  });

  it('refuses bad options', async () => {
    const { spawnSync } = await import('node:child_process');
    const { CLI } = await import('./helpers');
    const r = spawnSync(process.execPath, [CLI, 'dap', '--port', 'abc'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("pyvm dap: bad argument '--port'");
  });
});
