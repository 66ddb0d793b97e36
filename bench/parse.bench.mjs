// Parse speed: every .py file of the installed CPython standard library, parsed by pyvm's parser
// in-process (after a warm-up round) and compiled by CPython's compile(..., 'exec',
// ast.PyCF_ONLY_AST) — the same parse-to-AST work — in one python3 process. Lines per second.
// Prints {"title":"Parse speed","rows":[{"name":"parse stdlib","unit":"lines/s","pyvm":N,"cpython":M}]}.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { importTs } from './lib/import-ts.mjs';

const quick = process.argv.includes('--quick');
const rounds = quick ? 1 : 3;

const { parse, decodeSource } = await importTs('../src/parser/index.ts');

// CPython: list the files, then time compile(..., PyCF_ONLY_AST) over all of them (best of N rounds).
const PY = String.raw`
import ast, json, os, sys, sysconfig, time
root = sysconfig.get_paths()['stdlib']
rounds = int(sys.argv[1])
files = []
for d, dirs, names in os.walk(root):
    dirs[:] = sorted(x for x in dirs if x not in ('site-packages', '__pycache__'))
    for n in sorted(names):
        if n.endswith('.py'):
            files.append(os.path.join(d, n))
sources = []
for f in files:
    data = open(f, 'rb').read()
    try:
        compile(data, f, 'exec', ast.PyCF_ONLY_AST)
    except (SyntaxError, ValueError):
        continue
    sources.append((f, data))
lines = sum(d.count(b'\n') + 1 for _, d in sources)
best = None
for _ in range(rounds):
    t0 = time.perf_counter()
    for f, d in sources:
        compile(d, f, 'exec', ast.PyCF_ONLY_AST)
    dt = time.perf_counter() - t0
    best = dt if best is None else min(best, dt)
print(json.dumps({'files': [f for f, _ in sources], 'lines': lines, 'seconds': best}))
`;
const py = JSON.parse(execFileSync('python3', ['-c', PY, String(rounds)], { maxBuffer: 1 << 28 }).toString());

const sources = py.files.map((f) => [f, decodeSource(readFileSync(f), f)]);
const parseAll = () => {
  for (const [f, s] of sources) parse(s, f);
};
parseAll(); // warm-up
let best = Infinity;
for (let r = 0; r < rounds; r++) {
  const t0 = performance.now();
  parseAll();
  best = Math.min(best, (performance.now() - t0) / 1000);
}

const row = {
  name: 'parse stdlib',
  unit: 'lines/s',
  pyvm: Math.round(py.lines / best),
  cpython: Math.round(py.lines / py.seconds),
  files: sources.length,
  lines: py.lines,
};
console.log(JSON.stringify({ title: 'Parse speed', rows: [row] }));
