import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  PartQueue,
  readMetricFiles
} from "./chunks/chunk-IKDDHJP5.js";
import "./chunks/chunk-6JVBI76T.js";
import {
  errorReply,
  partReply
} from "./chunks/chunk-MTBUG5EW.js";
import "./chunks/chunk-A4XXKKLU.js";
import "./chunks/chunk-FEXBMIR2.js";
import "./chunks/chunk-3OLJVOZR.js";
import "./chunks/chunk-HANBNIMK.js";

// src/observe/metrics-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var { parts, next } = workerData;
var queue = new PartQueue(parts.length, next);
var post = (message, transfer = []) => parentPort?.postMessage(message, transfer);
for (let i = queue.claim(); i !== -1; i = queue.claim()) {
  try {
    const { reply, transfer } = partReply((await readMetricFiles(parts[i])).export(), void 0);
    post({ index: i, reply }, transfer);
  } catch (err) {
    queue.close();
    post({ index: i, reply: errorReply(err) });
    break;
  }
}
post({ done: true });
