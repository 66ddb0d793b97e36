// Conformance of pyvm's parser over the installed CPython standard library.
// For every .py file, python3 (one process) records the sha256 of
// ast.dump(ast.parse(source, path), include_attributes=True); pyvm's parser (in-process, bundled with
// esbuild) does the same and the two are compared. For a file python3 refuses, the text `python3 FILE`
// prints on stderr must equal pyvm's formatSyntaxError of its own error.
// Usage: node scripts/parser-stdlib.mjs [--show FILE] [--limit N]
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const show = args.includes('--show') ? args[args.indexOf('--show') + 1] : null;
const limit = args.includes('--limit') ? Number(args[args.indexOf('--limit') + 1]) : Infinity;

const dir = mkdtempSync(join(tmpdir(), 'pyvm-parser-stdlib-'));
const bundle = join(dir, 'parser.mjs');
await build({
  entryPoints: [new URL('../src/parser/index.ts', import.meta.url).pathname],
  bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'error',
});
const { parse, dumpAst, decodeSource, declaredEncoding, PySyntaxError, formatSyntaxError } = await import(pathToFileURL(bundle).href);

const PY = String.raw`
import ast, hashlib, json, os, sys, sysconfig
root = sysconfig.get_paths()['stdlib']
only = sys.argv[1] if len(sys.argv) > 1 else None
files = []
for d, dirs, names in os.walk(root):
    dirs[:] = sorted(x for x in dirs if x not in ('site-packages', '__pycache__'))
    for n in sorted(names):
        if n.endswith('.py'):
            files.append(os.path.join(d, n))
if only: files = [only]
out = []
for f in files:
    data = open(f, 'rb').read()
    try:
        tree = ast.parse(data, f)
        dump = ast.dump(tree, include_attributes=True)
        out.append({'file': f, 'ok': hashlib.sha256(dump.encode('utf-8', 'surrogatepass')).hexdigest(), 'dump': dump if only else None})
    except SyntaxError as e:
        out.append({'file': f, 'err': [type(e).__name__, e.msg, e.lineno, e.offset]})
    except (ValueError, MemoryError, RecursionError) as e:
        out.append({'file': f, 'other': type(e).__name__ + ': ' + str(e)})
json.dump(out, sys.stdout)
`;
const expected = JSON.parse(execFileSync('python3', ['-c', PY, ...(show ? [show] : [])], { maxBuffer: 1 << 30 }).toString());

let same = 0;
let total = 0;
const failures = [];
for (const exp of expected) {
  if (total >= limit) break;
  total++;
  let got;
  let dump = null;
  try {
    const bytes = readFileSync(exp.file);
    const source = decodeSource(bytes, exp.file);
    dump = dumpAst(parse(source, exp.file), true);
    got = { ok: createHash('sha256').update(dump, 'utf8').digest('hex') };
  } catch (e) {
    if (e instanceof PySyntaxError) {
      const declaresEncoding = declaredEncoding(readFileSync(exp.file)) !== null;
      got = { err: [e.kind, e.msg, e.lineno, e.offset], printed: formatSyntaxError(e, { declaresEncoding }) };
    }
    else got = { crash: String(e && e.stack || e) };
  }
  let match;
  if (exp.ok) match = got.ok === exp.ok;
  else {
    // python3 refuses the file: what `python3 FILE` prints must be what pyvm prints.
    const run = spawnSync('python3', [exp.file], { timeout: 20000, stdio: ['ignore', 'ignore', 'pipe'] });
    const want = run.stderr.toString();
    exp.err = want;
    got.err = got.printed ?? got.crash ?? 'parsed without error';
    match = got.err === want;
  }
  if (match) same++;
  else {
    failures.push({ file: exp.file, expected: exp.ok ? 'ok' : exp.err, got: got.ok ? 'ok (different dump)' : got.err });
    if (show && exp.dump && dump) {
      let i = 0;
      while (i < dump.length && dump[i] === exp.dump[i]) i++;
      writeFileSync(join(dir, 'mine.txt'), dump);
      writeFileSync(join(dir, 'python.txt'), exp.dump);
      console.log('first difference at', i, '\npyvm:   ', dump.slice(Math.max(0, i - 400), i + 200), '\npython3:', exp.dump.slice(Math.max(0, i - 400), i + 200));
    }
  }
}
for (const f of failures) console.log('FAIL', f.file, JSON.stringify(f.expected), '->', JSON.stringify(f.got).slice(0, 300));
console.log(`${same}/${total} identical (${(100 * same / total).toFixed(2)}%)`);
