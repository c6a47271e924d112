// Streaming reader of Prometheus text exposition (a sidecar's /stats/prometheus, a federation
// dump). A sidecar exposes thousands of Envoy and histogram lines for each istio_requests_total
// line, so the reader works on bytes: it finds line ends with Buffer.indexOf (native memchr),
// skips unwanted lines by comparing a few leading bytes, and reads wanted lines from their
// bytes (FastLineParser), handing the rare line of another shape to parseExpositionLine.
// Memory stays at one chunk plus the partial last line; a partial line already known to be
// unwanted is dropped rather than carried. When the wanted families are counters, a value no
// counter has is refused at its line (counter-value.ts).
import { Buffer } from 'node:buffer';
import { InputError } from '../errors.ts';
import { requireCounterValue } from './counter-value.ts';
import { FastLineParser } from './exposition-fast-line.ts';
import { parseExpositionLine, type Sample } from './exposition-line.ts';

/** Where the scanner hands each wanted line. */
export interface SeriesSink {
  /** A line of the common shape: its labels are in `parsed` (ranges into `buf`) until the next line. */
  parsed(metric: number, parsed: FastLineParser, buf: Buffer, line: number): void;
  /** A line of another shape, parsed in full. */
  sample(metric: number, sample: Sample): void;
}

export interface ScanOptions {
  /** Named in errors: `source:line: message`. */
  source: string;
  /** Metric families to read, by index; every other line is skipped. */
  metrics: readonly string[];
  sink: SeriesSink;
  /** Shared between the files of one read, so it knows their label layout from the first line. */
  fast?: FastLineParser;
  /** The families are counters: a value no counter has is refused at its line (counter-value.ts). */
  counters?: boolean;
}

/** A wanted line longer than this is not a sidecar's exposition; refuse rather than buffer it. */
const MAX_WANTED_LINE = 4 * 1024 * 1024;

const NL = 10;
const CR = 13;
const HASH = 35;
const SPACE = 32;
const TAB = 9;
const BRACE = 123;
const BOM = [0xef, 0xbb, 0xbf];

type Verdict = number | 'skip' | 'undecided';

export class ExpositionScanner {
  private readonly names: string[];
  private readonly nameBytes: Buffer[];
  private readonly firstBytes = new Uint8Array(256);
  private readonly options: ScanOptions;
  private readonly fast: FastLineParser;
  /** Pieces of the current partial line, when it may be wanted. */
  private carry: Buffer[] = [];
  private carryLength = 0;
  /** The carried partial line is known to be wanted: no need to classify it again. */
  private carryWanted = false;
  /** The current partial line is known to be unwanted: its bytes are dropped. */
  private skipping = false;
  lines = 0;
  samples = 0;

  constructor(options: ScanOptions) {
    this.options = options;
    this.fast = options.fast ?? new FastLineParser();
    this.names = [...options.metrics];
    this.nameBytes = this.names.map((n) => Buffer.from(n, 'utf8'));
    for (const b of this.nameBytes) if (b.length > 0) this.firstBytes[b[0]!] = 1;
  }

  /**
   * Which wanted family the line in buf[start, end) belongs to, 'skip', or 'undecided' when the
   * bytes so far (a partial line) are too few to tell.
   */
  private classify(buf: Uint8Array, start: number, end: number, complete: boolean): Verdict {
    let s = start;
    while (s < end && (buf[s] === SPACE || buf[s] === TAB)) s++;
    if (s === end) return complete ? 'skip' : 'undecided';
    const c0 = buf[s]!;
    if (c0 === HASH || this.firstBytes[c0] === 0) return 'skip';
    let undecided = false;
    for (let w = 0; w < this.nameBytes.length; w++) {
      const name = this.nameBytes[w]!;
      const n = name.length;
      let i = 0;
      while (i < n && s + i < end && buf[s + i] === name[i]) i++;
      if (i < n) {
        if (s + i === end && !complete) undecided = true;
        continue;
      }
      if (s + n === end) {
        if (complete) return w; // a bare name: wanted, and malformed
        undecided = true;
        continue;
      }
      const after = buf[s + n];
      if (after === BRACE || after === SPACE || after === TAB || (after === CR && s + n + 1 === end))
        return w;
    }
    return undecided ? 'undecided' : 'skip';
  }

  /** One complete line (without its \n). */
  private line(buf: Buffer, start: number, end: number): void {
    this.lines++;
    if (this.lines === 1 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) {
      start += 3; // UTF-8 byte order mark
    }
    if (end > start && buf[end - 1] === CR) end--;
    const verdict = this.classify(buf, start, end, true);
    if (typeof verdict !== 'number') return;
    this.samples++;
    let s = start;
    while (buf[s] === SPACE || buf[s] === TAB) s++;
    if (this.fast.parse(buf, s + this.nameBytes[verdict]!.length, end)) {
      if (this.options.counters) {
        requireCounterValue(this.fast.value, this.names[verdict]!, {
          file: this.options.source,
          line: this.lines,
        });
      }
      this.options.sink.parsed(verdict, this.fast, buf, this.lines);
      return;
    }
    const text = buf.toString('utf8', start, end).trimStart();
    const sample = parseExpositionLine(text, this.names[verdict]!, this.options.source, this.lines);
    if (this.options.counters) {
      requireCounterValue(sample.value, sample.metric, { file: this.options.source, line: this.lines });
    }
    this.options.sink.sample(verdict, sample);
  }

  private keep(part: Buffer): void {
    // Copy: the caller may reuse its chunk buffer.
    this.carry.push(Buffer.from(part));
    this.carryLength += part.length;
    if (this.carryLength > MAX_WANTED_LINE) {
      throw new InputError(`line longer than ${MAX_WANTED_LINE} bytes`, {
        file: this.options.source,
        line: this.lines + 1,
      });
    }
    if (this.carryWanted) return;
    const joined = this.carry.length === 1 ? this.carry[0]! : Buffer.concat(this.carry);
    this.carry = [joined];
    // The first line may start with a byte order mark, itself cut by the chunk boundary.
    let from = 0;
    if (this.lines === 0) {
      while (from < 3 && from < joined.length && joined[from] === BOM[from]) from++;
      if (from === joined.length && from < 3) return;
      if (from < 3) from = 0;
    }
    const verdict = this.classify(joined, from, joined.length, false);
    if (verdict === 'skip') {
      this.dropCarry();
      this.skipping = true;
    } else if (typeof verdict === 'number') {
      this.carryWanted = true;
    }
  }

  private dropCarry(): void {
    this.carry = [];
    this.carryLength = 0;
    this.carryWanted = false;
  }

  chunk(buf: Buffer): void {
    // The caller may have refilled the previous chunk's memory.
    this.fast.forget();
    let pos = 0;
    if (this.skipping || this.carryLength > 0) {
      const nl = buf.indexOf(NL);
      if (nl === -1) {
        if (!this.skipping) this.keep(buf);
        return;
      }
      if (this.skipping) {
        this.skipping = false;
        this.lines++;
      } else {
        const whole = Buffer.concat([...this.carry, buf.subarray(0, nl)]);
        this.dropCarry();
        this.line(whole, 0, whole.length);
      }
      pos = nl + 1;
    }
    for (;;) {
      const nl = buf.indexOf(NL, pos);
      if (nl === -1) break;
      this.line(buf, pos, nl);
      pos = nl + 1;
    }
    if (pos < buf.length) this.keep(buf.subarray(pos));
  }

  end(): void {
    if (this.skipping) {
      this.lines++;
    } else if (this.carryLength > 0) {
      const whole = Buffer.concat(this.carry);
      this.dropCarry();
      this.line(whole, 0, whole.length);
    }
  }
}
