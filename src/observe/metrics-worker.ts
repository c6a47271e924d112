// Worker-thread entry: reads the metric files named in workerData and posts back what it read
// as plain tables (a string table and typed arrays, transferred rather than copied), or the
// error that stopped it. Started by read-metrics-concurrently.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../errors.ts';
import type { MetricFile } from './metric-files.ts';
import type { ExportedMap } from './observed-map.ts';
import { readMetricFiles } from './read-metrics.ts';

export type WorkerReply =
  | { part: ExportedMap }
  | { inputError: { message: string; file?: string; line?: number } }
  | { failure: string };

const { files } = workerData as { files: MetricFile[] };
let reply: WorkerReply;
let transfer: ArrayBuffer[] = [];
try {
  const part = (await readMetricFiles(files)).export();
  reply = { part };
  transfer = [part.calls, part.sumCall, part.sumReporter, part.sums].map((a) => a.buffer as ArrayBuffer);
} catch (err) {
  reply =
    err instanceof InputError
      ? {
          inputError: {
            message: err.message,
            ...(err.file === undefined ? {} : { file: err.file }),
            ...(err.line === undefined ? {} : { line: err.line }),
          },
        }
      : { failure: err instanceof Error ? (err.stack ?? err.message) : String(err) };
}
parentPort?.postMessage(reply, transfer);
