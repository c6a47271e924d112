// Reading Prometheus text exposition, two ways over one scanner (exposition-scanner.ts):
// readPrometheusText hands out Samples (the live sidecar source keeps them per pod), and a
// SeriesReader feeds an ObservedMapBuilder with interned label values, never making a string
// or an object per series (metric files, where a capture holds hundreds of thousands).
import { Buffer } from 'node:buffer';
import { ByteInterner } from './compact/byte-interner.ts';
import { CALL_LABEL_SLOTS, CALL_METRICS, SLOT_COUNT } from './compact/call-tables.ts';
import { StringTable } from './compact/string-table.ts';
import { FastLineParser } from './exposition-fast-line.ts';
import type { Sample } from './exposition-line.ts';
import { ExpositionScanner, type SeriesSink } from './exposition-scanner.ts';
import type { ObservedMapBuilder } from './observed-map.ts';

export type { Sample } from './exposition-line.ts';

export interface ReadTextOptions {
  /** Named in errors: `source:line: message`. */
  source: string;
  /** Metric families to parse, e.g. istio_requests_total; every other line is skipped. */
  metrics: ReadonlySet<string>;
  onSample(sample: Sample): void;
  /** The families are counters: a value no counter has is refused at its line. */
  counters?: boolean;
}

export interface ReadTextSummary {
  lines: number;
  samples: number;
}

type Chunks = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

function asBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

async function scan(input: Chunks, scanner: ExpositionScanner): Promise<ReadTextSummary> {
  for await (const chunk of input) scanner.chunk(asBuffer(chunk));
  scanner.end();
  return { lines: scanner.lines, samples: scanner.samples };
}

/** Labels of a line the fast reader took, as a record (values decoded once per distinct value). */
function labelsOf(parsed: FastLineParser, buf: Buffer, values: ByteInterner): Record<string, string> {
  const labels: Record<string, string> = {};
  for (let i = 0; i < parsed.count; i++) {
    const name = parsed.labelNames.names[parsed.nameIds[i]!]!;
    const value = values.strings.value(values.intern(buf, parsed.starts[i]!, parsed.ends[i]!));
    // defineProperty keeps a label named __proto__ an ordinary key.
    if (name === '__proto__')
      Object.defineProperty(labels, name, { value, enumerable: true, writable: true });
    else labels[name] = value;
  }
  return labels;
}

/**
 * Reads Prometheus text exposition chunk by chunk and calls onSample for every series of a
 * wanted family. Throws InputError(`source:line: ...`) on a malformed wanted line.
 */
export function readPrometheusText(input: Chunks, options: ReadTextOptions): Promise<ReadTextSummary> {
  const metrics = [...options.metrics];
  const values = new ByteInterner(new StringTable());
  const sink: SeriesSink = {
    parsed(metric, parsed, buf, line) {
      const sample: Sample = {
        metric: metrics[metric]!,
        labels: labelsOf(parsed, buf, values),
        value: parsed.value,
        line,
      };
      if (parsed.timestamp !== undefined) sample.timestamp = parsed.timestamp;
      options.onSample(sample);
    },
    sample: (_metric, sample) => options.onSample(sample),
  };
  const counters = options.counters === true;
  return scan(input, new ExpositionScanner({ source: options.source, metrics, sink, counters }));
}

/**
 * Reads the istio_requests_total and istio_tcp_connections_opened_total series of expositions
 * into a builder. One reader serves all the files of a read: label names, their layout and the
 * interned values carry over from file to file.
 */
export class SeriesReader {
  private readonly builder: ObservedMapBuilder;
  private readonly values: ByteInterner;
  private readonly fast = new FastLineParser();
  private readonly ids = new Int32Array(SLOT_COUNT);
  /** Per slot, the interner's entry of the previous line's value: most values repeat line to line. */
  private readonly previous = new Int32Array(SLOT_COUNT).fill(-1);
  /** Per label of the last line, the id it gave its slot (-1: none); `serial`: that line's. */
  private labelIds = new Int32Array(64);
  private serial = -1;
  /**
   * Label name id (the line parser's) -> slot in CALL_LABEL_SLOTS, or -1, for the first
   * `slotsKnown` names; grows as names appear, by doubling, each new name looked up once (a
   * capture with a new label name on every line was quadratic when the table was rebuilt).
   */
  private slotOf = new Int8Array(64);
  private slotsKnown = 0;
  /** Label names looked up in CALL_LABEL_SLOTS so far (tests check it grows with the names, not their square). */
  namesLookedUp = 0;
  private readonly sink: SeriesSink;

  constructor(builder: ObservedMapBuilder) {
    this.builder = builder;
    this.values = new ByteInterner(builder.strings);
    this.sink = {
      parsed: (metric, parsed, buf) => this.parsed(metric, parsed, buf),
      sample: (_metric, sample) => {
        builder.add(sample);
      },
    };
  }

  private parsed(metric: number, parsed: FastLineParser, buf: Buffer): void {
    const names = parsed.labelNames.names;
    if (this.slotsKnown < names.length) this.learnNames(names);
    const { ids, slotOf, values, previous } = this;
    ids.fill(-1);
    const nameIds = parsed.nameIds;
    // Labels the line shares with the one before (this reader's last) keep that line's ids.
    const reused = parsed.serial === this.serial + 1 ? parsed.reused : 0;
    this.serial = parsed.serial;
    if (this.labelIds.length < parsed.count) {
      const grown = new Int32Array(parsed.nameIds.length);
      grown.set(this.labelIds);
      this.labelIds = grown;
    }
    const labelIds = this.labelIds;
    for (let i = 0; i < reused; i++) {
      const slot = slotOf[nameIds[i]!]!;
      if (slot !== -1) ids[slot] = labelIds[i]!;
    }
    for (let i = reused; i < parsed.count; i++) {
      const slot = slotOf[nameIds[i]!]!;
      labelIds[i] = -1;
      if (slot === -1) continue;
      const start = parsed.starts[i]!;
      const end = parsed.ends[i]!;
      const entry = previous[slot]!;
      if (entry !== -1 && values.holds(entry, buf, start, end)) ids[slot] = values.idOf(entry);
      else {
        ids[slot] = values.intern(buf, start, end);
        previous[slot] = values.lastEntry;
      }
      labelIds[i] = ids[slot]!;
    }
    this.builder.addInterned(metric, ids, parsed.value);
  }

  private learnNames(names: readonly string[]): void {
    if (this.slotOf.length < names.length) {
      const grown = new Int8Array(Math.max(names.length, this.slotOf.length * 2));
      grown.set(this.slotOf.subarray(0, this.slotsKnown));
      this.slotOf = grown;
    }
    for (let i = this.slotsKnown; i < names.length; i++) {
      this.slotOf[i] = CALL_LABEL_SLOTS.indexOf(names[i]!);
      this.namesLookedUp++;
    }
    this.slotsKnown = names.length;
  }

  /** Reads one exposition. Throws InputError(`source:line: ...`) on a malformed wanted line. */
  read(input: Chunks, source: string): Promise<ReadTextSummary> {
    return scan(
      input,
      new ExpositionScanner({
        source,
        metrics: CALL_METRICS,
        sink: this.sink,
        fast: this.fast,
        counters: true,
      }),
    );
  }
}
