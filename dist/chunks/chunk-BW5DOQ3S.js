import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  InputError
} from "./chunk-M2G6SCZE.js";

// src/observe/snapshot/snapshot-file.ts
import { Buffer } from "node:buffer";
import { readFile, writeFile } from "node:fs/promises";

// src/observe/snapshot/snapshot-format.ts
var SNAPSHOT_KIND = "IntentDriftSnapshot";
var SNAPSHOT_VERSION = 1;
function toSnapshot(map, meta) {
  const at = (meta.capturedAt ?? /* @__PURE__ */ new Date()).toISOString();
  const stamp = (c) => ({
    ...c,
    firstSeen: c.firstSeen ?? meta.window?.from ?? at,
    lastSeen: c.lastSeen ?? meta.window?.to ?? at
  });
  const snapshot = {
    kind: SNAPSHOT_KIND,
    version: SNAPSHOT_VERSION,
    source: meta.source,
    capturedAt: at,
    calls: map.calls.map(stamp),
    unattributed: map.unattributed.map(stamp),
    external: map.external.map(stamp),
    warnings: [...map.warnings],
    stats: { ...map.stats }
  };
  if (meta.window !== void 0) snapshot.window = meta.window;
  return snapshot;
}
function snapshotToMap(s) {
  return {
    calls: s.calls,
    unattributed: s.unattributed,
    external: s.external,
    warnings: s.warnings,
    stats: s.stats
  };
}

// src/observe/snapshot/snapshot-file.ts
async function writeSnapshot(file, map, meta) {
  const snapshot = toSnapshot(map, meta);
  await writeFile(file, `${JSON.stringify(snapshot, null, 2)}
`);
  return snapshot;
}
var isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
var isString = (v) => typeof v === "string";
var ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
function checkRef(v, what) {
  if (!isObject(v) || !isString(v.name) || !isString(v.namespace)) return `${what} needs name and namespace`;
  if (v.kind !== void 0 && !isString(v.kind)) return `${what}.kind must be a string`;
  return null;
}
function checkCall(v) {
  if (!isObject(v)) return "not an object";
  const bad = checkRef(v.client, "client") ?? checkRef(v.server, "server");
  if (bad !== null) return bad;
  if (v.method !== null && !isString(v.method)) return "method must be a string or null";
  if (v.path !== null && !isString(v.path)) return "path must be a string or null";
  if (typeof v.count !== "number" || !Number.isFinite(v.count) || v.count < 0)
    return "count must be a number >= 0";
  if (v.protocol !== "http" && v.protocol !== "grpc" && v.protocol !== "tcp")
    return "protocol must be http, grpc or tcp";
  for (const k of ["firstSeen", "lastSeen"]) {
    if (!isString(v[k]) || !ISO.test(v[k])) return `${k} must be an RFC 3339 time`;
  }
  return null;
}
var MAX_STDIN_BYTES = 512 * 1024 * 1024;
async function readStream(input) {
  const parts = [];
  let size = 0;
  for await (const chunk of input) {
    const buf = Buffer.from(chunk);
    size += buf.length;
    if (size > MAX_STDIN_BYTES) throw new InputError("a snapshot over 512 MiB", { file: "stdin" });
    parts.push(buf);
  }
  return Buffer.concat(parts).toString("utf8");
}
async function readSnapshot(given, stdin = process.stdin) {
  const file = given === "-" ? "stdin" : given;
  let text;
  try {
    text = given === "-" ? await readStream(stdin) : await readFile(file, "utf8");
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = err.code;
    throw new InputError(code === "ENOENT" ? "no such file" : `cannot read: ${err.message}`, {
      file
    });
  }
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new InputError(`not JSON: ${err.message}`, { file });
  }
  if (!isObject(doc) || doc.kind !== SNAPSHOT_KIND) {
    throw new InputError(`not an intent-drift snapshot (kind must be ${SNAPSHOT_KIND})`, { file });
  }
  if (doc.version !== SNAPSHOT_VERSION) {
    throw new InputError(
      `snapshot version ${String(doc.version)} is not supported (this build reads ${SNAPSHOT_VERSION})`,
      {
        file
      }
    );
  }
  for (const list of ["calls", "unattributed", "external"]) {
    const items = doc[list];
    if (!Array.isArray(items)) throw new InputError(`${list} must be a list`, { file });
    items.forEach((c, i) => {
      const bad = checkCall(c);
      if (bad !== null) throw new InputError(`${list}[${i}]: ${bad}`, { file });
    });
  }
  if (!isString(doc.capturedAt) || !ISO.test(doc.capturedAt))
    throw new InputError("capturedAt must be an RFC 3339 time", { file });
  const warnings = Array.isArray(doc.warnings) ? doc.warnings.filter(isString) : [];
  const stats = isObject(doc.stats) ? doc.stats : {};
  return {
    ...doc,
    warnings,
    stats: { series: Number(stats.series) || 0, sources: Number(stats.sources) || 0 }
  };
}

export {
  snapshotToMap,
  writeSnapshot,
  readSnapshot
};
