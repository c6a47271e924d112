import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  shownUrl
} from "./chunk-55OXYYT6.js";
import {
  readRegularFileBytesSync
} from "./chunk-VEPUTHKX.js";
import {
  InputError,
  isInputError
} from "./chunk-3OLJVOZR.js";

// src/observe/live/http-client.ts
import http from "node:http";
import https from "node:https";
import { pipeline } from "node:stream";
import { createGunzip } from "node:zlib";
function parseBaseUrl(text, flag) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new InputError(`${flag}: not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new InputError(`${flag}: must be http or https`);
  return url;
}
function caOf(target) {
  if (target.caFile === void 0) return void 0;
  return readRegularFileBytesSync(target.caFile, { maxBytes: 4 * 1024 * 1024 });
}
function requestHeaders(target, init, extra = {}) {
  const headers = { Accept: "application/json", ...extra };
  if (target.token !== void 0) headers.Authorization = `Bearer ${target.token}`;
  const body = init.body === void 0 ? void 0 : Buffer.from(init.body);
  if (body !== void 0) {
    headers["Content-Type"] = init.contentType ?? "application/json";
    headers["Content-Length"] = body.length;
  }
  return { headers, body };
}
function httpStream(url, target, init, consume) {
  const ca = caOf(target);
  const { headers, body } = requestHeaders(target, init, { "Accept-Encoding": "gzip" });
  const timeout = AbortSignal.timeout(target.timeoutMs ?? 3e4);
  const signal = target.signal === void 0 ? timeout : AbortSignal.any([timeout, target.signal]);
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const fail = (err) => reject(isInputError(err) ? err : unreachable(url, timeout.aborted ? timeout.reason : err));
    const send = (again) => {
      let responded = false;
      const req = transport.request(
        url,
        { method: init.method ?? "GET", headers, ...ca === void 0 ? {} : { ca }, signal },
        (res) => {
          responded = true;
          const encoding = (res.headers["content-encoding"] ?? "identity").toLowerCase();
          let stream = res;
          if (encoding === "gzip" || encoding === "x-gzip")
            stream = pipeline(res, createGunzip({ chunkSize: 256 * 1024 }), () => {
            });
          else if (encoding !== "identity") {
            res.destroy();
            reject(new InputError(`${shownUrl(url)}: answered in an encoding not asked for (${encoding})`));
            return;
          }
          consume(res.statusCode ?? 0, stream).then(resolve, fail);
        }
      );
      req.on("error", (err) => {
        if (responded) return;
        if (!again && closedWhileIdle(req, err)) send(true);
        else fail(err);
      });
      req.end(body);
    };
    send(false);
  });
}
function closedWhileIdle(req, err) {
  const code = err.code;
  return req.reusedSocket && (code === "ECONNRESET" || code === "EPIPE");
}
async function httpRequest(url, target, init = {}) {
  const ca = caOf(target);
  const { headers, body } = requestHeaders(target, init);
  const timeoutMs = target.timeoutMs ?? 3e4;
  const transport = url.protocol === "https:" ? https : http;
  const signal = AbortSignal.timeout(timeoutMs);
  return new Promise((resolve, reject) => {
    const send = (again) => {
      let responded = false;
      const req = transport.request(
        url,
        {
          method: init.method ?? "GET",
          headers,
          ...ca === void 0 ? {} : { ca },
          signal
        },
        (res) => {
          responded = true;
          const parts = [];
          let length = 0;
          res.on("data", (c) => {
            length += c.length;
            if (init.maxBytes !== void 0 && length > init.maxBytes) {
              res.destroy();
              reject(new InputError(`${shownUrl(url)}: ${tooLarge(init.maxBytes)}`));
              return;
            }
            parts.push(c);
          });
          res.on(
            "end",
            () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString("utf8") })
          );
          res.on("error", (err) => reject(unreachable(url, err)));
        }
      );
      req.on("error", (err) => {
        if (!responded && !again && closedWhileIdle(req, err)) send(true);
        else reject(unreachable(url, err));
      });
      req.end(body);
    };
    send(false);
  });
}
function unreachable(url, err) {
  const e = err;
  const reason = e.name === "TimeoutError" || e.code === "ABORT_ERR" ? "timed out" : e.code ?? e.message;
  return new InputError(
    `${shownUrl(url)}: cannot reach: ${reason}${e.code && e.message && reason === e.code ? ` (${e.message})` : ""}`
  );
}
function tooLarge(maxBytes) {
  return `answer larger than ${maxBytes / 1024 / 1024} MiB: not read`;
}

export {
  parseBaseUrl,
  httpStream,
  httpRequest,
  tooLarge
};
