// Worker-thread entry: reads the metric files named in workerData and posts back what it read
// as plain tables (a string table and typed arrays, transferred rather than copied), or the
// error that stopped it. Started by read-metrics-concurrently.ts.
import { parentPort, type TransferListItem, workerData } from 'node:worker_threads';
import type { MetricFile } from './metric-files.ts';
import { readMetricFiles } from './read-metrics.ts';
import { errorReply, partReply, type WorkerReply } from './reader-worker.ts';

const { files } = workerData as { files: MetricFile[] };
let reply: WorkerReply<undefined>;
let transfer: TransferListItem[] = [];
try {
  ({ reply, transfer } = partReply((await readMetricFiles(files)).export(), undefined));
} catch (err) {
  reply = errorReply(err);
}
parentPort?.postMessage(reply, transfer);
