// Tracing conformance against python3 (goldens from scripts/trace-goldens.py):
//  - tracer/*: tests/trace/tracer.py (sys.settrace + f_trace_opcodes, a log line per event) around
//    every corpus program of tests/vm/programs and every program of tests/trace/programs;
//  - scenario/*: the self-tracing programs of tests/trace/scenarios (the scenarios of CPython's
//    test_sys_settrace, written for pyvm: trace-function rules, f_trace_lines, opcode events,
//    f_lineno jumps, the profiler), compared case by case ("== CASE name" sections of stdout).
// Cases pyvm does not match yet are listed in known-failures.json with a reason; a listed case
// that starts matching fails its test until it is removed, so the list can only shrink.
import { afterAll, describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, TRACE, readGolden, runScenario, runTracer, type ScenarioResult, type TracerResult } from './harness';
import { firstDifference, knownFailures, splitCases } from './compare';

const known = knownFailures();
const seen = new Set<string>();
const report: Record<string, string> = {};

function check(id: string, diff: string | null): void {
  seen.add(id);
  if (diff !== null) report[id] = diff;
  if (known.has(id)) {
    expect(diff, `${id} now matches python3: remove it from tests/trace/known-failures.json`).not.toBeNull();
  } else {
    expect(diff, `${id} differs from python3`).toBeNull();
  }
}

function caseName(id: string): string {
  return known.has(id) ? `${id} (known failure: ${known.get(id)})` : id;
}

const tracerGoldens = readdirSync(join(TRACE, 'goldens', 'tracer')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const scenarios = readdirSync(join(TRACE, 'scenarios')).filter((f) => f.endsWith('.py')).map((f) => f.slice(0, -3)).sort();

test('goldens exist for the corpus and our own programs', () => {
  const own = readdirSync(join(TRACE, 'programs')).filter((f) => f.endsWith('.py')).map((f) => 'own.' + f.slice(0, -3));
  expect(own.filter((n) => !tracerGoldens.includes(n))).toEqual([]);
  expect(tracerGoldens.filter((n) => n.startsWith('vm.')).length).toBeGreaterThanOrEqual(80);
  // Every corpus program is traced unless corpus-skip.json says why not; a new corpus program
  // needs `python3 scripts/trace-goldens.py vm.NAME`.
  const skip = JSON.parse(readFileSync(join(TRACE, 'corpus-skip.json'), 'utf8')) as Record<string, string>;
  const corpus = readdirSync(join(ROOT, 'tests', 'vm', 'programs')).filter((f) => f.endsWith('.py')).map((f) => f.slice(0, -3));
  expect(corpus.filter((n) => !(n in skip) && !tracerGoldens.includes('vm.' + n))).toEqual([]);
  const scen = readdirSync(join(TRACE, 'goldens', 'scenarios')).map((f) => f.replace(/\.json$/, ''));
  expect(scenarios.filter((n) => !scen.includes(n))).toEqual([]);
});

describe('Python-level tracer (settrace + opcode events) around each program', () => {
  for (const name of tracerGoldens) {
    const id = `tracer/${name}`;
    test(caseName(id), () => {
      const [prefix, base] = name.split(/\.(.*)/s);
      const rel = prefix === 'vm' ? `tests/vm/programs/${base}.py` : `tests/trace/programs/${base}.py`;
      const golden = readGolden<TracerResult>('tracer', name);
      const r = runTracer(rel);
      const diff = firstDifference(r.log, golden.log) ?? (r.stdout === golden.stdout ? null : `stdout differs\n${firstDifference(r.stdout, golden.stdout)}`);
      check(id, diff);
    }, 180_000);
  }
});

describe('settrace scenarios', () => {
  for (const name of scenarios) {
    const golden = readGolden<ScenarioResult>('scenarios', name);
    const expected = splitCases(golden.stdout);
    let result: ScenarioResult | null = null;
    let actual: Map<string, string> = new Map();
    const run = () => {
      if (result === null) {
        result = runScenario(`tests/trace/scenarios/${name}.py`);
        actual = splitCases(result.stdout);
      }
      return result;
    };
    const fileId = `scenario/${name}`;
    test(caseName(fileId), () => {
      const r = run();
      const parts: string[] = [];
      if (r.status !== golden.status) parts.push(`exit status ${r.status}, python3 ${golden.status}`);
      const errDiff = firstDifference(r.stderr, golden.stderr);
      if (errDiff) parts.push(`stderr: ${errDiff}`);
      const names = [...actual.keys()].join(', ');
      const goldenNames = [...expected.keys()].join(', ');
      if (names !== goldenNames) parts.push(`cases: pyvm [${names}]\npython3 [${goldenNames}]`);
      check(fileId, parts.length ? parts.join('\n') : null);
    });
    for (const [c, text] of expected) {
      const id = `scenario/${name}:${c}`;
      test(caseName(id), () => {
        run();
        const got = actual.get(c);
        check(id, got === undefined ? 'case missing from pyvm\'s output' : firstDifference(got, text));
      });
    }
  }
});

test('known-failures.json names only existing cases', () => {
  expect([...known.keys()].filter((id) => !id.startsWith('cli/') && !seen.has(id))).toEqual([]);
});

afterAll(() => {
  // PYVM_TRACE_REPORT=file.json writes every difference found (for reports and the known list).
  if (process.env.PYVM_TRACE_REPORT) writeFileSync(process.env.PYVM_TRACE_REPORT, JSON.stringify(report, null, 1) + '\n');
});
