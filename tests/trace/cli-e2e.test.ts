// `pyvm trace` end to end through the CLI bundle (needs `npm run build`; `npm test` builds first):
// the program runs on the worker thread as with `pyvm run`, its output is python3's, and the
// events match the Python-level tracer's python3 goldens.
import { afterAll, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT, readGolden, type TracerResult } from './harness';

const CLI = join(ROOT, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'pyvm-trace-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pyvm(args: string[], input = '') {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 120000 });
  const strip = (s: string) => s.split(ROOT + '/').join('');
  return { stdout: strip(r.stdout), stderr: strip(r.stderr), status: r.status };
}

test('the CLI bundle exists', () => {
  expect(existsSync(CLI)).toBe(true);
});

test('events through the CLI match the tracer golden', () => {
  const rel = 'tests/trace/programs/exceptions.py';
  const out = join(dir, 'e.jsonl');
  const r = pyvm(['trace', rel, '--opcodes', '-o', out]);
  const golden = readGolden<TracerResult>('tracer', 'own.exceptions');
  expect(r).toEqual({ stdout: golden.stdout, stderr: '', status: 0 });
  const file = resolve(ROOT, rel);
  const got = readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
    .filter((e) => e.file === file).map((e) => `${e.event} ${e.function} ${e.line ?? 'None'} ${e.lasti} ${e.depth}`);
  const want = golden.log.split('\n').filter((l) => l && !l.startsWith('outcome ')).map((l) => l.split(' ').slice(0, 5).join(' '));
  expect(got.length).toBeGreaterThan(100);
  expect(got).toEqual(want);
}, 120000);

test('the trace goes to stderr after the program output it follows', () => {
  const r = pyvm(['trace', 'tests/trace/programs/loops.py', '--calls-only']);
  const golden = readGolden<TracerResult>('tracer', 'own.loops');
  expect(r.stdout).toBe(golden.stdout);
  expect(r.status).toBe(0);
  const lines = r.stderr.split('\n').filter(Boolean);
  expect(lines[0]).toBe('call      tests/trace/programs/loops.py:0 <module> @0');
  expect(lines.every((l) => /^(call|return) {3,}tests\/trace\/programs\/loops\.py:\d+ \S+ @\d+/.test(l))).toBe(true);
  const calls = golden.log.split('\n').filter((l) => l.startsWith('call ')).length;
  expect(lines.filter((l) => l.startsWith('call ')).length).toBe(calls);
}, 120000);

test('programs that need the worker\'s large stack behave as under pyvm run (python3 goldens)', () => {
  for (const name of ['native_recursion_depth', 'err_recursion_init', 'stdin_input']) {
    const rel = `tests/vm/programs-cli/${name}.py`;
    const golden = JSON.parse(readFileSync(join(ROOT, 'tests', 'vm', 'goldens-cli', name + '.json'), 'utf8'));
    const r = pyvm(['trace', rel, '--calls-only', '-o', join(dir, name + '.jsonl'), 'arg1', 'arg2'], name === 'stdin_input' ? 'Ada\n' : '');
    expect(r).toEqual(golden);
  }
}, 240000);
