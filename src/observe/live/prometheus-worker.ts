// Worker-thread entry: reads some of the parts of a large Prometheus read (the queries in
// workerData) into its own observed map and posts back its tables and rows per query, or the
// error that stopped it. Started by prometheus-parallel.ts.
import { parentPort, type TransferListItem, workerData } from 'node:worker_threads';
import { ByteInterner } from '../compact/byte-interner.ts';
import { ObservedMapBuilder } from '../observed-map.ts';
import { errorReply, partReply, type WorkerReply } from '../reader-worker.ts';
import { type PartsRequest, readPartQueries } from './prometheus-parts.ts';

const request = workerData as PartsRequest;
let reply: WorkerReply<number[]>;
let transfer: TransferListItem[] = [];
try {
  const builder = new ObservedMapBuilder();
  builder.sources = 0;
  const into = {
    builder,
    values: new ByteInterner(builder.strings),
    maxRows: request.maxRows,
    rowsRead: request.rowsRead,
  };
  const base = new URL(request.base);
  const at = new Date(request.atMs);
  const { rows } = await readPartQueries(
    base,
    request.queries,
    at,
    request.target,
    into,
    request.concurrency,
  );
  ({ reply, transfer } = partReply(builder.export(), rows));
} catch (err) {
  reply = errorReply(err);
}
parentPort?.postMessage(reply, transfer);
