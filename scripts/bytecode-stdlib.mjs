// Checks the bytecode layer on the whole CPython stdlib, independently of our compiler:
//   node scripts/bytecode-stdlib.mjs
// python3 compiles every stdlib .py file once (scripts/bytecode-stdlib.py dump) and writes its
// marshal data, `python3 -m dis` output and a digest of co_positions()/co_lines()/co_lnotab. Our
// marshal reader loads each file; disassemble() must print the same text (addresses normalised),
// our line-table decoding must give the same digest, and re-encoding the line and exception
// tables must reproduce CPython's bytes. Finally python3 loads our dumpMarshal() output and
// compares it with its own code objects. Prints % identical and the failures.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'pyvm-bytecode-stdlib-'));
const keep = process.argv.includes('--keep');
const limit = process.argv.includes('--all') ? Infinity : 20;

try {
  // Bundle the bytecode layer so this plain-JS script can use it.
  const bundle = join(work, 'bytecode.mjs');
  await build({
    stdin: {
      contents: `
        export * from './src/bytecode/marshal';
        export * from './src/bytecode/dis';
        export * from './src/bytecode/linetable';
        export * from './src/bytecode/exception-table';
        export * from './src/bytecode/instructions';
        export { CodeObject } from './src/bytecode/code';`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: bundle,
    logLevel: 'warning',
  });
  const bc = await import(pathToFileURL(bundle).href);

  const t0 = Date.now();
  // Frozenset constants print in hash order: only reproducible with str hash randomisation off.
  const env = { ...process.env, PYTHONHASHSEED: '0', PYTHONWARNINGS: 'ignore' };
  execFileSync('python3', [join(root, 'scripts/bytecode-stdlib.py'), 'dump', work], { stdio: 'inherit', env });
  const tPython = Date.now() - t0;
  const index = JSON.parse(readFileSync(join(work, 'index.json'), 'utf8'));

  const norm = (s) => s.replace(/ at 0x[0-9a-f]+/g, ' at 0xADDR');
  const walk = (co, out = []) => {
    out.push(co);
    for (const c of co.co_consts) if (c instanceof bc.CodeObject) walk(c, out);
    return out;
  };
  const hex = (b) => Buffer.from(b).toString('hex');
  const positionsDigest = (co) => {
    const h = createHash('sha1');
    for (const c of walk(co)) {
      const parts = [];
      for (const p of bc.codePositions(c)) parts.push([p.lineno, p.endLineno, p.col, p.endCol].map((x) => (x === null ? '' : x)).join(','));
      parts.push('|');
      for (const [s, e, l] of bc.coLines(c)) parts.push(`${s},${e},${l === null ? '' : l}`);
      parts.push('|' + hex(bc.coLnotab(c)));
      h.update(parts.join(';') + '\n');
    }
    return h.digest('hex');
  };
  const reencodeOk = (co) => {
    for (const c of walk(co)) {
      const positions = bc.codePositions(c);
      const entries = [];
      for (const ins of bc.decodeInstructions(c.co_code)) {
        if (ins.name === 'EXTENDED_ARG') continue;
        entries.push({ units: (ins.offset - ins.start) / 2 + 1 + ins.caches, pos: positions[ins.start / 2] });
      }
      if (hex(bc.encodeLinetable(c.co_firstlineno, entries)) !== hex(c.co_linetable)) return 'line table';
      if (hex(bc.encodeExceptionTable(bc.decodeExceptionTable(c.co_exceptiontable))) !== hex(c.co_exceptiontable)) {
        return 'exception table';
      }
    }
    return null;
  };

  const failures = { dis: [], positions: [], reencode: [], read: [] };
  // Files whose only dis difference is python3's own: its dis of the marshal-loaded code matches ours.
  let disMatchesLoaded = 0;
  let codeObjects = 0;
  let msRead = 0;
  let msDis = 0;
  for (let i = 0; i < index.length; i++) {
    const path = index[i];
    let co;
    try {
      const t = performance.now();
      co = bc.loadMarshal(readFileSync(join(work, `${i}.marshal`)));
      msRead += performance.now() - t;
    } catch (e) {
      failures.read.push(`${path}: ${e.name}: ${e.message}`);
      continue;
    }
    codeObjects += walk(co).length;
    const t = performance.now();
    const ours = bc.disassemble(co);
    msDis += performance.now() - t;
    const theirs = readFileSync(join(work, `${i}.dis`), 'utf8');
    const loadedPath = join(work, `${i}.dis-loaded`);
    if (norm(ours) !== norm(theirs) && existsSync(loadedPath) && norm(ours) === norm(readFileSync(loadedPath, 'utf8'))) {
      disMatchesLoaded++;
      failures.dis.push(`${path}: matches python3's dis of the marshal-loaded code (frozenset order from sorted marshal data)`);
    } else if (norm(ours) !== norm(theirs)) {
      const a = norm(ours).split('\n');
      const b = norm(theirs).split('\n');
      let k = 0;
      while (k < a.length && a[k] === b[k]) k++;
      failures.dis.push(`${path}: line ${k + 1}: ours ${JSON.stringify(a[k])} python3 ${JSON.stringify(b[k])}`);
    }
    if (positionsDigest(co) !== readFileSync(join(work, `${i}.pos`), 'utf8')) failures.positions.push(path);
    const bad = reencodeOk(co);
    if (bad) failures.reencode.push(`${path}: ${bad}`);
    writeFileSync(join(work, `${i}.ours`), bc.dumpMarshal(co));
  }
  const verify = JSON.parse(
    execFileSync('python3', [join(root, 'scripts/bytecode-stdlib.py'), 'verify', work], { maxBuffer: 1 << 26, env }).toString(),
  );

  const n = index.length;
  const pct = (bad) => ((100 * (n - bad)) / n).toFixed(2) + '%';
  console.log(`stdlib files: ${n} (${codeObjects} code objects); python3 dump took ${(tPython / 1000).toFixed(1)} s`);
  console.log(`marshal read:         ${pct(failures.read.length)} (${failures.read.length} failures, ${msRead.toFixed(0)} ms total)`);
  console.log(`dis identical:        ${pct(failures.dis.length + failures.read.length)} (${failures.dis.length} failures, ${msDis.toFixed(0)} ms total)`);
  console.log(`  ... or identical to python3's dis of the marshal-loaded code: ${pct(failures.dis.length - disMatchesLoaded + failures.read.length)}`);
  console.log(`positions/lines/lnotab: ${pct(failures.positions.length + failures.read.length)} (${failures.positions.length} failures)`);
  console.log(`tables re-encode:     ${pct(failures.reencode.length + failures.read.length)} (${failures.reencode.length} failures)`);
  console.log(`dumpMarshal accepted: ${pct(n - verify.ok)} (${verify.failures.length} failures)`);
  for (const [kind, list] of Object.entries({ ...failures, write: verify.failures })) {
    for (const f of list.slice(0, limit)) console.log(`  ${kind}: ${f.length > 300 ? f.slice(0, 300) + "..." : f}`);
    if (list.length > limit) console.log(`  ${kind}: ... ${list.length - limit} more`);
  }
  const total = Object.values(failures).reduce((s, l) => s + l.length, 0) + verify.failures.length;
  process.exitCode = total === 0 ? 0 : 1;
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
}
