// End-to-end check of bench/run.mjs and bench/memory.mjs with a stand-in for pyvm's CLI (PYVM_CLI):
// the stand-in runs python3 for most files, prints a wrong answer, a traceback or hangs for others,
// and the runner must classify each case and time only correct runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
let tmp = '';
let fakeCli = '';

const FAKE_CLI = `
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const [cmd, file] = process.argv.slice(2);
if (cmd === '--version') { console.log('stand-in'); process.exit(0); }
const base = path.basename(file || '');
if (base.startsWith('wrong')) { console.log('not the answer'); process.exit(0); }
if (base.startsWith('crash')) {
  process.stderr.write('Traceback (most recent call last):\\n  File "crash.py", line 1, in <module>\\nNameError: name \\'oops\\' is not defined\\n');
  process.exit(1);
}
if (base.startsWith('slow')) { setTimeout(() => {}, 60000); return; }
const r = spawnSync('python3', [file], { stdio: 'inherit' });
process.exit(r.status ?? 1);
`;

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'pyvm-bench-test-'));
  fakeCli = path.join(tmp, 'fake-cli.cjs');
  writeFileSync(fakeCli, FAKE_CLI);
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

interface Cell { status: string; detail?: string; times?: number[]; median?: number; min?: number; max?: number }
interface Results {
  config: { runs: number };
  versions: { node: string; python: string; pyvm: string | null };
  startup: Record<string, Cell>;
  programs: { name: string; checksum: string | null; engines: Record<string, Cell>; ratio: Record<string, number> }[];
  geomean: Record<string, { ratio: number | null; programs: number; of: number }>;
  memory: unknown;
}

describe('bench/run.mjs', () => {
  it('times correct runs and reports wrong output, failures and timeouts honestly', () => {
    const progs = path.join(tmp, 'programs');
    spawnSync('mkdir', ['-p', progs]);
    writeFileSync(path.join(progs, 'good.py'), 'print(sum(range(10)))\n');
    writeFileSync(path.join(progs, 'wrong.py'), 'print(6 * 7)\n');
    writeFileSync(path.join(progs, 'crash.py'), 'print(1)\n');
    writeFileSync(path.join(progs, 'slow.py'), 'print(2)\n');
    writeFileSync(path.join(progs, 'pyfail.py'), 'raise ValueError("bad benchmark")\n');
    const out = path.join(tmp, 'results.json');
    const r = spawnSync(process.execPath, [
      path.join(ROOT, 'bench', 'run.mjs'), '--programs', progs, '--runs', '2', '--timeout', '2',
      '--no-peers', '--no-scripts', '--no-memory', '--out', out,
    ], { encoding: 'utf8', env: { ...process.env, PYVM_CLI: fakeCli } });
    expect(r.stderr).not.toContain('bench: ');
    expect(r.status).toBe(0);
    const res = JSON.parse(readFileSync(out, 'utf8')) as Results;
    expect(res.config.runs).toBe(2);
    expect(res.versions.python).toMatch(/^Python 3\./);
    expect(res.versions.pyvm).toBe('stand-in');
    const by = Object.fromEntries(res.programs.map((p) => [p.name, p]));
    expect(Object.keys(by).sort()).toEqual(['crash', 'good', 'pyfail', 'slow', 'wrong']);

    const good = by.good!;
    expect(good.checksum).toBe('45');
    expect(good.engines.cpython!.status).toBe('ok');
    expect(good.engines.pyvm!.status).toBe('ok');
    expect(good.engines.pyvm!.times).toHaveLength(2);
    expect(good.engines.pyvm!.min!).toBeLessThanOrEqual(good.engines.pyvm!.median!);
    expect(good.ratio.pyvm).toBeCloseTo(good.engines.pyvm!.median! / good.engines.cpython!.median!, 9);

    expect(by.wrong!.engines.pyvm).toMatchObject({ status: 'wrong output', detail: 'line 1: expected "42", got "not the answer"' });
    expect(by.wrong!.engines.pyvm!.times).toEqual([]);
    expect(by.crash!.engines.pyvm).toMatchObject({ status: 'fails', detail: "NameError: name 'oops' is not defined" });
    expect(by.slow!.engines.pyvm).toMatchObject({ status: 'timeout' });
    expect(by.pyfail!.engines.cpython).toMatchObject({ status: 'fails', detail: 'ValueError: bad benchmark' });
    expect(by.pyfail!.engines.pyvm!.status).toBe('n/a');

    // Only the program the stand-in runs correctly enters the geometric mean.
    expect(res.geomean.pyvm).toMatchObject({ programs: 1, of: 5 });
    expect(res.geomean.pyvm!.ratio).toBeCloseTo(good.ratio.pyvm!, 9);
    expect(res.startup.pyvm!.status).toBe('ok');

    expect(r.stdout).toContain('geometric mean of ratios');
    expect(r.stdout).toMatch(/\ncrash .* fails: NameError: name 'oops' is not d…/);
    expect(r.stdout).toContain("fails: NameError: name 'oops' is not defined  [crash]");
  }, 60000);

  it('rejects unknown options', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'run.mjs'), '--fast'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('unknown option --fast');
  });
});

describe('bench/memory.mjs', () => {
  it('measures heap at start and exit for two sizes when the CLI runs the workload', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'memory.mjs'), '--instructions', '300000', '--json'], {
      encoding: 'utf8', env: { ...process.env, PYVM_CLI: fakeCli },
    });
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as {
      status: string; runs: { instructions: number; gcAvailable: boolean; start: { heapUsed: number }; end: { heapUsed: number } }[];
    };
    expect(json.status).toBe('ok');
    expect(json.runs).toHaveLength(2);
    expect(Math.abs(json.runs[1]!.instructions - 300000)).toBeLessThan(3000);
    expect(json.runs[0]!.instructions).toBeLessThan(json.runs[1]!.instructions);
    for (const run of json.runs) {
      expect(run.gcAvailable).toBe(true);
      expect(run.start.heapUsed).toBeGreaterThan(0);
      expect(run.end.heapUsed).toBeGreaterThan(0);
    }
  }, 60000);

  it('says n/a with the reason when the CLI cannot run the workload', () => {
    const failing = path.join(tmp, 'failing-cli.cjs');
    writeFileSync(failing, "process.stderr.write('pyvm run: not implemented yet\\n'); process.exit(2);\n");
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'memory.mjs'), '--instructions', '100000'], {
      encoding: 'utf8', env: { ...process.env, PYVM_CLI: failing },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('memory: n/a: pyvm fails on the workload: pyvm run: not implemented yet');
  }, 60000);
});
