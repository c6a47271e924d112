// Worker-thread entry: reads the metrics named in workerData and posts back the observed map,
// or the error that stopped it. Started by read-metrics-concurrently.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../errors.ts';
import type { ObservedMap } from '../model.ts';
import { readMetrics } from './read-metrics.ts';

export type WorkerReply =
  | { map: ObservedMap }
  | { inputError: { message: string; file?: string; line?: number } }
  | { failure: string };

const { paths, cwd } = workerData as { paths: string[]; cwd: string };
let reply: WorkerReply;
try {
  reply = { map: await readMetrics(paths, { cwd }) };
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
parentPort?.postMessage(reply);
