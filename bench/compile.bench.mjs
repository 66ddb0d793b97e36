// Compile speed: every .py file of the installed CPython standard library compiled to a code object
// in-process by pyvm (parse + compile, after a warm-up round) and by CPython's compile(..., 'exec')
// in one python3 process, over the files both compile. Lines per second (best of N rounds).
// Prints {"title":"Compile speed","rows":[{"name":"compile stdlib","unit":"lines/s","pyvm":N,"cpython":M}]}.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { importTs } from './lib/import-ts.mjs';

const quick = process.argv.includes('--quick');
const rounds = quick ? 1 : 3;

const { compile, decodeSource } = await importTs('../scripts/compiler-stdlib-entry.ts');

const PY = String.raw`
import json, os, sys, sysconfig, time, warnings
warnings.simplefilter('ignore')
root = sysconfig.get_paths()['stdlib']
files = []
for d, dirs, names in os.walk(root):
    dirs[:] = sorted(x for x in dirs if x not in ('site-packages', '__pycache__'))
    for n in sorted(names):
        if n.endswith('.py'):
            files.append(os.path.join(d, n))
ok = []
for f in files:
    data = open(f, 'rb').read()
    try:
        compile(data, f, 'exec', dont_inherit=True)
    except (SyntaxError, ValueError):
        continue
    ok.append(f)
print(json.dumps(ok))
`;
const TIME_PY = String.raw`
import json, sys, time, warnings
warnings.simplefilter('ignore')
rounds = int(sys.argv[1])
sources = [(f, open(f, 'rb').read()) for f in json.load(sys.stdin)]
best = None
for _ in range(rounds):
    t0 = time.perf_counter()
    for f, d in sources:
        compile(d, f, 'exec', dont_inherit=True)
    dt = time.perf_counter() - t0
    best = dt if best is None else min(best, dt)
print(json.dumps({'seconds': best}))
`;
const candidates = JSON.parse(execFileSync('python3', ['-c', PY], { maxBuffer: 1 << 28 }).toString());

// Keep the files pyvm compiles too, so both engines do the same work.
const sources = [];
let lines = 0;
for (const f of candidates) {
  const bytes = readFileSync(f);
  try {
    const s = decodeSource(bytes, f);
    compile(s, f, 'exec');
    sources.push([f, s]);
    let n = 1;
    for (const b of bytes) if (b === 10) n++;
    lines += n;
  } catch {
    // not compiled by pyvm: left out of both timings
  }
}
const compileAll = () => {
  for (const [f, s] of sources) compile(s, f, 'exec');
};
compileAll(); // warm-up (the validation pass above is a first one)
let best = Infinity;
for (let r = 0; r < rounds; r++) {
  const t0 = performance.now();
  compileAll();
  best = Math.min(best, (performance.now() - t0) / 1000);
}
const py = JSON.parse(execFileSync('python3', ['-c', TIME_PY, String(rounds)], {
  input: JSON.stringify(sources.map(([f]) => f)), maxBuffer: 1 << 28,
}).toString());

const row = {
  name: 'compile stdlib',
  unit: 'lines/s',
  pyvm: Math.round(lines / best),
  cpython: Math.round(lines / py.seconds),
  files: sources.length,
  skipped: candidates.length - sources.length,
  lines,
};
console.log(JSON.stringify({ title: 'Compile speed', rows: [row] }));
