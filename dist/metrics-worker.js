import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  readMetrics
} from "./chunks/chunk-UM5LDRSR.js";
import "./chunks/chunk-IC6GPLUO.js";
import "./chunks/chunk-PKCODQIK.js";
import "./chunks/chunk-DNUDPCNB.js";
import {
  InputError
} from "./chunks/chunk-KJZBDJRW.js";
import "./chunks/chunk-HANBNIMK.js";

// src/observe/metrics-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var { paths, cwd } = workerData;
var reply;
try {
  reply = { map: await readMetrics(paths, { cwd }) };
} catch (err) {
  reply = err instanceof InputError ? {
    inputError: {
      message: err.message,
      ...err.file === void 0 ? {} : { file: err.file },
      ...err.line === void 0 ? {} : { line: err.line }
    }
  } : { failure: err instanceof Error ? err.stack ?? err.message : String(err) };
}
parentPort?.postMessage(reply);
