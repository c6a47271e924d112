import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  readPartQueries
} from "./chunks/chunk-7QYDKRFN.js";
import {
  errorReply,
  partReply
} from "./chunks/chunk-MTBUG5EW.js";
import "./chunks/chunk-HYR7AWVW.js";
import {
  ByteInterner,
  ObservedMapBuilder
} from "./chunks/chunk-A4XXKKLU.js";
import "./chunks/chunk-WPGTBZZS.js";
import "./chunks/chunk-55OXYYT6.js";
import "./chunks/chunk-FEXBMIR2.js";
import "./chunks/chunk-VEPUTHKX.js";
import "./chunks/chunk-3OLJVOZR.js";
import "./chunks/chunk-HANBNIMK.js";

// src/observe/live/prometheus-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var request = workerData;
var reply;
var transfer = [];
try {
  const builder = new ObservedMapBuilder();
  builder.sources = 0;
  const into = {
    builder,
    values: new ByteInterner(builder.strings),
    maxRows: request.maxRows,
    rowsRead: request.rowsRead
  };
  const base = new URL(request.base);
  const at = new Date(request.atMs);
  const { rows } = await readPartQueries(
    base,
    request.queries,
    at,
    request.target,
    into,
    request.concurrency
  );
  ({ reply, transfer } = partReply(builder.export(), rows));
} catch (err) {
  reply = errorReply(err);
}
parentPort?.postMessage(reply, transfer);
