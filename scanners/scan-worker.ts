import { parentPort, workerData } from 'node:worker_threads';
import { withHostPolicy } from './config/load.ts';
import { scanSiteFile, type WorkerData } from './scan.ts';

// A scan worker: says it is ready (an empty list), then answers each batch of relative paths with its findings.
const { root, config: data } = workerData as WorkerData;
const config = withHostPolicy(data);
parentPort!.on('message', (files: string[]) => {
  parentPort!.postMessage(files.flatMap((file) => scanSiteFile(root, file, config)));
});
parentPort!.postMessage([]);
