// Regex engine speed against python3's re on the same workloads (best of 5 runs each).
// Run: node scripts/regex-bench.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'regex-bench-'));
const out = join(dir, 'regex.mjs');
await build({ entryPoints: [join(root, 'src/regex/index.ts')], bundle: true, format: 'esm', platform: 'node', outfile: out, logLevel: 'warning' });
const re = await import(out);

const text = 'The quick brown fox jumps over the lazy dog while running and singing. '.repeat(15000);
const ab = 'ab'.repeat(500000);
const cases = [
  ['match (a\\|b)* over 1M chars', () => re.compile('(a|b)*').match(ab).spans[1],
    "re.match('(a|b)*', ab).end()"],
  ['findall \\w+ (1 MB text)', () => Array.from(re.compile('\\w+').iterate(text)).length,
    "len(re.findall(r'\\w+', text))"],
  ['findall [a-z]+ing', () => Array.from(re.compile('[a-z]+ing').iterate(text)).length,
    "len(re.findall(r'[a-z]+ing', text))"],
  ['findall (?i)fox', () => Array.from(re.compile('(?i)fox').iterate(text)).length,
    "len(re.findall(r'(?i)fox', text))"],
  ['sub \\s+ -> " "', () => re.compile('\\s+').subn(' ', text)[0].length,
    "len(re.sub(r'\\s+', ' ', text))"],
  ['split ,?\\s', () => re.compile(',?\\s').split(text).length,
    "len(re.split(r',?\\s', text))"],
  ['search (\\w+)\\s+\\1 (no match)', () => re.compile('(\\w+)\\s+\\1\\b').match(text, 0, 1e9, 'search'),
    "re.search(r'(\\w+)\\s+\\1\\b', text)"],
];

function best(f) {
  let b = Infinity;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    f();
    b = Math.min(b, performance.now() - t);
  }
  return b;
}

const py = `
import re, time, json
text = 'The quick brown fox jumps over the lazy dog while running and singing. ' * 15000
ab = 'ab' * 500000
out = []
for expr in json.loads(${JSON.stringify(JSON.stringify(cases.map((c) => c[2])))}):
    f = eval('lambda: ' + expr)
    b = 1e9
    for _ in range(5):
        t = time.perf_counter(); f(); b = min(b, time.perf_counter() - t)
    out.append(b * 1000)
print(json.dumps(out))
`;
const pyFile = join(dir, 'bench.py');
writeFileSync(pyFile, py);
const pyTimes = JSON.parse(execFileSync('python3', [pyFile], { encoding: 'utf8' }));
console.log('| workload | pyvm regex ms | python3 re ms | ratio |');
console.log('|---|---:|---:|---:|');
cases.forEach(([name, f], i) => {
  const ms = best(f);
  console.log(`| ${name} | ${ms.toFixed(1)} | ${pyTimes[i].toFixed(1)} | ${(ms / pyTimes[i]).toFixed(1)}x |`);
});
