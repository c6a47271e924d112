import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  InputError
} from "./chunk-3OLJVOZR.js";

// src/observe/reader-worker.ts
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
function partReply(part, extra) {
  const transfer = [part.calls, part.sumCall, part.sumReporter, part.sums].map(
    (a) => a.buffer
  );
  return { reply: { part, extra }, transfer };
}
function errorReply(err) {
  if (err instanceof InputError) {
    return {
      inputError: {
        message: err.message,
        ...err.file === void 0 ? {} : { file: err.file },
        ...err.line === void 0 ? {} : { line: err.line },
        ...err.code === void 0 ? {} : { code: err.code }
      }
    };
  }
  return { failure: err instanceof Error ? err.stack ?? err.message : String(err) };
}
function replyError(reply, what) {
  if ("inputError" in reply) {
    const { message, ...where } = reply.inputError;
    return new InputError(message, where);
  }
  return new Error(`${what} failed: ${reply.failure}`);
}
function workerScript(source, bundled) {
  const fromSource = import.meta.url.endsWith(".ts");
  const candidates = fromSource ? [source] : [`./${bundled}.js`, `../${bundled}.js`];
  for (const candidate of candidates) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(url)) return url;
  }
  return void 0;
}
function runReaderWorker(entry, workerData, opts) {
  const signal = opts.signal;
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = new Worker(entry, {
      workerData,
      ...opts.resourceLimits === void 0 ? {} : { resourceLimits: opts.resourceLimits }
    });
    opts.onWorker?.(worker.threadId);
    const stop = () => {
      if (settled) return;
      settled = true;
      reject(signal?.reason);
      void worker.terminate();
    };
    signal?.addEventListener("abort", stop, { once: true });
    worker.once("exit", () => signal?.removeEventListener("abort", stop));
    worker.once("message", (reply) => {
      if (settled) return;
      settled = true;
      if ("part" in reply) resolve({ part: reply.part, extra: reply.extra });
      else reject(replyError(reply, opts.what));
    });
    worker.once("error", (err) => {
      if (settled) return;
      settled = true;
      reject(err);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`${opts.what} stopped (exit code ${code}) without an answer`));
    });
  });
}

export {
  partReply,
  errorReply,
  replyError,
  workerScript,
  runReaderWorker
};
