// Shared setup for the DAP tests: they drive the real, built adapter (npm test builds dist/ first).
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';

export const ROOT = path.resolve(__dirname, '../..');
export const ADAPTER = path.join(ROOT, 'dist/dap.js');
export const CLI = path.join(ROOT, 'dist/cli.js');
export const SAMPLES = path.join(ROOT, 'sample-programs');

export function requireBuild(): void {
  if (!fs.existsSync(ADAPTER) || !fs.existsSync(path.join(ROOT, 'dist/dap-worker.js'))) {
    throw new Error('dist/dap.js is missing: run `npm run build` first (npm test does)');
  }
}

/** A DebugClient talking to a fresh adapter process over stdio. */
export async function stdioClient(): Promise<DebugClient> {
  requireBuild();
  const dc = new DebugClient('node', ADAPTER, 'pyvm');
  dc.defaultTimeout = 10000;
  await dc.start();
  return dc;
}

/** Starts `pyvm dap --port 0` and resolves with the process and the port it printed. */
export function startTcpServer(): Promise<{ server: ChildProcess; port: number }> {
  requireBuild();
  const server = spawn(process.execPath, [CLI, 'dap', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let stderr = '';
    server.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const m = /listening on 127\.0\.0\.1:(\d+)/.exec(stderr);
      if (m) resolve({ server, port: Number(m[1]) });
    });
    server.on('exit', (code) => reject(new Error(`pyvm dap exited (${code}): ${stderr}`)));
  });
}
