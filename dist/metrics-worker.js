import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  readMetricFiles
} from "./chunks/chunk-RCPF4COE.js";
import "./chunks/chunk-LXASVE7W.js";
import "./chunks/chunk-AJBEAXIB.js";
import "./chunks/chunk-DNUDPCNB.js";
import {
  InputError
} from "./chunks/chunk-RCORRPHM.js";
import "./chunks/chunk-HANBNIMK.js";

// src/observe/metrics-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var { files } = workerData;
var reply;
var transfer = [];
try {
  const part = (await readMetricFiles(files)).export();
  reply = { part };
  transfer = [part.calls, part.sumCall, part.sumReporter, part.sums].map((a) => a.buffer);
} catch (err) {
  reply = err instanceof InputError ? {
    inputError: {
      message: err.message,
      ...err.file === void 0 ? {} : { file: err.file },
      ...err.line === void 0 ? {} : { line: err.line }
    }
  } : { failure: err instanceof Error ? err.stack ?? err.message : String(err) };
}
parentPort?.postMessage(reply, transfer);
