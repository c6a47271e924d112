// The common shape of a wanted exposition line, read from its bytes without decoding it:
// `name{label="value",...} value [timestamp]` with no blanks inside the braces and no escapes.
// Label names are matched against the previous line's layout (sidecars write every series of
// a family with the same labels in the same order), values are left as byte ranges for the
// caller to intern. The leading labels a line shares byte for byte with the line before (in
// the same chunk) are compared in one go and taken over, not read again: series of a family
// part only in their last labels (method, path, response code). Anything else (blanks,
// escapes, a duplicate label, a malformed line) answers false, and the caller parses the line
// with parseExpositionLine, which accepts the same grammar and words every error: this reader
// only ever takes lines that one accepts, with the same result
// (test/observe/exposition-differential.test.ts).
import type { Buffer } from 'node:buffer';
import { parseSampleValue } from './exposition-line.ts';

const TAB = 9;
const SPACE = 32;
const QUOTE = 34;
const COMMA = 44;
const EQUALS = 61;
const BACKSLASH = 92;
const OPEN = 123;
const CLOSE = 125;

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

function isBlank(c: number | undefined): boolean {
  return c === SPACE || c === TAB;
}

/**
 * At most this many label names are kept (Istio's series carry about thirty): a capture with a
 * new name on every line (anyone whose app's metrics a sidecar merges can write one) would
 * otherwise grow the process's table without bound, about 900 MiB for a million names. Lines
 * with names past it go to the full parser, which keeps nothing of them.
 */
export const MAX_LABEL_NAMES = 4096;

/** Label names as small ids, with their bytes for matching. */
export class LabelNames {
  readonly names: string[] = [];
  readonly bytes: Uint8Array[] = [];
  /** Each name's bytes as big-endian 32-bit words (the tail, under 4 bytes, compared bytewise). */
  readonly words: Int32Array[] = [];
  private readonly ids = new Map<string, number>();

  /** The id of the name, adding it while fewer than MAX_LABEL_NAMES are known; -1 past that. */
  idOf(buf: Buffer, start: number, end: number): number {
    const name = buf.toString('latin1', start, end);
    let id = this.ids.get(name);
    if (id === undefined) {
      if (this.names.length >= MAX_LABEL_NAMES) return -1;
      id = this.names.length;
      this.names.push(name);
      const bytes = Uint8Array.from(buf.subarray(start, end));
      this.bytes.push(bytes);
      const view = new DataView(bytes.buffer);
      this.words.push(Int32Array.from({ length: bytes.length >> 2 }, (_, i) => view.getInt32(i * 4)));
      this.ids.set(name, id);
    }
    return id;
  }
}

/**
 * One table of label names for the process: every reader meets the same few dozen, and the
 * live source starts a reader per pod. It only grows, with the distinct names read.
 */
const SHARED_NAMES = new LabelNames();

export class FastLineParser {
  readonly labelNames = SHARED_NAMES;
  /** The labels of the last line read: name id and value byte range, `count` of them. */
  nameIds = new Int32Array(64);
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  count = 0;
  value = 0;
  timestamp: number | undefined;
  /**
   * How many leading labels this line shares, byte for byte, with the previous line parsed
   * (their values too): a reader may keep what it made of them.
   */
  reused = 0;
  /** How many labels the last comparison found shared (where the next one looks first). */
  private lastShared = 0;
  /** Counts the lines parsed: `reused` is about the line before this one's. */
  serial = 0;
  /** Per label of the last line, where the next label (or the value) starts, from the `{`. */
  private nexts = new Int32Array(64);
  /** The buffer of the last line parsed when it parsed, else undefined (see reuse). */
  private previousIn: Buffer | undefined;
  private previousFrom = 0;
  private previousEnd = 0;
  /** Name ids of the previous line, position by position. */
  private layout = new Int32Array(64).fill(-1);
  /** Per name id, the stamp of the last line it appeared on (duplicates). */
  private seen = new Int32Array(64);
  private stamp = 0;

  /**
   * Reads buf[from, end), the part of a line after the metric name. True when the line has the
   * common shape and is valid; false sends the caller to the full parser.
   */
  private view: DataView = new DataView(new ArrayBuffer(0));
  private viewOf: ArrayBufferLike | undefined;
  private viewAt = 0;

  parse(buf: Buffer, from: number, end: number): boolean {
    const same = this.previousIn === buf;
    this.previousIn = undefined;
    this.reused = 0;
    if (buf[from] !== OPEN) return false;
    if (this.viewOf !== buf.buffer || this.viewAt !== buf.byteOffset) {
      // No length: over a resizable ArrayBuffer the view grows with it.
      this.view = new DataView(buf.buffer, buf.byteOffset);
      this.viewOf = buf.buffer;
      this.viewAt = buf.byteOffset;
    }
    let p = from + 1;
    let n = 0;
    this.stamp++;
    if (same) n = this.reuse(buf, from, end);
    this.reused = n;
    if (n > 0) p = from + this.nexts[n - 1]!;
    if (n > 0 && buf[p - 1] === CLOSE) {
      // Every label as on the line before, the closing brace too.
    } else if (buf[p] === CLOSE)
      p++; // `{}`, or a `,` and then `}` after the shared labels
    else {
      for (;;) {
        const id = this.labelName(buf, p, end, n);
        if (id === -1 || this.seen[id] === this.stamp) return false;
        this.seen[id] = this.stamp;
        p += this.labelNames.bytes[id]!.length + 1;
        if (buf[p] !== QUOTE) return false;
        const start = ++p;
        for (;;) {
          if (p >= end) return false;
          const c = buf[p]!;
          if (c === QUOTE) break;
          if (c === BACKSLASH) return false;
          p++;
        }
        if (n === this.nameIds.length) this.grow();
        this.nameIds[n] = id;
        this.starts[n] = start;
        this.ends[n] = p;
        n++;
        p++;
        const c = buf[p];
        if (c === CLOSE) {
          p++;
          this.nexts[n - 1] = p - from;
          break;
        }
        if (c !== COMMA) return false;
        p++;
        this.nexts[n - 1] = p - from;
        if (buf[p] === CLOSE) {
          p++;
          break;
        }
      }
    }
    this.count = n;
    if (!this.valueAndTimestamp(buf, p, end)) return false;
    this.previousIn = buf;
    this.previousFrom = from;
    this.previousEnd = end;
    this.serial++;
    return true;
  }

  /** The bytes of the last line may change (a new chunk in the same memory): compare no more. */
  forget(): void {
    this.previousIn = undefined;
  }

  /**
   * How many leading labels of the line at `from` are byte for byte the previous line's (same
   * buffer, a sidecar writes the series of a family one after another): each with the `,` or `}`
   * after its value. Their name ids stay, their ranges move to this line, and they count as seen;
   * the caller parses on from after the last of them. The parse gives what it would give
   * without (test/observe/exposition-differential.test.ts).
   */
  private reuse(buf: Buffer, from: number, end: number): number {
    const before = this.previousFrom;
    const count = this.count;
    if (count === 0) return 0;
    // Compare no further than the last reusable label's end, within both lines.
    const limit = Math.min(this.nexts[count - 1]!, end - from, this.previousEnd - before);
    const view = this.view;
    let i = 0;
    // As many labels as the last line shared are likely shared again: one native comparison
    // (memcmp) of those bytes, then word by word on from there.
    const likely = this.lastShared > 0 && this.lastShared <= count ? this.nexts[this.lastShared - 1]! : 0;
    if (likely > 0 && likely <= limit && buf.compare(buf, before, before + likely, from, from + likely) === 0)
      i = likely;
    while (i + 4 <= limit && view.getInt32(from + i) === view.getInt32(before + i)) i += 4;
    while (i < limit && buf[from + i] === buf[before + i]) i++;
    let n = 0;
    while (n < count && this.nexts[n]! <= i) n++;
    const shift = from - before;
    for (let k = 0; k < n; k++) {
      this.seen[this.nameIds[k]!] = this.stamp;
      this.starts[k]! += shift;
      this.ends[k]! += shift;
    }
    this.lastShared = n;
    return n;
  }

  /** The id of the label name at p (followed by `=`), trying the previous line's name first. */
  private labelName(buf: Buffer, p: number, end: number, n: number): number {
    if (n < this.layout.length) {
      const guess = this.layout[n]!;
      if (guess !== -1) {
        const name = this.labelNames.bytes[guess]!;
        const length = name.length;
        if (p + length < end && buf[p + length] === EQUALS) {
          const words = this.labelNames.words[guess]!;
          const view = this.view;
          let w = 0;
          while (w < words.length && view.getInt32(p + 4 * w) === words[w]) w++;
          if (w === words.length) {
            let i = 4 * w;
            while (i < length && buf[p + i] === name[i]) i++;
            if (i === length) return guess;
          }
        }
      }
    }
    if (p >= end || !isNameStart(buf[p]!)) return -1;
    let q = p + 1;
    while (q < end && isNameChar(buf[q]!)) q++;
    if (buf[q] !== EQUALS) return -1;
    const id = this.labelNames.idOf(buf, p, q);
    if (id === -1) return -1;
    if (id >= this.seen.length) {
      // Ids come from the process's table of names: a new parser may meet one far past its own.
      const seen = new Int32Array(Math.max(id + 1, this.seen.length * 2));
      seen.set(this.seen);
      this.seen = seen;
    }
    if (n < this.layout.length) this.layout[n] = id;
    return id;
  }

  private valueAndTimestamp(buf: Buffer, from: number, end: number): boolean {
    let p = from;
    while (p < end && isBlank(buf[p])) p++;
    if (p >= end) return false;
    const start = p;
    let integer = 0;
    let digitsOnly = true;
    while (p < end && !isBlank(buf[p])) {
      const d = buf[p]! - 48;
      if (d < 0 || d > 9) digitsOnly = false;
      else integer = integer * 10 + d;
      p++;
    }
    // Up to 15 digits a double holds exactly; longer tokens and the rest go through the parser's rule.
    let value: number | undefined = integer;
    if (!digitsOnly || p - start > 15) value = parseSampleValue(buf.toString('utf8', start, p));
    if (value === undefined) return false;
    this.value = value;
    while (p < end && isBlank(buf[p])) p++;
    this.timestamp = undefined;
    if (p === end) return true;
    // A timestamp: -?digits, then nothing but blanks (the parser's /^-?\d+$/).
    const tsStart = p;
    if (buf[p] === 45) p++;
    const digitsFrom = p;
    while (p < end && buf[p]! >= 48 && buf[p]! <= 57) p++;
    if (p === digitsFrom) return false;
    const tsEnd = p;
    while (p < end && isBlank(buf[p])) p++;
    if (p !== end) return false;
    this.timestamp = Number(buf.toString('latin1', tsStart, tsEnd));
    return true;
  }

  private grow(): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.nameIds = grow(this.nameIds);
    this.starts = grow(this.starts);
    this.ends = grow(this.ends);
    this.nexts = grow(this.nexts);
  }
}
