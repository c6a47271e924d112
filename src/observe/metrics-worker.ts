// Worker-thread entry: reads parts of a large capture (read-metrics-concurrently.ts), claiming
// each from the counter it shares with the main thread (part-queue.ts) until none is left, and
// posts each part's tables (a string table and typed arrays, transferred rather than copied) or
// the error that stopped it, then `done`. After an error it claims nothing more, nor does
// anyone: the parts after it are not needed.
import { parentPort, type TransferListItem, workerData } from 'node:worker_threads';
import { type MetricsWorkerData, type MetricsWorkerMessage, PartQueue } from './part-queue.ts';
import { readMetricFiles } from './read-metrics.ts';
import { errorReply, partReply } from './reader-worker.ts';

const { parts, next } = workerData as MetricsWorkerData;
const queue = new PartQueue(parts.length, next);
const post = (message: MetricsWorkerMessage, transfer: TransferListItem[] = []) =>
  parentPort?.postMessage(message, transfer);
for (let i = queue.claim(); i !== -1; i = queue.claim()) {
  try {
    const { reply, transfer } = partReply((await readMetricFiles(parts[i]!)).export(), undefined);
    post({ index: i, reply }, transfer);
  } catch (err) {
    queue.close();
    post({ index: i, reply: errorReply(err) });
    break;
  }
}
post({ done: true });
