import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  SeriesReader,
  requireCounterValue
} from "./chunk-6JVBI76T.js";
import {
  HTTP_DETAIL_LABELS,
  ISTIO_DEFAULT_LABELS,
  OBSERVED_METRICS,
  ObservedMapBuilder
} from "./chunk-A4XXKKLU.js";
import {
  InputError
} from "./chunk-3OLJVOZR.js";

// src/observe/part-queue.ts
var PartQueue = class {
  /** The counter, shared with the worker threads (workerData). */
  shared;
  next;
  count;
  constructor(count, shared = new SharedArrayBuffer(4)) {
    this.count = count;
    this.shared = shared;
    this.next = new Int32Array(shared);
  }
  /** The next part to read, or -1 when none is left. */
  claim() {
    const i = Atomics.add(this.next, 0, 1);
    return i < this.count ? i : -1;
  }
  /**
   * Hands out no more parts: after a failure (the parts after it are not needed: every part
   * before it was claimed earlier, so is still read), an abort, or a worker that died.
   */
  close() {
    Atomics.store(this.next, 0, this.count);
  }
};
var OrderedMerge = class {
  results;
  builder = new ObservedMapBuilder();
  absorbed = 0;
  constructor(count) {
    this.results = new Array(count).fill(void 0);
  }
  /** One part read (or failed); it and the parts after it that are in are merged now. */
  put(index, result) {
    this.results[index] = result;
    for (; ; ) {
      const next = this.results[this.absorbed];
      if (next === void 0 || !("part" in next)) return;
      this.builder.absorb(next.part);
      this.results[this.absorbed] = void 0;
      this.absorbed++;
    }
  }
  /**
   * Once no thread reads any more: the map, or the first failure in file order. A part never
   * read before that (its worker died, `lost`) is that failure.
   */
  finish(lost) {
    if (this.absorbed === this.results.length) return this.builder.build();
    const first = this.results[this.absorbed];
    if (first !== void 0 && "reason" in first) throw first.reason;
    throw lost ?? new Error(`part ${this.absorbed + 1} of ${this.results.length} of the metrics was never read`);
  }
};

// src/observe/read-metrics.ts
import { Buffer as Buffer4 } from "node:buffer";

// src/observe/content-sniff.ts
import { closeSync, openSync, readSync } from "node:fs";
var SNIFF_BYTES = 64 * 1024;
var NO_ISTIO_SERIES = ": no istio_requests_total or istio_tcp_* series: it holds ";
var METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
var KIND_NAME = /^[A-Za-z][A-Za-z0-9]{0,62}$/;
var SHOWN = 3;
var SAMPLE_LINE = /^([^{\s]+)(?:\{.*\})?\s+[-+]?(?:[0-9.]+(?:[eE][-+]?[0-9]+)?|NaN|Inf)(?:\s+-?\d+)?$/;
function describeOtherContent(absolute) {
  let head;
  try {
    head = readHead(absolute);
  } catch {
    return "content that could not be read again";
  }
  return describeText(head.replace(/^\uFEFF/, "").trimStart());
}
function describeText(text) {
  const first = text[0];
  if (first === void 0) return "nothing but blank lines";
  if (first === "{" || first === "[") {
    return /"stats"\s*:/.test(text) ? "Envoy JSON stats without istiocustom.istio_requests_total entries: the sidecar has served no request, or the stats were filtered to other names" : 'JSON that is not Envoy stats ({"stats": [...]})';
  }
  if (first === "<") return "HTML or XML, not metrics (an error page, or a web page saved by mistake?)";
  const kinds = yamlKinds(text);
  if (kinds !== void 0) {
    const shown = kinds.length === 0 ? "no kind" : `kind ${listed(kinds)}`;
    return `YAML (${shown}), not metrics`;
  }
  const families = metricFamilies(text);
  if (families.length === 0) return "text that is neither Prometheus exposition, Envoy JSON stats nor YAML";
  const names = listed(families);
  if (families.some((f) => f.startsWith("istio_") || f.startsWith("envoy_"))) {
    return `an Istio sidecar's metrics (${names}) without istio_requests_total: it has served no request since it started, or a Telemetry removed the metric`;
  }
  return `Prometheus text of another exporter (${names}), not an Istio sidecar's`;
}
function readHead(absolute) {
  const fd = openSync(absolute, "r");
  try {
    const buffer = Buffer.allocUnsafe(SNIFF_BYTES);
    const size = readSync(fd, buffer, 0, SNIFF_BYTES, 0);
    return buffer.toString("utf8", 0, size);
  } finally {
    closeSync(fd);
  }
}
function yamlKinds(text) {
  let manifest = false;
  const kinds = /* @__PURE__ */ new Set();
  for (const line of text.split("\n")) {
    const m = /^(apiVersion|kind):[ \t]*["']?([^"'\s#]*)/.exec(line);
    if (m === null) continue;
    manifest = true;
    if (m[1] === "kind" && KIND_NAME.test(m[2] ?? "")) kinds.add(m[2]);
  }
  return manifest ? [...kinds].sort() : void 0;
}
function metricFamilies(text) {
  const families = /* @__PURE__ */ new Set();
  const lines = text.split("\n");
  if (lines.length > 1) lines.pop();
  for (const raw of lines) {
    const line = raw.trim();
    if (line === "") continue;
    const typed = /^#\s*TYPE\s+(\S+)/.exec(line);
    if (typed === null && line.startsWith("#")) continue;
    const name = typed ? typed[1] : SAMPLE_LINE.exec(line)?.[1];
    if (name === void 0 || !METRIC_NAME.test(name)) return [];
    families.add(name.replace(/_(bucket|sum|count)$/, ""));
  }
  return [...families].sort();
}
function listed(names) {
  const more = names.length - SHOWN;
  return names.slice(0, SHOWN).join(", ") + (more > 0 ? `, and ${more} more` : "");
}

// src/observe/envoy-json.ts
var ISTIO_STAT_PREFIX = "istiocustom.";
var ENVOY_LABEL_KEYS = /* @__PURE__ */ new Set([
  ...ISTIO_DEFAULT_LABELS,
  ...HTTP_DETAIL_LABELS
]);
function keyAt(s, at, keys, seen) {
  const dot = s.indexOf(".", at);
  const token = s.slice(at, dot === -1 ? s.length : dot);
  return keys.has(token) && !seen.has(token) ? token : null;
}
function parseEnvoyLabels(s, keys = ENVOY_LABEL_KEYS) {
  const labels = {};
  const seen = /* @__PURE__ */ new Set();
  let pos = 0;
  while (pos < s.length) {
    const key = keyAt(s, pos, keys, seen);
    if (key === null) {
      const token = s.slice(pos, s.indexOf(".", pos) === -1 ? s.length : s.indexOf(".", pos));
      return seen.has(token) ? `label "${token}" appears twice` : `unknown label key "${token.slice(0, 40)}"`;
    }
    seen.add(key);
    const valueStart = pos + key.length + 1;
    if (valueStart > s.length || keyAt(s, valueStart, keys, seen) !== null) {
      labels[key] = "";
      pos = valueStart;
      continue;
    }
    let end = s.indexOf(".", valueStart);
    while (end !== -1 && keyAt(s, end + 1, keys, seen) === null) end = s.indexOf(".", end + 1);
    if (end === -1) end = s.length;
    labels[key] = s.slice(valueStart, end);
    pos = end + 1;
  }
  return labels;
}
function wantedMetric(name, metrics) {
  const base = name.startsWith(ISTIO_STAT_PREFIX) ? name.slice(ISTIO_STAT_PREFIX.length) : name;
  const dot = base.indexOf(".");
  const metric = dot === -1 ? base : base.slice(0, dot);
  if (!metrics.has(metric)) return null;
  return { metric, rest: dot === -1 ? "" : base.slice(dot + 1) };
}
function describe(value) {
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : typeof value;
}
function readEnvoyStatsJson(text, options) {
  const file = options.source;
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new InputError(`not valid JSON: ${err.message}`, { file });
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new InputError(`expected an Envoy stats object {"stats": [...]}, found ${describe(doc)}`, { file });
  }
  const stats = doc.stats;
  if (!Array.isArray(stats)) {
    const data = doc.data;
    if (typeof data === "object" && data !== null && "result" in data) {
      throw new InputError(
        "this is a Prometheus HTTP API response, not Envoy stats; use --source prometheus to query Prometheus",
        { file }
      );
    }
    throw new InputError(`expected a "stats" array (Envoy JSON stats), found ${describe(stats)}`, { file });
  }
  let samples = 0;
  for (let i = 0; i < stats.length; i++) {
    const entry = stats[i];
    const where = `stats[${i}]`;
    if (typeof entry !== "object" || entry === null)
      throw new InputError(`${where} is not an object`, { file });
    if ("histograms" in entry && !("name" in entry)) continue;
    const { name, value } = entry;
    if (typeof name !== "string") throw new InputError(`${where} has no "name" string`, { file });
    const wanted = wantedMetric(name, options.metrics);
    if (wanted === null) continue;
    if (typeof value !== "number") {
      throw new InputError(`${where} (${wanted.metric}): "value" is ${describe(value)}, expected a number`, {
        file
      });
    }
    const labels = parseEnvoyLabels(wanted.rest);
    if (typeof labels === "string") throw new InputError(`${where} (${wanted.metric}): ${labels}`, { file });
    requireCounterValue(value, `${where} (${wanted.metric})`, { file });
    samples++;
    options.onSample({ metric: wanted.metric, labels, value, line: i + 1 });
  }
  return { entries: stats.length, samples };
}

// src/observe/event-loop-turns.ts
var YIELD_EVERY_MS = 50;
var EventLoopTurns = class {
  signal;
  everyMs;
  last = performance.now();
  constructor(signal, everyMs) {
    this.signal = signal;
    this.everyMs = everyMs;
  }
  /** A turn of the event loop when everyMs went by since the last; then rejects if aborted. */
  async take() {
    if (performance.now() - this.last >= this.everyMs) {
      await new Promise((resolve) => setImmediate(resolve));
      this.last = performance.now();
    }
    this.signal.throwIfAborted();
  }
  /** Whether `err` is this abort's reason (to be passed on as it is, not as a read error). */
  isAbort(err) {
    return this.signal.aborted && err === this.signal.reason;
  }
};
async function* withTurns(chunks, turns) {
  for (const chunk of chunks) {
    await turns.take();
    yield chunk;
  }
}

// src/observe/file-chunks.ts
import { Buffer as Buffer2 } from "node:buffer";
import { closeSync as closeSync2, openSync as openSync2, readSync as readSync2 } from "node:fs";
var DEFAULT_CHUNK_BYTES = 1 << 18;
function* readFileChunks(file, buffer = Buffer2.allocUnsafe(DEFAULT_CHUNK_BYTES)) {
  const fd = openSync2(file, "r");
  try {
    for (; ; ) {
      const bytesRead = readSync2(fd, buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    closeSync2(fd);
  }
}

// src/observe/metric-files.ts
import { readdirSync, statSync } from "node:fs";
import path5 from "node:path";

// src/display-path.ts
import path from "node:path";
function leavesDirectory(relative) {
  return relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
}
function displayName(absolute, cwd) {
  const relative = path.relative(cwd, absolute);
  const shown = relative === "" || leavesDirectory(relative) ? absolute : relative;
  return shown.split(path.sep).join("/");
}

// src/repository-links.ts
import { lstatSync, readlinkSync, realpathSync } from "node:fs";
import { mkdir as mkdir2, open as open2 } from "node:fs/promises";
import path4 from "node:path";

// src/contained-path.ts
import { constants } from "node:fs";
import { mkdir, open } from "node:fs/promises";
import path2 from "node:path";
function isPlainFileName(name) {
  return name !== "" && !name.startsWith(".") && !name.includes("/") && !name.includes("\\") && !name.includes("\0") && // File systems count a name's bytes (NAME_MAX), not its UTF-16 units.
  Buffer.byteLength(name) <= 255;
}
function isRepositoryPath(file) {
  if (file === "" || file.startsWith("/") || file.includes("\\") || file.includes("\0")) return false;
  return file.split("/").every(
    (segment) => segment !== "" && segment !== "." && segment !== ".." && segment.toLowerCase() !== ".git"
  );
}
function isInsideDirectory(file, directory) {
  if (!isRepositoryPath(file)) return false;
  const dir = path2.posix.normalize(directory);
  if (dir === ".") return true;
  if (!isRepositoryPath(dir)) return false;
  return file.startsWith(`${dir}/`);
}
async function writeFileInside(root, name, text) {
  if (!isPlainFileName(name)) {
    throw new InputError(`refusing to write "${name}": not a plain file name inside ${root}`);
  }
  const target = path2.join(root, name);
  const relative = path2.relative(root, target);
  if (relative !== name || path2.isAbsolute(relative)) {
    throw new InputError(`refusing to write "${name}": it would land outside ${root}`);
  }
  await mkdir(root, { recursive: true });
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW;
  let handle;
  try {
    handle = await open(target, flags, 420);
  } catch (err) {
    const code = err.code;
    if (code === "ELOOP") throw new InputError("is a symbolic link: not written through", { file: target });
    throw new InputError(`cannot write: ${code ?? err.message}`, { file: target });
  }
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
  return target;
}

// src/repository-root.ts
import { existsSync } from "node:fs";
import path3 from "node:path";
function findRepositoryRoot(cwd) {
  for (let dir = path3.resolve(cwd); ; dir = path3.dirname(dir)) {
    if (existsSync(path3.join(dir, ".git"))) return dir;
    if (path3.dirname(dir) === dir) return void 0;
  }
}
function repositoryRoot(cwd) {
  return findRepositoryRoot(cwd) ?? path3.resolve(cwd);
}

// src/repository-links.ts
function repositoryLinkGuard(cwd) {
  const root = findRepositoryRoot(cwd);
  if (root === void 0) return (absolute) => absolute;
  let realRoot;
  return (absolute, shown) => {
    realRoot ??= realpathSync.native(root);
    if (!isWithin(root, absolute) && !reallyWithin(realRoot, absolute)) return absolute;
    const real = realPathOf(absolute, shown);
    const relative = path4.relative(realRoot, real);
    if (relative === "") return real;
    if (!isWithin(realRoot, real)) {
      throw new InputError(
        "leads out of the repository through a symbolic link: refused (a file of the repository must be in it)",
        { file: shown }
      );
    }
    if (!isRepositoryPath(relative.split(path4.sep).join("/"))) {
      throw new InputError("leads into git's own folder (.git): refused", { file: shown });
    }
    return real;
  };
}
async function openInRepository(cwd, file) {
  const real = repositoryLinkGuard(cwd)(path4.resolve(cwd, file), file);
  try {
    await mkdir2(path4.dirname(real), { recursive: true });
    return await open2(real, "w");
  } catch (err) {
    throw new InputError(`cannot write: ${err.code ?? err.message}`, {
      file
    });
  }
}
async function writeFileInRepository(cwd, file, text) {
  const handle = await openInRepository(cwd, file);
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
  return path4.resolve(cwd, file);
}
function reallyWithin(realRoot, absolute) {
  try {
    return isWithin(realRoot, realPathOf(path4.dirname(absolute), absolute));
  } catch {
    return false;
  }
}
function isWithin(directory, file) {
  const relative = path4.relative(directory, file);
  return relative === "" || !leavesDirectory(relative);
}
function realPathOf(absolute, shown, links = 0) {
  const rest = [];
  for (let at = absolute; ; ) {
    try {
      return path4.join(realpathSync.native(at), ...rest);
    } catch (err) {
      const code = err.code;
      if (code !== "ENOENT" && code !== "ENOTDIR") {
        throw new InputError(`cannot resolve: ${code ?? err.message}`, { file: shown });
      }
      const target = linkTarget(at);
      if (target !== void 0) {
        if (links >= MAX_LINKS) throw new InputError("too many levels of symbolic links", { file: shown });
        return path4.join(realPathOf(path4.resolve(path4.dirname(at), target), shown, links + 1), ...rest);
      }
      const parent = path4.dirname(at);
      if (parent === at) return absolute;
      rest.unshift(path4.basename(at));
      at = parent;
    }
  }
}
var MAX_LINKS = 40;
function linkTarget(file) {
  try {
    return lstatSync(file).isSymbolicLink() ? readlinkSync(file) : void 0;
  } catch {
    return void 0;
  }
}

// src/observe/metric-files.ts
function unreadable(file, err) {
  const code = err.code;
  if (code === "ENOENT") return new InputError("no such file or directory", { file });
  if (code === "EACCES" || code === "EPERM") return new InputError("permission denied", { file });
  if (code === "EISDIR") return new InputError("is a directory", { file });
  return new InputError(`cannot read: ${err.message}`, { file });
}
function statOf(file) {
  try {
    return statSync(file);
  } catch (err) {
    throw unreadable(file, err);
  }
}
function identityOf(info) {
  return `${info.dev}:${info.ino}`;
}
function listMetricFiles(root, guard = (absolute) => absolute, above = /* @__PURE__ */ new Set()) {
  const info = statOf(root);
  if (info.isFile()) return [{ absolute: root, size: info.size, identity: identityOf(info) }];
  if (!info.isDirectory()) throw new InputError("not a regular file or directory", { file: root });
  const folder = identityOf(info);
  if (above.has(folder)) {
    throw new InputError("a link that leads back into a folder it is in: the listing would never end", {
      file: root
    });
  }
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : 1);
  } catch (err) {
    throw unreadable(root, err);
  }
  above.add(folder);
  const files = [];
  for (const entry of entries) {
    const child = path5.join(root, entry.name);
    if (entry.isDirectory()) {
      for (const f of listMetricFiles(child, guard, above)) files.push(f);
      continue;
    }
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    if (entry.isSymbolicLink()) guard(child, child);
    const target = statOf(child);
    if (target.isDirectory()) for (const f of listMetricFiles(child, guard, above)) files.push(f);
    else if (target.isFile())
      files.push({ absolute: child, size: target.size, identity: identityOf(target) });
  }
  above.delete(folder);
  return files;
}
function metricFilesOf(paths, cwd, seen = /* @__PURE__ */ new Set()) {
  if (paths.length === 0) throw new InputError("no metrics path given");
  const all = [];
  const inRepository = repositoryLinkGuard(cwd);
  const guard = (absolute) => inRepository(absolute, displayName(absolute, cwd));
  for (const given of paths) {
    const root = path5.resolve(cwd, given);
    let files;
    try {
      inRepository(root, given);
      files = listMetricFiles(root, guard);
    } catch (err) {
      if (!(err instanceof InputError) || err.file === void 0) throw err;
      throw new InputError(err.message, { file: err.file === root ? given : displayName(err.file, cwd) });
    }
    if (files.length === 0) throw new InputError("no files in this directory", { file: given });
    for (const f of files) {
      if (seen.has(f.identity)) continue;
      seen.add(f.identity);
      all.push({ absolute: f.absolute, size: f.size, file: displayName(f.absolute, cwd) });
    }
  }
  return all;
}

// src/observe/read-metrics-stream.ts
import { Buffer as Buffer3 } from "node:buffer";
var STDIN_NAME = "stdin";
var MAX_JSON_BYTES = 64 * 1024 * 1024;
var BOM = [239, 187, 191];
function firstContentByte(buf, from) {
  for (let i = from; i < buf.length; i++) {
    const c = buf[i];
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return c;
  }
  return void 0;
}
async function readMetricsStream(input, reading, source = STDIN_NAME) {
  const iterator = input[Symbol.asyncIterator]();
  const head = [];
  const lead = [];
  let read = 0;
  let pending = false;
  let first;
  while (first === void 0) {
    const next = await iterator.next();
    const buf = next.done ? void 0 : Buffer3.from(next.value);
    if (buf !== void 0) {
      head.push(buf);
      for (let i = 0; i < buf.length && lead.length < 3; i++) lead.push(buf[i]);
    }
    const mark = lead.length > 0 && lead.every((b, i) => b === BOM[i]);
    if (mark && lead.length < 3) {
      if (buf === void 0) first = lead[0];
      pending = true;
    } else if (buf === void 0) {
      throw new InputError("empty: no metrics on stdin", { file: source });
    } else if (pending && !mark) {
      first = lead[0];
    } else {
      first = firstContentByte(buf, mark ? Math.max(0, 3 - read) : 0);
    }
    if (buf !== void 0) read += buf.length;
  }
  async function* all() {
    yield* head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next())
      yield Buffer3.from(next.value);
  }
  const onSample = (s) => {
    reading.builder.add(s);
  };
  const options = { source, metrics: OBSERVED_METRICS, onSample };
  if (first === 123 || first === 91) {
    const parts = [];
    let size = 0;
    for await (const buf of all()) {
      size += buf.length;
      if (size > MAX_JSON_BYTES) {
        throw new InputError(
          `Envoy JSON stats over ${MAX_JSON_BYTES / 1024 / 1024} MiB; pipe the text format`,
          {
            file: source
          }
        );
      }
      parts.push(buf);
    }
    const text = Buffer3.concat(parts).toString("utf8").replace(/^\uFEFF/, "");
    return readEnvoyStatsJson(text, options).samples;
  }
  return (await reading.series.read(all(), source)).samples;
}

// src/observe/read-metrics.ts
function isBlankByte(c) {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
var BOM2 = Buffer4.from([239, 187, 191]);
var MAX_JSON_BYTES2 = 64 * 1024 * 1024;
function fileReading(builder = new ObservedMapBuilder()) {
  return { builder, buffer: Buffer4.allocUnsafe(DEFAULT_CHUNK_BYTES), series: new SeriesReader(builder) };
}
async function readMetricsFile(absolute, reading, file = absolute, turns) {
  const { builder, buffer } = reading;
  let chunks;
  let first;
  const blankHead = [];
  let current;
  try {
    chunks = readFileChunks(absolute, buffer);
    for (current = chunks.next(); !current.done; current = chunks.next()) {
      const buf = current.value;
      const from = blankHead.length === 0 && buf.subarray(0, 3).equals(BOM2) ? 3 : 0;
      for (let i = from; i < buf.length && first === void 0; i++)
        if (!isBlankByte(buf[i])) first = buf[i];
      if (first !== void 0) break;
      blankHead.push(Buffer4.from(buf));
    }
  } catch (err) {
    throw unreadable(file, err);
  }
  if (first === void 0) throw new InputError("empty: no metrics in this file", { file });
  const options = {
    source: file,
    metrics: OBSERVED_METRICS,
    onSample: (s) => {
      builder.add(s);
    }
  };
  const firstChunk = current.value;
  function* all() {
    yield* blankHead;
    yield firstChunk;
    for (current = chunks.next(); !current.done; current = chunks.next()) yield current.value;
  }
  try {
    if (first === 123 || first === 91) {
      const parts = [];
      let size = 0;
      for (const buf of all()) {
        size += buf.length;
        if (size > MAX_JSON_BYTES2) {
          throw new InputError(
            `Envoy JSON stats over ${MAX_JSON_BYTES2 / 1024 / 1024} MiB; use the text format (the admin port's /stats/prometheus), which is read as a stream`,
            { file }
          );
        }
        parts.push(Buffer4.from(buf));
      }
      const text = Buffer4.concat(parts).toString("utf8").replace(/^\uFEFF/, "");
      return readEnvoyStatsJson(text, options).samples;
    }
    return (await reading.series.read(turns === void 0 ? all() : withTurns(all(), turns), file)).samples;
  } catch (err) {
    if (err instanceof InputError || turns?.isAbort(err)) throw err;
    throw unreadable(file, err);
  } finally {
    chunks.return(void 0);
  }
}
async function readMetricFiles(files, reading = fileReading(), signal, yieldEveryMs = YIELD_EVERY_MS) {
  const { builder } = reading;
  const turns = signal === void 0 ? void 0 : new EventLoopTurns(signal, yieldEveryMs);
  for (const { absolute, file } of files) {
    await turns?.take();
    builder.sources++;
    const samples = await readMetricsFile(absolute, reading, file, turns);
    if (samples === 0) builder.addWarning(`${file}${NO_ISTIO_SERIES}${describeOtherContent(absolute)}`);
  }
  return builder;
}
async function readMetrics(paths, opts = {}) {
  const cwd = opts.cwd ?? process.cwd();
  if (paths.length === 0) throw new InputError("no metrics path given");
  const reading = fileReading();
  const { builder } = reading;
  const seen = /* @__PURE__ */ new Set();
  for (const given of paths) {
    if (given === "-") {
      builder.sources++;
      const samples = await readMetricsStream(opts.stdin ?? process.stdin, reading);
      if (samples === 0) builder.addWarning(`${STDIN_NAME}: no istio_requests_total or istio_tcp_* series`);
      continue;
    }
    await readMetricFiles(metricFilesOf([given], cwd, seen), reading);
  }
  return builder.build();
}

export {
  isPlainFileName,
  isRepositoryPath,
  isInsideDirectory,
  writeFileInside,
  leavesDirectory,
  displayName,
  findRepositoryRoot,
  repositoryRoot,
  repositoryLinkGuard,
  openInRepository,
  writeFileInRepository,
  NO_ISTIO_SERIES,
  metricFilesOf,
  PartQueue,
  OrderedMerge,
  readMetricFiles,
  readMetrics
};
