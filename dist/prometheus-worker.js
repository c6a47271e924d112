import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  readPartQueries
} from "./chunks/chunk-RD522HZ3.js";
import {
  errorReply,
  partReply
} from "./chunks/chunk-XNX57BFD.js";
import "./chunks/chunk-HYR7AWVW.js";
import {
  ByteInterner,
  ObservedMapBuilder
} from "./chunks/chunk-FUUW7R43.js";
import "./chunks/chunk-424NN5FK.js";
import "./chunks/chunk-55OXYYT6.js";
import "./chunks/chunk-FEXBMIR2.js";
import "./chunks/chunk-JRZ5SPNM.js";
import "./chunks/chunk-THEZXBAV.js";
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
