// `--metrics PATH...`: files or directories (recursive) of Prometheus text exposition or Envoy
// JSON stats, told apart by content: the first non-blank byte `{` (or `[`) means JSON. Text is
// streamed chunk by chunk; JSON is parsed whole (Envoy's JSON output filtered to istio_* is small).
import { Buffer } from 'node:buffer';
import { InputError } from '../errors.ts';
import type { ObservedMap } from '../model.ts';
import { describeOtherContent, NO_ISTIO_SERIES } from './content-sniff.ts';
import { readEnvoyStatsJson } from './envoy-json.ts';
import { EventLoopTurns, withTurns, YIELD_EVERY_MS } from './event-loop-turns.ts';
import type { Sample } from './exposition-line.ts';
import { DEFAULT_CHUNK_BYTES, readFileChunks } from './file-chunks.ts';
import { OBSERVED_METRICS } from './istio-labels.ts';
import { type MetricFile, metricFilesOf, unreadable } from './metric-files.ts';
import { ObservedMapBuilder } from './observed-map.ts';
import { SeriesReader } from './prometheus-text.ts';
import { readMetricsStream, STDIN_NAME } from './read-metrics-stream.ts';

function isBlankByte(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Envoy's JSON stats are parsed whole (JSON.parse has no stream); a sidecar's are a few MB.
 * Larger files are refused rather than held in memory several times over.
 */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;

/** What the files of one read share: the builder, the chunk buffer and the series reader. */
export interface FileReading {
  builder: ObservedMapBuilder;
  buffer: Buffer;
  series: SeriesReader;
}

export function fileReading(builder: ObservedMapBuilder = new ObservedMapBuilder()): FileReading {
  return { builder, buffer: Buffer.allocUnsafe(DEFAULT_CHUNK_BYTES), series: new SeriesReader(builder) };
}

/**
 * Reads one file into the reading's builder; returns the number of wanted samples. The
 * reading's buffer holds one chunk at a time.
 */
export async function readMetricsFile(
  absolute: string,
  reading: FileReading,
  file: string = absolute,
  turns?: EventLoopTurns,
): Promise<number> {
  const { builder, buffer } = reading;
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
  const options = {
    source: file,
    metrics: OBSERVED_METRICS,
    onSample: (s: Sample) => {
      builder.add(s);
    },
  };
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
    return (await reading.series.read(turns === undefined ? all() : withTurns(all(), turns), file)).samples;
  } catch (err) {
    if (err instanceof InputError || turns?.isAbort(err)) throw err;
    throw unreadable(file, err);
  } finally {
    chunks.return(undefined);
  }
}

/**
 * Reads the files into the reading's builder, in order: one source each, and for a file without
 * calls a warning that says what it holds instead. With a signal, the event loop gets a turn
 * every YIELD_EVERY_MS (between files and between a text file's chunks), so that the work that
 * may abort the read can run, and an abort stops it at its next turn, rejecting with the
 * signal's reason.
 */
export async function readMetricFiles(
  files: readonly MetricFile[],
  reading: FileReading = fileReading(),
  signal?: AbortSignal,
  yieldEveryMs: number = YIELD_EVERY_MS,
): Promise<ObservedMapBuilder> {
  const { builder } = reading;
  const turns = signal === undefined ? undefined : new EventLoopTurns(signal, yieldEveryMs);
  for (const { absolute, file } of files) {
    await turns?.take();
    builder.sources++;
    const samples = await readMetricsFile(absolute, reading, file, turns);
    if (samples === 0) builder.addWarning(`${file}${NO_ISTIO_SERIES}${describeOtherContent(absolute)}`);
  }
  return builder;
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
  const reading = fileReading();
  const { builder } = reading;
  // One capture reached twice (a link, a path given twice) is read once.
  const seen = new Set<string>();
  for (const given of paths) {
    if (given === '-') {
      builder.sources++;
      const samples = await readMetricsStream(opts.stdin ?? process.stdin, reading);
      if (samples === 0) builder.addWarning(`${STDIN_NAME}: no istio_requests_total or istio_tcp_* series`);
      continue;
    }
    await readMetricFiles(metricFilesOf([given], cwd, seen), reading);
  }
  return builder.build();
}
