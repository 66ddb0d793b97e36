#!/usr/bin/env node
// Compares `pyvm dis` with `python3 -m dis` over every .py file of the installed CPython stdlib.
// python3's outputs are produced in one python3 process (dis.dis of compile(source, path, "exec"),
// PYTHONHASHSEED=0 so frozenset constants print in a fixed order); ours in-process from the
// esbuild-bundled compiler. `<code object ... at 0x...>` addresses are normalised.
// Prints the % of identical files and the failures grouped by cause.
// With --fields, compares every co_* field of every code object instead of the dis text (stricter:
// column positions, exception-table depths, co_stacksize, flags...).
// --root DIR compares the .py files under DIR instead (e.g. site-packages).
// Usage: node scripts/compiler-stdlib.mjs [--fields] [--root DIR] [--limit N] [--filter SUBSTR] [--show N] [--json OUT]
import { build } from 'esbuild';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const limit = Number(opt('--limit', '0'));
const filter = opt('--filter', '');
const show = Number(opt('--show', '3'));
const jsonOut = opt('--json', '');
const fields = args.includes('--fields');
const rootOpt = opt('--root', '');

const tmp = mkdtempSync(join(tmpdir(), 'pyvm-compiler-stdlib-'));
const bundle = join(tmp, 'entry.mjs');
await build({
  entryPoints: [new URL('./compiler-stdlib-entry.ts', import.meta.url).pathname],
  bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'warning',
});
const pyvm = await import(pathToFileURL(bundle).href);

const stdlib = rootOpt || execFileSync('python3', ['-c', "import sysconfig; print(sysconfig.get_paths()['stdlib'])"]).toString().trim();
const findArgs = rootOpt ? [] : ['-not', '-path', '*/site-packages/*'];
let files = execFileSync('find', [stdlib, '-name', '*.py', '-type', 'f', ...findArgs], { maxBuffer: 1 << 28 }).toString().trim().split('\n').sort();
if (filter) files = files.filter((f) => f.includes(filter));
if (limit) files = files.slice(0, limit);
const listFile = join(tmp, 'files.txt');
writeFileSync(listFile, files.join('\n') + '\n');

const PY = `
import sys, io, json, dis, importlib.util
spec = importlib.util.spec_from_file_location('goldens', sys.argv[2])
goldens = importlib.util.module_from_spec(spec)
spec.loader.exec_module(goldens)
fields = sys.argv[3] == '1'
for path in open(sys.argv[1]).read().split('\\n'):
    if not path: continue
    try:
        src = open(path, 'rb').read()
        code = compile(src, path, 'exec')
        if fields:
            doc = {'file': path, 'code': goldens.enc_code(code)}
        else:
            out = io.StringIO()
            dis.dis(code, file=out)
            doc = {'file': path, 'dis': out.getvalue()}
    except BaseException as e:
        doc = {'file': path, 'error': type(e).__name__ + ': ' + str(e)}
    sys.stdout.write(json.dumps(doc) + '\\n')
`;
const goldensPy = new URL('./compiler-goldens.py', import.meta.url).pathname;
const child = spawn('python3', ['-W', 'ignore', '-c', PY, listFile, goldensPy, fields ? '1' : '0'], {
  env: { ...process.env, PYTHONHASHSEED: '0' }, stdio: ['ignore', 'pipe', 'inherit'],
});
const rl = createInterface({ input: child.stdout, crlfDelay: Infinity });

const norm = (s) => s.replace(/ at 0x[0-9a-f]+/g, '');
const causes = new Map();
let total = 0;
let same = 0;
let pyErrors = 0;
function fail(cause, file, detail) {
  let c = causes.get(cause);
  if (!c) causes.set(cause, (c = { count: 0, examples: [] }));
  c.count++;
  if (c.examples.length < show) c.examples.push(detail ? `${file}\n        ${detail}` : file);
}

function firstDiff(a, b) {
  const la = a.split('\n');
  const lb = b.split('\n');
  let i = 0;
  while (i < la.length && i < lb.length && la[i] === lb[i]) i++;
  return { i, ours: la[i] ?? '<eof>', py: lb[i] ?? '<eof>' };
}

function classify(ours, py) {
  const { ours: lo, py: lp } = firstDiff(ours, py);
  const op = (l) => (l.match(/^\s*(?:\d+)?\s+(?:>>)?\s*\d+ ([A-Z_]+)/) ?? [])[1];
  const oa = op(lo);
  const ob = op(lp);
  if (oa && ob && oa !== ob) return [`opcode ${oa} instead of ${ob}`, `ours: ${lo.trim()} | py: ${lp.trim()}`];
  if (oa && ob) return [`argument of ${ob}`, `ours: ${lo.trim()} | py: ${lp.trim()}`];
  if (/^\s*\d+\s/.test(lp) !== /^\s*\d+\s/.test(lo)) return ['line numbers', `ours: ${lo.trim()} | py: ${lp.trim()}`];
  return ['other text', `ours: ${lo.trim()} | py: ${lp.trim()}`];
}

/** First differing field: [cause, detail]. */
function fieldDiff(a, b, path) {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    if (JSON.stringify(a) === JSON.stringify(b)) return null;
    const field = path.replace(/.*\.(co_\w+).*/, '$1');
    return [`field ${field}`, `${path}: ours=${JSON.stringify(a)?.slice(0, 160)} py=${JSON.stringify(b)?.slice(0, 160)}`];
  }
  if (a.co_code !== undefined) path += `<${a.co_qualname}>`;
  const order = ['co_code', 'co_consts', 'co_names', 'co_localsplusnames', 'co_localspluskinds', 'co_stacksize',
    'co_flags', 'co_exceptiontable', 'co_linetable'];
  const keys = [...new Set([...order.filter((k) => k in a || k in b), ...Object.keys(a), ...Object.keys(b)])];
  for (const k of keys) {
    const d = fieldDiff(a[k], b[k], `${path}.${k}`);
    if (d) return d;
  }
  return null;
}

const t0 = Date.now();
for await (const line of rl) {
  const doc = JSON.parse(line);
  total++;
  if (doc.error) {
    pyErrors++;
    continue;
  }
  let ours;
  try {
    const bytes = readFileSync(doc.file);
    const source = pyvm.decodeSource(bytes, doc.file);
    const co = pyvm.compile(source, doc.file, 'exec');
    ours = fields ? pyvm.normaliseFrozensets(pyvm.encodeCode(co)) : pyvm.disassemble(co);
  } catch (e) {
    const msg = e instanceof pyvm.PySyntaxError ? `SyntaxError: ${e.msg}` : String(e?.message ?? e).split('\n')[0];
    fail(`exception: ${msg.replace(/'[^']*'/g, "'…'").slice(0, 100)}`, doc.file, msg);
    continue;
  }
  if (fields) {
    const d = fieldDiff(ours, pyvm.normaliseFrozensets(doc.code), '');
    if (!d) same++;
    else fail(d[0], doc.file, d[1]);
  } else if (norm(ours) === norm(doc.dis)) {
    same++;
  } else {
    const [cause, detail] = classify(norm(ours), norm(doc.dis));
    fail(cause, doc.file, detail);
  }
}
const compared = total - pyErrors;
const pct = compared ? (100 * same) / compared : 0;
console.log(fields ? `pyvm code objects vs python3 compile(), every co_* field, over ${stdlib}` : `pyvm dis vs python3 -m dis over ${stdlib}`);
console.log(`files: ${total} (${pyErrors} not compilable by python3, skipped); identical: ${same}/${compared} = ${pct.toFixed(2)}%  [${((Date.now() - t0) / 1000).toFixed(1)}s]`);
const sorted = [...causes.entries()].sort((a, b) => b[1].count - a[1].count);
for (const [cause, c] of sorted) {
  console.log(`\n${c.count.toString().padStart(6)}  ${cause}`);
  for (const ex of c.examples) console.log(`        ${ex}`);
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ total, compared, same, percent: pct, causes: Object.fromEntries(sorted.map(([k, v]) => [k, v.count])) }, null, 2));
