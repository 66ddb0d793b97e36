// Entry point of dist/dap.js: `node dist/dap.js [--port N]` is `pyvm dap [--port N]`.
import { runDap } from './server';

runDap(process.argv.slice(2)).then((code) => { process.exitCode = code; });
