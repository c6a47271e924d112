// `--metrics -`: sidecar metrics from stdin (`kubectl get --raw ... | intent-drift list --metrics -`),
// told apart by content like a file: the first non-blank byte `{` or `[` means Envoy JSON stats
// (held whole, up to the same limit as a file), anything else is Prometheus text, streamed.
import { Buffer } from 'node:buffer';
import { InputError } from '../errors.ts';
import { readEnvoyStatsJson } from './envoy-json.ts';
import type { Sample } from './exposition-line.ts';
import { OBSERVED_METRICS } from './istio-labels.ts';
import type { ObservedMapBuilder } from './observed-map.ts';
import type { SeriesReader } from './prometheus-text.ts';

/** How stdin is named in messages and reports. */
export const STDIN_NAME = 'stdin';

const MAX_JSON_BYTES = 64 * 1024 * 1024;
const BOM = [0xef, 0xbb, 0xbf];

function firstContentByte(buf: Buffer, from: number): number | undefined {
  for (let i = from; i < buf.length; i++) {
    const c = buf[i]!;
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return c;
  }
  return undefined;
}

/** Reads one stream into the reading's builder; returns the number of wanted samples. */
export async function readMetricsStream(
  input: AsyncIterable<Uint8Array | string>,
  reading: { builder: ObservedMapBuilder; series: SeriesReader },
  source: string = STDIN_NAME,
): Promise<number> {
  const iterator = input[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  // The stream's first bytes, up to three: a byte order mark may come in more than one chunk.
  const lead: number[] = [];
  let read = 0;
  let pending = false; // the chunks so far hold only the start of a mark
  let first: number | undefined;
  while (first === undefined) {
    const next = await iterator.next();
    const buf = next.done ? undefined : Buffer.from(next.value);
    if (buf !== undefined) {
      head.push(buf);
      for (let i = 0; i < buf.length && lead.length < 3; i++) lead.push(buf[i]!);
    }
    const mark = lead.length > 0 && lead.every((b, i) => b === BOM[i]);
    if (mark && lead.length < 3) {
      // Only the start of a mark so far: the next chunk decides. A stream that ends here
      // holds those bytes as its content.
      if (buf === undefined) first = lead[0];
      pending = true;
    } else if (buf === undefined) {
      throw new InputError('empty: no metrics on stdin', { file: source });
    } else if (pending && !mark) {
      first = lead[0]; // the start of a mark that was not one: 0xEF, content
    } else {
      first = firstContentByte(buf, mark ? Math.max(0, 3 - read) : 0);
    }
    if (buf !== undefined) read += buf.length;
  }
  async function* all(): AsyncGenerator<Buffer> {
    yield* head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next())
      yield Buffer.from(next.value);
  }
  const onSample = (s: Sample) => {
    reading.builder.add(s);
  };
  const options = { source, metrics: OBSERVED_METRICS, onSample };
  if (first === 0x7b || first === 0x5b) {
    const parts: Buffer[] = [];
    let size = 0;
    for await (const buf of all()) {
      size += buf.length;
      if (size > MAX_JSON_BYTES) {
        throw new InputError(
          `Envoy JSON stats over ${MAX_JSON_BYTES / 1024 / 1024} MiB; pipe the text format`,
          {
            file: source,
          },
        );
      }
      parts.push(buf);
    }
    const text = Buffer.concat(parts)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    return readEnvoyStatsJson(text, options).samples;
  }
  return (await reading.series.read(all(), source)).samples;
}
