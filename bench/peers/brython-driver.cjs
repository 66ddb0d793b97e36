// Runs one Python file under Brython (npm package `brython`) in Node and prints its stdout.
// Brython is browser-first; in Node it needs a few globals it expects from a page: `self`, a
// `location` URL for its module paths, `addEventListener`, `document.dispatchEvent`, and the
// `__BRYTHON__`/`$B` globals its generated code refers to. Its sys.stdout flushes each print
// through console.log, so console.log is captured while the program runs.
// Usage: node brython-driver.cjs FILE
// On a Python error: prints "<ExceptionType>: <message>" on stderr and exits 1.
// Last line on stderr is always "@@peer-timing {"load_ms":…,"run_ms":…}" (load = require of Brython,
// plus its standard-library bundle when the program imports anything).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const peersDir = process.env.BENCH_PEERS_DIR || path.join(__dirname, '..', '.peers');
const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node brython-driver.cjs FILE\n');
  process.exit(2);
}
const src = fs.readFileSync(file, 'utf8');
const now = () => Number(process.hrtime.bigint()) / 1e6;
const realLog = console.log;
const realError = console.error;
const realWarn = console.warn;
const realDebug = console.debug;

const t0 = now();
// Node 20 has no Set.prototype.difference, and the fallback Brython installs takes its arguments
// wrongly (so importing any module fails): give it a standard one first.
if (!Object.hasOwn(Set.prototype, 'difference')) {
  Object.defineProperty(Set.prototype, 'difference', {
    value: function difference(other) {
      const res = new Set();
      for (const item of this) if (!other.has(item)) res.add(item);
      return res;
    },
    writable: true,
    configurable: true,
  });
}
globalThis.self = globalThis;
globalThis.location = { href: 'http://localhost/bench/index.html', origin: 'http://localhost', pathname: '/bench/index.html' };
globalThis.addEventListener = () => {};
const { __BRYTHON__: $B } = require(path.join(peersDir, 'node_modules', 'brython', 'brython.js'));
globalThis.__BRYTHON__ = $B;
globalThis.$B = $B;
// The standard library is a separate 4.8 MB bundle that fills Brython's virtual file system; load
// it only for programs that import something (without it Brython would fetch modules over HTTP).
if (/^\s*(import|from)\s/m.test(src)) {
  const stdlib = path.join(peersDir, 'node_modules', 'brython', 'brython_stdlib.js');
  require('node:vm').runInThisContext(fs.readFileSync(stdlib, 'utf8'), { filename: stdlib });
}
if (globalThis.document && typeof globalThis.document.dispatchEvent !== 'function') {
  globalThis.document.dispatchEvent = () => {};
}
const t1 = now();

const out = [];
const err = [];
console.log = (...args) => { out.push(args.map(String).join(' ')); };
console.error = (...args) => { err.push(args.map((a) => (typeof a === 'string' ? a : '')).join(' ')); };
console.warn = console.error;
console.debug = () => {};

let message = null;
try {
  $B.runPythonSource(src, { id: '__main__' });
  try {
    $B.$io.tp_funcs.flush($B.get_stdout());
  } catch {
    // nothing left to flush
  }
} catch (e) {
  try {
    const name = $B.class_name ? $B.class_name(e) : (e && e.name) || 'Error';
    let text = '';
    try {
      text = $B.builtins.str.$factory(e);
    } catch {
      text = e && e.message ? e.message : '';
    }
    message = text ? `${name}: ${text}` : name;
  } catch {
    message = 'Brython raised an unprintable error';
  }
}
const t2 = now();
console.log = realLog;
console.error = realError;
console.warn = realWarn;
console.debug = realDebug;
process.stdout.write(out.join(''));
if (message) process.stderr.write(`${message}\n`);
process.stderr.write(`@@peer-timing ${JSON.stringify({ load_ms: t1 - t0, run_ms: t2 - t1 })}\n`);
process.exitCode = message ? 1 : 0;
