// An unreadable program file: python3 3.11 prints
// "<python3>: can't open file '/abs/path/missing.py': [Errno 2] No such file or directory" and exits 2.
// pyvm run, ast and dis print the same with pyvm's name.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = resolve(__dirname, '../../dist/cli.js');

describe('a missing program file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pyvm-missing-'));
  it.each(['run', 'ast', 'dis'])('pyvm %s reports it as python3 FILE does', (command) => {
    const r = spawnSync(process.execPath, [CLI, command, 'missing.py'], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe(`pyvm: can't open file '${join(dir, 'missing.py')}': [Errno 2] No such file or directory\n`);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(2);
  });
});
