// The JavaScript peers pyvm is compared with: Skulpt and Brython, installed on demand into
// bench/.peers (gitignored) with `npm install --prefix`, and each driven from Node by a small
// script in bench/peers/ that runs one file and prints its stdout.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const PEERS_DIR = path.join(BENCH_DIR, '.peers');

/** Pinned so that numbers from different days compare like with like. */
export const PEERS = [
  { id: 'skulpt', label: 'Skulpt', pkg: 'skulpt', version: '1.2.0', driver: path.join(BENCH_DIR, 'peers', 'skulpt-driver.cjs') },
  { id: 'brython', label: 'Brython', pkg: 'brython', version: '3.14.3', driver: path.join(BENCH_DIR, 'peers', 'brython-driver.cjs') },
];

function installedVersion(pkg) {
  const file = path.join(PEERS_DIR, 'node_modules', pkg, 'package.json');
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')).version ?? null;
  } catch {
    return null;
  }
}

/**
 * Make sure every peer is installed at its pinned version; returns
 * { [id]: { ok, version, reason } } — reason says why a peer cannot be used.
 */
export async function ensurePeers(log = () => {}) {
  const missing = PEERS.filter((p) => installedVersion(p.pkg) !== p.version);
  let installError = null;
  if (missing.length > 0) {
    mkdirSync(PEERS_DIR, { recursive: true });
    const specs = PEERS.map((p) => `${p.pkg}@${p.version}`);
    log(`installing JavaScript peers into ${path.relative(process.cwd(), PEERS_DIR)}: ${specs.join(' ')}`);
    const r = spawnSync('npm', ['install', '--prefix', PEERS_DIR, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', ...specs], {
      encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (r.error) installError = `npm could not be started: ${r.error.message}`;
    else if (r.status !== 0) {
      const line = `${r.stderr}`.split('\n').map((l) => l.trim()).filter((l) => l && !l.includes('Unknown user config'))[0];
      installError = `npm install failed: ${line ?? `exit status ${r.status}`}`;
    }
  }
  const state = {};
  for (const p of PEERS) {
    const v = installedVersion(p.pkg);
    if (v === p.version) state[p.id] = { ok: true, version: v, reason: null };
    else state[p.id] = { ok: false, version: v, reason: installError ?? `${p.pkg}@${p.version} is not installed in ${PEERS_DIR}` };
  }
  return state;
}
