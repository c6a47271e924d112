import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  PartQueue,
  readMetricFiles
} from "./chunks/chunk-OIQOMEMY.js";
import "./chunks/chunk-JFT4P5IJ.js";
import {
  errorReply,
  partReply
} from "./chunks/chunk-7A4BGRPN.js";
import "./chunks/chunk-HCZCAV3X.js";
import "./chunks/chunk-DNUDPCNB.js";
import "./chunks/chunk-RCORRPHM.js";
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
