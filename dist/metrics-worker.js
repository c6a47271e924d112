import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  readMetricFiles
} from "./chunks/chunk-MQBAX7YW.js";
import "./chunks/chunk-4G74MOJI.js";
import {
  errorReply,
  partReply
} from "./chunks/chunk-QKK6UXIM.js";
import "./chunks/chunk-PH65LFUV.js";
import "./chunks/chunk-DNUDPCNB.js";
import "./chunks/chunk-RCORRPHM.js";
import "./chunks/chunk-HANBNIMK.js";

// src/observe/metrics-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var { files } = workerData;
var reply;
var transfer = [];
try {
  ({ reply, transfer } = partReply((await readMetricFiles(files)).export(), void 0));
} catch (err) {
  reply = errorReply(err);
}
parentPort?.postMessage(reply, transfer);
