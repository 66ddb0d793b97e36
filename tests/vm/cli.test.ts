// `pyvm run` end to end (needs `npm run build`; `npm test` builds first): programs whose behaviour
// depends on the command line's setup — the worker thread's large stack for native recursion,
// stdin — compared with python3's goldens (tests/vm/goldens-cli, from scripts/vm-goldens.py).
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness';

const PROGS = join(ROOT, 'tests', 'vm', 'programs-cli');
const GOLD = join(ROOT, 'tests', 'vm', 'goldens-cli');
const CLI = join(ROOT, 'dist', 'cli.js');
const STDIN: Record<string, string> = { stdin_input: 'Ada\n' };

describe('pyvm run', () => {
  test('the CLI bundle exists', () => {
    expect(existsSync(CLI)).toBe(true);
  });
  for (const f of readdirSync(PROGS).filter((n) => n.endsWith('.py')).sort()) {
    const name = f.slice(0, -3);
    test(name, () => {
      const rel = `tests/vm/programs-cli/${f}`;
      const r = spawnSync(process.execPath, [CLI, 'run', rel, 'arg1', 'arg2'], {
        cwd: ROOT,
        input: STDIN[name] ?? '',
        encoding: 'utf8',
        timeout: 60000,
      });
      const strip = (s: string) => s.split(ROOT + '/').join('');
      const golden = JSON.parse(readFileSync(join(GOLD, name + '.json'), 'utf8'));
      expect({ stdout: strip(r.stdout), stderr: strip(r.stderr), status: r.status }).toEqual(golden);
    }, 60000);
  }
});
