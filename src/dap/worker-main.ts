// Entry point of the VM host worker (bundled as dap-worker.js): the program runs on this thread.
import { parentPort, workerData } from 'node:worker_threads';
import type { HostStartData } from './host-protocol';
import { HostEndpoint } from './vm-host';
import { serveVmHost } from './vm-host-main';

const { shared, requests } = workerData as HostStartData;
serveVmHost(new HostEndpoint(requests, shared, (message) => parentPort!.postMessage(message)), true);
