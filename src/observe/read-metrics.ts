// `--metrics PATH...`: files or directories (recursive) of Prometheus text exposition or Envoy
// JSON stats, told apart by content: the first non-blank byte `{` (or `[`) means JSON. Text is
// streamed chunk by chunk; JSON is parsed whole (Envoy's JSON output filtered to istio_* is small).
import { Buffer } from 'node:buffer';
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { displayName } from '../display-path.ts';
import { InputError } from '../errors.ts';
import type { ObservedMap } from '../model.ts';
import { describeOtherContent, NO_ISTIO_SERIES } from './content-sniff.ts';
import { readEnvoyStatsJson } from './envoy-json.ts';
import type { Sample } from './exposition-line.ts';
import { DEFAULT_CHUNK_BYTES, readFileChunks } from './file-chunks.ts';
import { OBSERVED_METRICS } from './istio-labels.ts';
import { ObservedMapBuilder } from './observed-map.ts';
import { readPrometheusText } from './prometheus-text.ts';
import { readMetricsStream, STDIN_NAME } from './read-metrics-stream.ts';

function unreadable(file: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError('no such file or directory', { file });
  if (code === 'EACCES' || code === 'EPERM') return new InputError('permission denied', { file });
  if (code === 'EISDIR') return new InputError('is a directory', { file });
  return new InputError(`cannot read: ${(err as Error).message}`, { file });
}

/** Every regular file under `root` (or `root` itself), sorted for a stable order. */
export async function listMetricFiles(root: string): Promise<string[]> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(root);
  } catch (err) {
    throw unreadable(root, err);
  }
  if (info.isFile()) return [root];
  if (!info.isDirectory()) throw new InputError('not a regular file or directory', { file: root });
  let entries: Dirent[];
  try {
    entries = (await readdir(root, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch (err) {
    throw unreadable(root, err);
  }
  const files: string[] = [];
  for (const entry of entries) {
    const child = path.join(root, entry.name);
    // Only a symbolic link needs a stat to learn what it points to.
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat(child).catch((err: unknown) => {
        throw unreadable(child, err);
      });
      isDir = target.isDirectory();
      isFile = target.isFile();
    }
    if (isDir) for (const found of await listMetricFiles(child)) files.push(found);
    else if (isFile) files.push(child);
  }
  return files;
}

function isBlankByte(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Envoy's JSON stats are parsed whole (JSON.parse has no stream); a sidecar's are a few MB.
 * Larger files are refused rather than held in memory several times over.
 */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;

/**
 * Reads one file into `onSample`; returns the number of wanted samples. `buffer` (reused between
 * files) holds one chunk at a time.
 */
export async function readMetricsFile(
  absolute: string,
  onSample: (s: Sample) => void,
  buffer: Buffer = Buffer.allocUnsafe(DEFAULT_CHUNK_BYTES),
  file: string = absolute,
): Promise<number> {
  let chunks: Generator<Buffer>;
  let first: number | undefined;
  // Leading chunks that hold only blanks (rare) are copied: the reader refills its buffer.
  const blankHead: Buffer[] = [];
  let current: IteratorResult<Buffer>;
  try {
    chunks = readFileChunks(absolute, buffer);
    for (current = chunks.next(); !current.done; current = chunks.next()) {
      const buf = current.value;
      const from = blankHead.length === 0 && buf.subarray(0, 3).equals(BOM) ? 3 : 0;
      for (let i = from; i < buf.length && first === undefined; i++)
        if (!isBlankByte(buf[i]!)) first = buf[i];
      if (first !== undefined) break;
      blankHead.push(Buffer.from(buf));
    }
  } catch (err) {
    throw unreadable(file, err);
  }
  if (first === undefined) throw new InputError('empty: no metrics in this file', { file });
  const options = { source: file, metrics: OBSERVED_METRICS, onSample };
  const firstChunk = current.value;
  function* all(): Generator<Buffer> {
    yield* blankHead;
    yield firstChunk;
    for (current = chunks.next(); !current.done; current = chunks.next()) yield current.value;
  }
  try {
    if (first === 0x7b || first === 0x5b) {
      const parts: Buffer[] = [];
      let size = 0;
      for (const buf of all()) {
        size += buf.length;
        if (size > MAX_JSON_BYTES) {
          throw new InputError(
            `Envoy JSON stats over ${MAX_JSON_BYTES / 1024 / 1024} MiB; use the text format (the admin port's /stats/prometheus), which is read as a stream`,
            { file },
          );
        }
        parts.push(Buffer.from(buf));
      }
      const text = Buffer.concat(parts)
        .toString('utf8')
        .replace(/^\uFEFF/, '');
      return readEnvoyStatsJson(text, options).samples;
    }
    return (await readPrometheusText(all(), options)).samples;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw unreadable(file, err);
  } finally {
    chunks.return(undefined);
  }
}

export interface ReadMetricsOptions {
  cwd?: string;
  /** What `-` reads (default: the process's stdin). */
  stdin?: AsyncIterable<Uint8Array | string>;
}

/**
 * Reads every path (file or directory; relative ones against `cwd`; `-` for stdin) and builds
 * the observed map. Throws InputError on bad input.
 */
export async function readMetrics(paths: string[], opts: ReadMetricsOptions = {}): Promise<ObservedMap> {
  const cwd = opts.cwd ?? process.cwd();
  if (paths.length === 0) throw new InputError('no metrics path given');
  const builder = new ObservedMapBuilder();
  const onSample = (s: Sample) => {
    builder.add(s);
  };
  const buffer = Buffer.allocUnsafe(DEFAULT_CHUNK_BYTES);
  for (const given of paths) {
    if (given === '-') {
      builder.sources++;
      const samples = await readMetricsStream(opts.stdin ?? process.stdin, onSample);
      if (samples === 0) builder.addWarning(`${STDIN_NAME}: no istio_requests_total or istio_tcp_* series`);
      continue;
    }
    const root = path.resolve(cwd, given);
    const files = await listMetricFiles(root).catch((err: unknown) => {
      throw err instanceof InputError && err.file === root
        ? new InputError(err.message, { file: given })
        : err;
    });
    if (files.length === 0) throw new InputError('no files in this directory', { file: given });
    for (const absolute of files) {
      const file = displayName(absolute, cwd);
      builder.sources++;
      const samples = await readMetricsFile(absolute, onSample, buffer, file);
      if (samples === 0) {
        builder.addWarning(`${file}${NO_ISTIO_SERIES}${describeOtherContent(absolute)}`);
      }
    }
  }
  return builder.build();
}
