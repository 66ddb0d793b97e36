// Loads a TypeScript module of pyvm in plain node: esbuild bundles it (with everything it imports)
// into a temporary ESM file, which is imported and then deleted. Used by the bench scripts that
// time pyvm's parser and compiler in-process.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Imports the TypeScript module at ENTRY (a file URL or path relative to this repository's bench/). */
export async function importTs(entry) {
  const dir = mkdtempSync(join(tmpdir(), 'pyvm-bench-'));
  try {
    const outfile = join(dir, 'bundle.mjs');
    await build({
      entryPoints: [new URL(entry, new URL('../', import.meta.url)).pathname],
      bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error',
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
