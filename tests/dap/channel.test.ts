// The session↔VM-host channel: a worker blocked in Atomics.wait answers requests synchronously,
// output precedes the stop that follows it, pause reaches a busy thread, terminate ends it.
import * as os from 'node:os';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { WorkerChannel } from '../../src/dap/channel';
import type { HostEvent } from '../../src/dap/host-protocol';

let fixture: string;
beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pyvm-channel-'));
  fixture = path.join(dir, 'host-fixture.js');
  await build({
    entryPoints: [path.join(__dirname, 'fixtures/host-fixture.ts')], outfile: fixture,
    bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning',
  });
});

function nextEvent(events: HostEvent[], waiters: (() => void)[], kind: HostEvent['kind']): Promise<HostEvent> {
  return new Promise((resolve) => {
    const check = (): void => {
      const found = events.find((e) => e.kind === kind);
      if (found) resolve(found);
      else waiters.push(check);
    };
    check();
  });
}

describe('WorkerChannel and HostEndpoint', () => {
  it('serves requests while the host is blocked, in order, and resumes', async () => {
    const channel = new WorkerChannel(fixture);
    const events: HostEvent[] = [];
    const waiters: (() => void)[] = [];
    channel.onEvent((e) => { events.push(e); for (const w of waiters.splice(0)) w(); });

    await nextEvent(events, waiters, 'stopped');
    // The output written before the stop arrived before the stop.
    expect(events.map((e) => e.kind)).toEqual(['output', 'stopped']);
    expect(events[0]).toEqual({ kind: 'output', category: 'stdout', text: 'before the stop\n' });

    // Requests posted together are answered in order by the blocked thread.
    const answers = await Promise.all([
      channel.request('bump'), channel.request('bump'), channel.request('read', { x: [1, 2] }),
    ]);
    expect(answers).toEqual([1, 2, { counter: 2, args: { x: [1, 2] } }]);
    await expect(channel.request('userError')).rejects.toThrow(/^a message for the user$/);
    await expect(channel.request('bug')).rejects.toThrow("pyvm internal error in 'bug': x is not a function");

    await channel.request('resume');
    // While running (never yielding to its event loop) the host still answers at its poll points.
    expect(await channel.request('bump')).toBe(3);
    channel.requestPause();
    events.length = 0;
    const stopped = await nextEvent(events, waiters, 'stopped');
    expect(stopped).toEqual({ kind: 'stopped', reason: 'pause' });
    expect(await channel.request('read')).toEqual({ counter: 3 });
    await channel.request('resume');
    await nextEvent(events, waiters, 'exited');
    await channel.close();
  });

  it('terminates a host blocked in Atomics.wait and fails its pending requests', async () => {
    const channel = new WorkerChannel(fixture);
    const exited = new Promise<string | undefined>((resolve) => channel.onExit(resolve));
    await channel.request('read');
    await channel.close();
    expect(await exited).toBeUndefined();
    await expect(channel.request('read')).rejects.toThrow('the program is no longer running');
  });
});
