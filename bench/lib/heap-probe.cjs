// Preloaded into a pyvm process (node --expose-gc --require heap-probe.cjs dist/cli.js run FILE)
// by bench/memory.mjs: records V8 heap use after a full GC when the process starts and again when it
// exits, and writes both as JSON to the file named by $PYVM_HEAP_PROBE_OUT.
'use strict';
const fs = require('node:fs');

const outFile = process.env.PYVM_HEAP_PROBE_OUT;
const gc = globalThis.gc;
function sample() {
  if (gc) { gc(); gc(); }
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers, rss: m.rss };
}
const start = sample();
process.on('exit', () => {
  const end = sample();
  const data = { gcAvailable: typeof gc === 'function', start, end, maxRssKB: process.resourceUsage().maxRSS };
  if (outFile) fs.writeFileSync(outFile, JSON.stringify(data));
});
