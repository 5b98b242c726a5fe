import { parentPort, workerData } from 'node:worker_threads';
import { createHostPolicy } from './config/hosts.ts';
import type { ResolvedConfig } from './config/load.ts';
import { scanSiteFile, type WorkerData } from './scan.ts';

// A scan worker: says it is ready (an empty list), then answers each batch of relative paths with its findings.
const { root, config: data } = workerData as WorkerData;
const config: ResolvedConfig = {
  ...data,
  hosts: createHostPolicy(data.site, data.firstPartyHosts, data.allowHosts, data.origin),
};
parentPort!.on('message', (files: string[]) => {
  parentPort!.postMessage(files.flatMap((file) => scanSiteFile(root, file, config)));
});
parentPort!.postMessage([]);
