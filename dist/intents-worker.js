import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  parseIntentsFiles
} from "./chunks/chunk-4HA6SVVC.js";
import {
  isInputError
} from "./chunks/chunk-WQ4DT2T6.js";
import "./chunks/chunk-PY5VAGIZ.js";

// src/declare/intents-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var { files, defaultNamespace } = workerData;
try {
  parentPort?.postMessage({ parsed: parseIntentsFiles(files, defaultNamespace) });
} catch (err) {
  if (isInputError(err)) {
    parentPort?.postMessage({ inputError: { message: err.message, file: err.file, line: err.line } });
  } else {
    parentPort?.postMessage({ crash: err instanceof Error ? err.stack ?? err.message : String(err) });
  }
}
