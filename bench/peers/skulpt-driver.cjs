// Runs one Python file under Skulpt (npm package `skulpt`) in Node and prints its stdout.
// Usage: node skulpt-driver.cjs FILE
// On a Python error: prints "<ExceptionType>: <message>" on stderr and exits 1.
// Last line on stderr is always "@@peer-timing {"load_ms":…,"run_ms":…}" (load = require of Skulpt).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const peersDir = process.env.BENCH_PEERS_DIR || path.join(__dirname, '..', '.peers');
const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node skulpt-driver.cjs FILE\n');
  process.exit(2);
}
const src = fs.readFileSync(file, 'utf8');
const now = () => Number(process.hrtime.bigint()) / 1e6;

const t0 = now();
const Sk = require(path.join(peersDir, 'node_modules', 'skulpt'));
const t1 = now();

const out = [];
Sk.configure({
  output: (s) => { out.push(s); },
  read: (name) => {
    if (Sk.builtinFiles === undefined || Sk.builtinFiles.files[name] === undefined) {
      throw new Sk.builtin.ImportError(`No module named ${name}`);
    }
    return Sk.builtinFiles.files[name];
  },
  __future__: Sk.python3,
  execLimit: null,
  yieldLimit: null,
});

function finish(code, message) {
  const t2 = now();
  process.stdout.write(out.join(''));
  if (message) process.stderr.write(`${message}\n`);
  process.stderr.write(`@@peer-timing ${JSON.stringify({ load_ms: t1 - t0, run_ms: t2 - t1 })}\n`);
  process.exitCode = code;
}

Sk.misceval
  .asyncToPromise(() => Sk.importMainWithBody('__main__', false, src, true))
  .then(
    () => finish(0),
    (err) => {
      let msg;
      try {
        msg = err instanceof Error ? `${err.name}: ${err.message}` : String(err.toString());
      } catch {
        msg = 'unprintable error';
      }
      finish(1, msg);
    },
  );
