// Bundles the CLI, the DAP adapter and its VM host worker into dist/, and the VS Code extension
// (with the same adapter and worker inside) into extension/dist/.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  banner: { js: '#!/usr/bin/env node' },
});
chmodSync('dist/cli.js', 0o755);

// `node dist/dap.js` serves DAP on stdio (what DebugClient spawns); dap-worker.js runs the VM;
// dap-host.js runs it in a separate process (in the client's terminal).
await build({
  ...common,
  entryPoints: {
    dap: 'src/dap/adapter-main.ts', 'dap-worker': 'src/dap/worker-main.ts', 'dap-host': 'src/dap/terminal-host-main.ts',
  },
  outdir: 'dist',
});

// The extension runs the adapter in the extension host; vscode is provided by VS Code itself.
await build({
  ...common,
  entryPoints: {
    extension: 'extension/src/extension.ts', 'dap-worker': 'src/dap/worker-main.ts',
    'dap-host': 'src/dap/terminal-host-main.ts',
  },
  outdir: 'extension/dist',
  external: ['vscode'],
});
