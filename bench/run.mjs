#!/usr/bin/env node
// pyvm benchmark runner (`npm run bench`). See bench/README.md.
//
// Times every bench/programs/*.py under python3, pyvm (node dist/cli.js run FILE) and the
// JavaScript peers Skulpt and Brython, each as a fresh process, several rounds with the engines
// interleaved inside a round. An engine's run counts only if its stdout equals python3's and it
// exits 0. Then runs every bench/*.bench.mjs script and the memory check, prints tables and
// writes everything to bench/results.json.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  clip, errorSummary, fmtMs, fmtRatio, geomean, outputDifference, parseBenchScriptOutput, summarize, textTable,
} from './lib/stats.mjs';
import { ensurePeers, PEERS } from './lib/peers.mjs';
import { memoryCheck } from './memory.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH_DIR);
// PYVM_CLI points the runner at another build of the CLI (or a stand-in when testing the runner).
const CLI = process.env.PYVM_CLI ? path.resolve(process.env.PYVM_CLI) : path.join(ROOT, 'dist', 'cli.js');

const USAGE = `usage: node bench/run.mjs [options]

  --quick            1 run of each program per engine (default: 5)
  --runs N           N runs of each program per engine
  --only NAME[,..]   only these programs / bench scripts (file name without extension; substring match)
  --timeout SEC      give up on one run after SEC seconds (default 120)
  --budget SEC       stop repeating a program on one engine once its runs add up to SEC (default 90)
  --no-peers         skip Skulpt and Brython
  --no-scripts       skip the bench/*.bench.mjs scripts
  --no-memory        skip the memory check
  --out FILE         where to write the JSON results (default bench/results.json)
  --programs DIR     time the *.py files in DIR instead of bench/programs
  -h, --help         show this help
`;

function parseArgs(argv) {
  const opts = {
    runs: 5, quick: false, only: null, timeoutSec: 120, budgetSec: 90,
    peers: true, scripts: true, memory: true, out: path.join(BENCH_DIR, 'results.json'),
    programsDir: path.join(BENCH_DIR, 'programs'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    const positive = (s) => {
      const n = Number(s);
      if (!(n > 0)) throw new Error(`${a} needs a positive number, got ${s}`);
      return n;
    };
    switch (a) {
      case '--quick': opts.quick = true; opts.runs = 1; break;
      case '--runs': opts.runs = Math.floor(positive(value())); break;
      case '--only': opts.only = value().split(',').map((s) => s.trim()).filter(Boolean); break;
      case '--timeout': opts.timeoutSec = positive(value()); break;
      case '--budget': opts.budgetSec = positive(value()); break;
      case '--no-peers': opts.peers = false; break;
      case '--no-scripts': opts.scripts = false; break;
      case '--no-memory': opts.memory = false; break;
      case '--out': opts.out = path.resolve(value()); break;
      case '--programs': opts.programsDir = path.resolve(value()); break;
      case '-h': case '--help': process.stdout.write(USAGE); process.exit(0); break;
      default: throw new Error(`unknown option ${a}\n${USAGE}`);
    }
  }
  return opts;
}

/** Run a command; resolve with stdout, stderr, exit code, signal, wall time and whether it timed out. */
function runProcess(cmd, args, { timeoutMs, env } = {}) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
    const out = [];
    const err = [];
    let timedOut = false;
    const timer = timeoutMs ? setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs) : null;
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      resolve({ stdout: '', stderr: String(e.message), code: null, signal: null, ms: 0, timedOut: false, spawnError: true });
    });
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (timer) clearTimeout(timer);
      resolve({
        stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'),
        code, signal, ms, timedOut,
      });
    });
  });
}

function commandOutput(cmd, args) {
  try {
    const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: ROOT });
    return r.status === 0 ? `${r.stdout}${r.stderr}`.trim() : null;
  } catch {
    return null;
  }
}

/** Split the "@@peer-timing {...}" line a peer driver prints last on stderr from the rest. */
function splitPeerTiming(stderr) {
  const lines = stderr.split('\n');
  let timing = null;
  const rest = [];
  for (const line of lines) {
    if (line.startsWith('@@peer-timing ')) {
      try { timing = JSON.parse(line.slice('@@peer-timing '.length)); } catch { /* ignore */ }
    } else {
      rest.push(line);
    }
  }
  return { timing, stderr: rest.join('\n') };
}

// ---------------------------------------------------------------------------------------------
// Engines: each says how to run a file, or why it is not available.

function makeEngines(opts, peerState) {
  const engines = [
    { id: 'cpython', label: 'CPython', cmd: 'python3', args: (f) => [f], available: true },
    {
      id: 'pyvm', label: 'pyvm', cmd: process.execPath, args: (f) => [CLI, 'run', f],
      available: existsSync(CLI), why: `${path.relative(ROOT, CLI)} not built (run npm run build)`,
    },
  ];
  if (opts.peers) {
    for (const peer of PEERS) {
      const st = peerState[peer.id];
      engines.push({
        id: peer.id, label: peer.label, cmd: process.execPath, args: (f) => [peer.driver, f], peer: true,
        available: st.ok, why: st.reason,
      });
    }
  }
  return engines;
}

/**
 * Time one program on every engine. Rounds interleave the engines; an engine drops out of later
 * rounds when a run fails or gives wrong output, or once its runs have used up the budget.
 */
async function benchProgram(file, engines, opts, expectedOverride) {
  const cells = {};
  for (const e of engines) {
    cells[e.id] = e.available
      ? { status: 'pending', times: [] }
      : { status: 'n/a', detail: e.why };
  }
  let expected = expectedOverride ?? null;
  const spent = Object.fromEntries(engines.map((e) => [e.id, 0]));
  for (let round = 0; round < opts.runs; round++) {
    for (const e of engines) {
      const cell = cells[e.id];
      if (cell.status !== 'pending') continue;
      if (round > 0 && spent[e.id] >= opts.budgetSec * 1000) continue;
      if (e.id !== 'cpython' && expected === null) {
        cell.status = 'n/a';
        cell.detail = 'no reference output (python3 failed)';
        continue;
      }
      const r = await runProcess(e.cmd, e.args(file), { timeoutMs: opts.timeoutSec * 1000 });
      spent[e.id] += r.ms;
      let stderr = r.stderr;
      if (e.peer) {
        const split = splitPeerTiming(stderr);
        stderr = split.stderr;
        if (split.timing) (cell.inProcess ??= []).push(split.timing);
      }
      if (r.timedOut) {
        Object.assign(cell, { status: 'timeout', detail: `no result after ${opts.timeoutSec} s` });
      } else if (r.code !== 0) {
        Object.assign(cell, { status: 'fails', detail: errorSummary(stderr, r.code, r.signal), exitCode: r.code });
      } else if (e.id === 'cpython' && expected === null) {
        expected = r.stdout;
        cell.times.push(r.ms);
      } else {
        const diff = outputDifference(expected, r.stdout);
        if (diff) Object.assign(cell, { status: 'wrong output', detail: diff });
        else cell.times.push(r.ms);
      }
    }
  }
  for (const e of engines) {
    const cell = cells[e.id];
    if (cell.status === 'pending') {
      cell.status = 'ok';
      Object.assign(cell, summarize(cell.times));
    }
    if (cell.inProcess) {
      cell.inProcessRunMs = summarize(cell.inProcess.map((t) => t.run_ms)).median;
      cell.loadMs = summarize(cell.inProcess.map((t) => t.load_ms)).median;
    }
  }
  return { cells, expected };
}

/** Table cell: the median (and range), or the status; with `reason`, also the start of the reason. */
function cellText(cell, multiRun, reason = false) {
  if (cell.status === 'ok') {
    const m = fmtMs(cell.median);
    return multiRun && cell.times.length > 1 ? `${m} (${fmtMs(cell.min)}–${fmtMs(cell.max)})` : m;
  }
  return reason && cell.detail ? `${cell.status}: ${clip(cell.detail, 32)}` : cell.status;
}

// ---------------------------------------------------------------------------------------------

async function runBenchScripts(opts) {
  const scripts = readdirSync(BENCH_DIR).filter((f) => f.endsWith('.bench.mjs')).sort();
  const results = [];
  for (const s of scripts) {
    const name = s.replace(/\.bench\.mjs$/, '');
    if (opts.only && !opts.only.some((o) => name.includes(o))) continue;
    process.stderr.write(`bench script ${s} ...\n`);
    const args = [path.join(BENCH_DIR, s)];
    if (opts.quick) args.push('--quick');
    const r = await runProcess(process.execPath, args, { timeoutMs: opts.timeoutSec * 1000 * 4 });
    if (r.timedOut) {
      results.push({ script: s, status: 'timeout', detail: `no result after ${opts.timeoutSec * 4} s` });
      continue;
    }
    if (r.code !== 0) {
      results.push({ script: s, status: 'fails', detail: errorSummary(r.stderr, r.code, r.signal) });
      continue;
    }
    try {
      const table = parseBenchScriptOutput(r.stdout);
      results.push({ script: s, status: 'ok', ms: r.ms, ...table });
    } catch (e) {
      results.push({ script: s, status: 'bad output', detail: e.message });
    }
  }
  return results;
}

function printScriptTable(res) {
  if (res.status !== 'ok') {
    console.log(`\n${res.script}: ${res.status}: ${res.detail}`);
    return;
  }
  console.log(`\n${res.title}  (${res.script})`);
  const extra = [];
  for (const row of res.rows) {
    for (const k of Object.keys(row)) {
      if (!['name', 'unit', 'pyvm', 'cpython'].includes(k) && !extra.includes(k)) extra.push(k);
    }
  }
  const show = (v) => (v === undefined || v === null ? '' : typeof v === 'number' ? String(Number(v.toPrecision(6))) : typeof v === 'string' ? v : JSON.stringify(v));
  const rows = [['name', 'unit', 'pyvm', 'cpython', 'pyvm/cpython', ...extra]];
  for (const row of res.rows) {
    const ratio = typeof row.pyvm === 'number' && typeof row.cpython === 'number' && row.cpython > 0
      ? fmtRatio(row.pyvm / row.cpython) : '';
    rows.push([row.name, show(row.unit), show(row.pyvm), show(row.cpython), ratio, ...extra.map((k) => show(row[k]))]);
  }
  console.log(textTable(rows, (i) => i >= 2));
  if (res.rows.some((r) => typeof r.unit === 'string' && r.unit.includes('/s'))) {
    console.log('(for a rate such as lines/s, higher is faster: pyvm/cpython above 1 means pyvm is faster)');
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = new Date();

  let programs = readdirSync(opts.programsDir).filter((f) => f.endsWith('.py')).sort();
  if (opts.only) programs = programs.filter((f) => opts.only.some((o) => f.replace(/\.py$/, '').includes(o)));

  const peerState = opts.peers ? await ensurePeers((m) => process.stderr.write(`${m}\n`)) : {};
  const engines = makeEngines(opts, peerState);

  const pythonVersion = commandOutput('python3', ['--version']);
  if (!pythonVersion) throw new Error('python3 is not on PATH: it is the reference every output is checked against');

  const info = {
    date: started.toISOString(),
    machine: {
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      cpus: os.cpus().length,
      totalMemMB: Math.round(os.totalmem() / 2 ** 20),
      loadavgAtStart: os.loadavg().map((x) => Number(x.toFixed(2))),
    },
    versions: {
      node: process.version,
      python: pythonVersion,
      pyvm: commandOutput(process.execPath, [CLI, '--version']),
      pyvmCommit: commandOutput('git', ['rev-parse', '--short', 'HEAD']),
      pyvmTreeDirty: (commandOutput('git', ['status', '--porcelain', '--', 'src']) ?? '') !== '',
      ...Object.fromEntries(PEERS.map((p) => [p.id, peerState[p.id]?.version ?? null])),
    },
    config: {
      runs: opts.runs, quick: opts.quick, only: opts.only, timeoutSec: opts.timeoutSec, budgetSec: opts.budgetSec,
      timing: 'wall-clock time of one fresh process per run (spawn to exit), in ms',
    },
  };

  const multiRun = opts.runs > 1;
  const results = { ...info, startup: null, programs: [], geomean: {}, scripts: [], memory: null };

  // Startup: an empty program, so per-process overhead can be read off the other rows.
  if (programs.length > 0) {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'pyvm-bench-'));
    const empty = path.join(tmp, 'empty.py');
    writeFileSync(empty, 'pass\n');
    process.stderr.write('startup (empty program) ...\n');
    results.startup = (await benchProgram(empty, engines, opts)).cells;
    rmSync(tmp, { recursive: true, force: true });
  }

  for (const f of programs) {
    const name = f.replace(/\.py$/, '');
    process.stderr.write(`${name} ...\n`);
    const { cells, expected } = await benchProgram(path.join(opts.programsDir, f), engines, opts);
    const entry = { name, file: path.relative(ROOT, path.join(opts.programsDir, f)), checksum: expected === null ? null : expected.trim().split('\n').slice(-1)[0], engines: cells, ratio: {} };
    for (const e of engines) {
      if (e.id === 'cpython') continue;
      if (cells[e.id].status === 'ok' && cells.cpython.status === 'ok') entry.ratio[e.id] = cells[e.id].median / cells.cpython.median;
    }
    results.programs.push(entry);
  }
  for (const e of engines) {
    if (e.id === 'cpython') continue;
    const ratios = results.programs.map((p) => p.ratio[e.id]).filter((r) => r !== undefined);
    results.geomean[e.id] = { ratio: geomean(ratios), programs: ratios.length, of: results.programs.length };
  }

  // ---- print the program table
  if (programs.length > 0) {
    const header = ['program', 'CPython ms', 'pyvm ms', 'pyvm/CPy'];
    const peers = engines.filter((e) => e.peer);
    for (const p of peers) header.push(`${p.label} ms`, `${p.label}/CPy`);
    const rows = [header];
    const rowFor = (name, cells, ratio) => {
      const row = [name, cellText(cells.cpython, multiRun), cellText(cells.pyvm, multiRun, true), ratio?.pyvm ? fmtRatio(ratio.pyvm) : '-'];
      for (const p of peers) row.push(cellText(cells[p.id], multiRun), ratio?.[p.id] ? fmtRatio(ratio[p.id]) : '-');
      return row;
    };
    if (results.startup) rows.push(rowFor('(startup: empty program)', results.startup, null));
    for (const p of results.programs) rows.push(rowFor(p.name, p.engines, p.ratio));
    console.log(`\nPrograms: wall-clock ms per process, median of ${opts.runs} run${opts.runs > 1 ? 's' : ''}${multiRun ? ' (min–max)' : ''}; ratio = engine/CPython`);
    console.log(textTable(rows, (i) => i >= 1));
    const gm = (id) => {
      const g = results.geomean[id];
      return g && g.ratio !== null ? `${fmtRatio(g.ratio)} over ${g.programs}/${g.of} programs` : `n/a (0/${g?.of ?? 0} programs run correctly)`;
    };
    console.log(`\ngeometric mean of ratios (programs the engine runs correctly): pyvm ${gm('pyvm')}` +
      peers.map((p) => `; ${p.label} ${gm(p.id)}`).join(''));

    // Reasons behind every non-time cell, in full.
    const notes = [];
    const collect = (name, cells) => {
      for (const e of engines) {
        const c = cells[e.id];
        if (c.status !== 'ok') notes.push(`  ${name} / ${e.label}: ${c.status}${c.detail ? `: ${c.detail}` : ''}`);
      }
    };
    if (results.startup) collect('startup', results.startup);
    for (const p of results.programs) collect(p.name, p.engines);
    if (notes.length) {
      // Collapse identical reasons for one engine into a single line.
      const byReason = new Map();
      for (const n of notes) {
        const [, name, rest] = /^ {2}(.*?) \/ (.*)$/.exec(n) ?? [];
        const key = rest ?? n;
        byReason.set(key, [...(byReason.get(key) ?? []), name]);
      }
      console.log('\nnot timed:');
      for (const [reason, names] of byReason) console.log(`  ${clip(reason, 140)}  [${names.join(', ')}]`);
    }
    const peerRun = engines.filter((e) => e.peer && results.programs.some((p) => p.engines[e.id].inProcessRunMs !== undefined));
    if (peerRun.length) {
      console.log(`\npeers' load time (require of the library, ms, median over programs): ${peerRun.map((e) => {
        const loads = results.programs.map((p) => p.engines[e.id].loadMs).filter((x) => x !== undefined);
        return `${e.label} ${fmtMs(summarize(loads).median)}`;
      }).join(', ')}`);
    }
  }

  if (opts.scripts) {
    results.scripts = await runBenchScripts(opts);
    for (const s of results.scripts) printScriptTable(s);
  }

  if (opts.memory && (!opts.only || opts.only.some((o) => 'memory'.includes(o)))) {
    process.stderr.write('memory check ...\n');
    results.memory = await memoryCheck({ log: (m) => process.stderr.write(`${m}\n`) });
    console.log(`\nmemory: ${results.memory.summary}`);
  }

  results.finished = new Date().toISOString();
  results.machine.loadavgAtEnd = os.loadavg().map((x) => Number(x.toFixed(2)));
  writeFileSync(opts.out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), opts.out) || opts.out}`);
}

main().catch((e) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
