import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  timeOutOfRange
} from "./chunk-ECHFJ74Z.js";
import {
  readRegularFile
} from "./chunk-VEPUTHKX.js";
import {
  InputError,
  NameGate,
  isKindName,
  jsonWithEscapes
} from "./chunk-3OLJVOZR.js";

// src/observe/snapshot/snapshot-file.ts
import { Buffer } from "node:buffer";
import { writeFile } from "node:fs/promises";

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
  const refs = /* @__PURE__ */ new Map();
  const shared = (ref) => {
    const key = JSON.stringify([
      ref.namespace,
      ref.name,
      ref.kind,
      ref.service?.namespace,
      ref.service?.name
    ]);
    const known = refs.get(key);
    if (known !== void 0) return known;
    refs.set(key, ref);
    return ref;
  };
  const share = (calls) => {
    for (const call of calls) {
      call.client = shared(call.client);
      call.server = shared(call.server);
    }
    return calls;
  };
  return {
    calls: share(s.calls),
    unattributed: share(s.unattributed),
    external: share(s.external),
    warnings: s.warnings,
    stats: s.stats
  };
}

// src/observe/snapshot/snapshot-check.ts
var ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;
var MAX_STRING = 64 * 1024;
var MAX_WARNINGS = 1e4;
var Checker = class {
  file;
  constructor(file) {
    this.file = file;
  }
  fail(at, what) {
    throw new InputError(`${at}: ${what}`, { file: this.file });
  }
  object(x, at, keys) {
    if (typeof x !== "object" || x === null || Array.isArray(x)) this.fail(at, "must be an object");
    for (const key of Object.keys(x)) {
      if (!keys.includes(key)) this.fail(`${at}.${key}`, "is not a field of a snapshot");
    }
    return x;
  }
  string(x, at) {
    if (typeof x !== "string") this.fail(at, "must be a string");
    if (x.length > MAX_STRING) this.fail(at, `is longer than ${MAX_STRING} characters`);
    return x;
  }
  time(x, at) {
    const text = this.string(x, at);
    if (!ISO.test(text) || Number.isNaN(Date.parse(text))) this.fail(at, "must be an RFC 3339 time");
    const outOfRange = timeOutOfRange(text);
    if (outOfRange !== void 0) this.fail(at, `must be an RFC 3339 time (${outOfRange})`);
    return text;
  }
  /** `capture` writes a span's end at or after its start; a span that ends first is refused. */
  inOrder(start, end, at, startField) {
    if (Date.parse(end) < Date.parse(start)) this.fail(at, `${end} is before ${startField} (${start})`);
  }
  count(x, at) {
    if (typeof x !== "number" || !Number.isFinite(x) || x < 0) this.fail(at, "must be a number >= 0");
    return x;
  }
  nullableString(x, at) {
    return x === null ? null : this.string(x, at);
  }
  ref(x, at, withService) {
    const o = this.object(
      x,
      at,
      withService ? ["name", "namespace", "kind", "service"] : ["name", "namespace", "kind"]
    );
    const ref = {
      name: this.string(o.name, `${at}.name`),
      namespace: this.string(o.namespace, `${at}.namespace`)
    };
    if (o.kind !== void 0) {
      const kind = this.string(o.kind, `${at}.kind`);
      if (!isKindName(kind))
        this.fail(`${at}.kind`, "must be a Kubernetes kind (Deployment, StatefulSet, ...)");
      ref.kind = kind;
    }
    if (o.service !== void 0) {
      const s = this.object(o.service, `${at}.service`, ["name", "namespace"]);
      ref.service = {
        name: this.string(s.name, `${at}.service.name`),
        namespace: this.string(s.namespace, `${at}.service.namespace`)
      };
    }
    return ref;
  }
  call(x, at) {
    const keys = ["client", "server", "method", "path", "count", "protocol", "firstSeen", "lastSeen", "host"];
    const o = this.object(x, at, keys);
    const client = this.ref(o.client, `${at}.client`, false);
    const server = this.ref(o.server, `${at}.server`, true);
    const protocol = o.protocol;
    if (protocol !== "http" && protocol !== "grpc" && protocol !== "tcp")
      this.fail(`${at}.protocol`, "must be http, grpc or tcp");
    const call = {
      client,
      server,
      method: this.nullableString(o.method, `${at}.method`),
      path: this.nullableString(o.path, `${at}.path`),
      count: this.count(o.count, `${at}.count`),
      protocol,
      firstSeen: this.time(o.firstSeen, `${at}.firstSeen`),
      lastSeen: this.time(o.lastSeen, `${at}.lastSeen`)
    };
    this.inOrder(call.firstSeen, call.lastSeen, `${at}.lastSeen`, "firstSeen");
    if (o.host !== void 0) call.host = this.string(o.host, `${at}.host`);
    return call;
  }
  list(x, at) {
    if (!Array.isArray(x)) this.fail(at, "must be a list");
    return x;
  }
};
var TOP_KEYS = [
  "kind",
  "version",
  "source",
  "capturedAt",
  "window",
  "calls",
  "unattributed",
  "external",
  "warnings",
  "stats"
];
function keptWarnings(warnings, c, file) {
  const kept = warnings.slice(0, MAX_WARNINGS).map((w, i) => c.string(w, `warnings[${i}]`));
  const more = warnings.length - kept.length;
  if (more > 0)
    kept.push(`${more} more warning(s) of ${file} left out (a snapshot's first ${MAX_WARNINGS} are kept)`);
  return kept;
}
function checkSnapshot(doc, file) {
  const c = new Checker(file);
  if (typeof doc !== "object" || doc === null || Array.isArray(doc) || doc.kind !== SNAPSHOT_KIND) {
    throw new InputError(`not an intent-drift snapshot (kind must be ${SNAPSHOT_KIND})`, { file });
  }
  const top = doc;
  if (top.version !== SNAPSHOT_VERSION) {
    throw new InputError(
      `snapshot version ${String(top.version)} is not supported (this build reads ${SNAPSHOT_VERSION})`,
      { file }
    );
  }
  c.object(top, "snapshot", TOP_KEYS);
  const gate = new NameGate();
  const calls = (list) => {
    const out = [];
    c.list(top[list], list).forEach((x, i) => {
      const call = c.call(x, `${list}[${i}]`);
      const named = {
        client: call.client,
        server: list === "external" ? null : call.server,
        service: call.server.service ?? null
      };
      if (gate.admit(named)) out.push(call);
    });
    return out;
  };
  const lists = { calls: calls("calls"), unattributed: calls("unattributed"), external: calls("external") };
  const snapshot = {
    kind: SNAPSHOT_KIND,
    version: SNAPSHOT_VERSION,
    capturedAt: c.time(top.capturedAt, "capturedAt"),
    source: c.string(top.source, "source"),
    ...lists,
    warnings: top.warnings === void 0 ? [] : keptWarnings(c.list(top.warnings, "warnings"), c, file),
    stats: { series: 0, sources: 0 }
  };
  if (top.stats !== void 0) {
    const stats = c.object(top.stats, "stats", ["series", "sources"]);
    snapshot.stats = {
      series: c.count(stats.series ?? 0, "stats.series"),
      sources: c.count(stats.sources ?? 0, "stats.sources")
    };
  }
  if (top.window !== void 0) {
    const w = c.object(top.window, "window", ["from", "to"]);
    snapshot.window = { from: c.time(w.from, "window.from"), to: c.time(w.to, "window.to") };
    c.inOrder(snapshot.window.from, snapshot.window.to, "window.to", "window.from");
  }
  const refused = gate.warning(`call(s) of ${file}`);
  if (refused !== void 0) snapshot.warnings.push(refused);
  return snapshot;
}

// src/observe/snapshot/snapshot-file.ts
var MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024;
async function writeSnapshot(file, map, meta) {
  const snapshot = toSnapshot(map, meta);
  await writeFile(file, `${jsonWithEscapes(JSON.stringify(snapshot, null, 2))}
`);
  return snapshot;
}
async function readStream(input) {
  const parts = [];
  let size = 0;
  for await (const chunk of input) {
    const buf = Buffer.from(chunk);
    size += buf.length;
    if (size > MAX_SNAPSHOT_BYTES) {
      throw new InputError(`larger than ${MAX_SNAPSHOT_BYTES / 1024 / 1024} MiB`, { file: "stdin" });
    }
    parts.push(buf);
  }
  return Buffer.concat(parts).toString("utf8");
}
async function readSnapshot(given, stdin = process.stdin) {
  const file = given === "-" ? "stdin" : given;
  const text = given === "-" ? await readStream(stdin) : await readRegularFile(file, { maxBytes: MAX_SNAPSHOT_BYTES });
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new InputError(`not JSON: ${err.message}`, { file });
  }
  return checkSnapshot(doc, file);
}

export {
  snapshotToMap,
  MAX_SNAPSHOT_BYTES,
  writeSnapshot,
  readSnapshot
};
