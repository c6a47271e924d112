import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  ByteInterner,
  CALL_LABEL_SLOTS,
  CALL_METRICS,
  SLOT_COUNT,
  StringTable
} from "./chunk-A4XXKKLU.js";
import {
  InputError
} from "./chunk-3OLJVOZR.js";

// src/observe/counter-value.ts
function requireCounterValue(value, what, where) {
  if (Number.isNaN(value) || value === Number.POSITIVE_INFINITY) return;
  if (value >= 0 && Number.isSafeInteger(value)) return;
  const why = value < 0 ? "counters never go below 0" : Number.isInteger(value) ? "a count past 2^53 is not exact" : "counters are whole numbers";
  throw new InputError(
    `${what} has the value ${value}, which no sidecar writes (${why}): the series was written by something else, such as an app that appends its own metrics to the sidecar's :15020 endpoint`,
    where
  );
}

// src/observe/prometheus-text.ts
import { Buffer as Buffer2 } from "node:buffer";

// src/observe/exposition-line.ts
var NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
var INTEGER = /^-?\d+$/;
function isBlank(c) {
  return c === 32 || c === 9;
}
function isLabelNameStart(c) {
  return c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === 95;
}
function isLabelNameChar(c) {
  return isLabelNameStart(c) || c >= 48 && c <= 57;
}
function shown(token) {
  return JSON.stringify(token.length > 40 ? `${token.slice(0, 40)}...` : token);
}
function parseSampleValue(token) {
  if (NUMBER.test(token)) return Number(token);
  switch (token.toLowerCase()) {
    case "nan":
      return Number.NaN;
    case "inf":
    case "+inf":
    case "infinity":
    case "+infinity":
      return Number.POSITIVE_INFINITY;
    case "-inf":
    case "-infinity":
      return Number.NEGATIVE_INFINITY;
    default:
      return void 0;
  }
}
var LineParser = class {
  text;
  pos;
  file;
  line;
  constructor(text, start, file, line) {
    this.text = text;
    this.pos = start;
    this.file = file;
    this.line = line;
  }
  fail(message) {
    throw new InputError(message, { file: this.file, line: this.line });
  }
  skipBlanks() {
    while (this.pos < this.text.length && isBlank(this.text.charCodeAt(this.pos))) this.pos++;
  }
  token() {
    const start = this.pos;
    while (this.pos < this.text.length && !isBlank(this.text.charCodeAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }
  labelName() {
    const start = this.pos;
    if (!isLabelNameStart(this.text.charCodeAt(start))) {
      this.fail(
        `expected a label name at column ${start + 1}, found ${shown(this.text.slice(start, start + 10))}`
      );
    }
    this.pos++;
    while (this.pos < this.text.length && isLabelNameChar(this.text.charCodeAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }
  labelValue(name) {
    let out = "";
    let runStart = this.pos;
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 34) {
        out += this.text.slice(runStart, this.pos);
        this.pos++;
        return out;
      }
      if (c === 92) {
        out += this.text.slice(runStart, this.pos);
        const next = this.text[this.pos + 1];
        if (next === "\\" || next === '"') out += next;
        else if (next === "n") out += "\n";
        else this.fail(`bad escape ${shown(`\\${next ?? ""}`)} in the value of label "${name}"`);
        this.pos += 2;
        runStart = this.pos;
        continue;
      }
      this.pos++;
    }
    return this.fail(`unterminated value of label "${name}" (missing closing quote)`);
  }
  labels(into) {
    for (; ; ) {
      this.skipBlanks();
      if (this.text.charCodeAt(this.pos) === 125) {
        this.pos++;
        return;
      }
      if (this.pos >= this.text.length) this.fail('unterminated label set (missing "}")');
      const name = this.labelName();
      this.skipBlanks();
      if (this.text.charCodeAt(this.pos) !== 61) this.fail(`expected "=" after label name "${name}"`);
      this.pos++;
      this.skipBlanks();
      if (this.text.charCodeAt(this.pos) !== 34) this.fail(`expected a quoted value for label "${name}"`);
      this.pos++;
      const value = this.labelValue(name);
      if (Object.hasOwn(into, name)) this.fail(`duplicate label "${name}"`);
      if (name === "__proto__")
        Object.defineProperty(into, name, { value, enumerable: true, writable: true });
      else into[name] = value;
      this.skipBlanks();
      const c = this.text.charCodeAt(this.pos);
      if (c === 44) this.pos++;
      else if (c !== 125) this.fail(`expected "," or "}" after the value of label "${name}"`);
    }
  }
};
function parseExpositionLine(text, metric, file, line) {
  const p = new LineParser(text, metric.length, file, line);
  const labels = {};
  p.skipBlanks();
  if (text.charCodeAt(p.pos) === 123) {
    p.pos++;
    p.labels(labels);
    p.skipBlanks();
  } else if (p.pos === metric.length && p.pos < text.length) {
    p.fail(`expected "{" or a blank after the metric name ${metric}`);
  }
  if (p.pos >= text.length) {
    p.fail(`missing value after ${metric} (each series must be on one line)`);
  }
  const valueToken = p.token();
  const value = parseSampleValue(valueToken);
  if (value === void 0) return p.fail(`non-numeric value ${shown(valueToken)} for ${metric}`);
  const sample = { metric, labels, value, line };
  p.skipBlanks();
  if (p.pos < text.length) {
    const ts = p.token();
    if (!INTEGER.test(ts)) p.fail(`bad timestamp ${shown(ts)} (expected integer milliseconds)`);
    sample.timestamp = Number(ts);
    p.skipBlanks();
    if (p.pos < text.length) p.fail(`unexpected text after the timestamp: ${shown(text.slice(p.pos))}`);
  }
  return sample;
}

// src/observe/exposition-fast-line.ts
var TAB = 9;
var SPACE = 32;
var QUOTE = 34;
var COMMA = 44;
var EQUALS = 61;
var BACKSLASH = 92;
var OPEN = 123;
var CLOSE = 125;
function isNameStart(c) {
  return c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === 95;
}
function isNameChar(c) {
  return isNameStart(c) || c >= 48 && c <= 57;
}
function isBlank2(c) {
  return c === SPACE || c === TAB;
}
var MAX_LABEL_NAMES = 4096;
var LabelNames = class {
  names = [];
  bytes = [];
  /** Each name's bytes as big-endian 32-bit words (the tail, under 4 bytes, compared bytewise). */
  words = [];
  ids = /* @__PURE__ */ new Map();
  /** The id of the name, adding it while fewer than MAX_LABEL_NAMES are known; -1 past that. */
  idOf(buf, start, end) {
    const name = buf.toString("latin1", start, end);
    let id = this.ids.get(name);
    if (id === void 0) {
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
};
var SHARED_NAMES = new LabelNames();
var FastLineParser = class {
  labelNames = SHARED_NAMES;
  /** The labels of the last line read: name id and value byte range, `count` of them. */
  nameIds = new Int32Array(64);
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  count = 0;
  value = 0;
  timestamp;
  /**
   * How many leading labels this line shares, byte for byte, with the previous line parsed
   * (their values too): a reader may keep what it made of them.
   */
  reused = 0;
  /** How many labels the last comparison found shared (where the next one looks first). */
  lastShared = 0;
  /** Counts the lines parsed: `reused` is about the line before this one's. */
  serial = 0;
  /** Per label of the last line, where the next label (or the value) starts, from the `{`. */
  nexts = new Int32Array(64);
  /** The buffer of the last line parsed when it parsed, else undefined (see reuse). */
  previousIn;
  previousFrom = 0;
  previousEnd = 0;
  /** Name ids of the previous line, position by position. */
  layout = new Int32Array(64).fill(-1);
  /** Per name id, the stamp of the last line it appeared on (duplicates). */
  seen = new Int32Array(64);
  stamp = 0;
  /**
   * Reads buf[from, end), the part of a line after the metric name. True when the line has the
   * common shape and is valid; false sends the caller to the full parser.
   */
  view = new DataView(new ArrayBuffer(0));
  viewOf;
  viewAt = 0;
  parse(buf, from, end) {
    const same = this.previousIn === buf;
    this.previousIn = void 0;
    this.reused = 0;
    if (buf[from] !== OPEN) return false;
    if (this.viewOf !== buf.buffer || this.viewAt !== buf.byteOffset) {
      this.view = new DataView(buf.buffer, buf.byteOffset);
      this.viewOf = buf.buffer;
      this.viewAt = buf.byteOffset;
    }
    let p = from + 1;
    let n = 0;
    this.stamp++;
    if (same) n = this.reuse(buf, from, end);
    this.reused = n;
    if (n > 0) p = from + this.nexts[n - 1];
    if (n > 0 && buf[p - 1] === CLOSE) {
    } else if (buf[p] === CLOSE)
      p++;
    else {
      for (; ; ) {
        const id = this.labelName(buf, p, end, n);
        if (id === -1 || this.seen[id] === this.stamp) return false;
        this.seen[id] = this.stamp;
        p += this.labelNames.bytes[id].length + 1;
        if (buf[p] !== QUOTE) return false;
        const start = ++p;
        for (; ; ) {
          if (p >= end) return false;
          const c2 = buf[p];
          if (c2 === QUOTE) break;
          if (c2 === BACKSLASH) return false;
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
  forget() {
    this.previousIn = void 0;
  }
  /**
   * How many leading labels of the line at `from` are byte for byte the previous line's (same
   * buffer, a sidecar writes the series of a family one after another): each with the `,` or `}`
   * after its value. Their name ids stay, their ranges move to this line, and they count as seen;
   * the caller parses on from after the last of them. The parse gives what it would give
   * without (test/observe/exposition-differential.test.ts).
   */
  reuse(buf, from, end) {
    const before = this.previousFrom;
    const count = this.count;
    if (count === 0) return 0;
    const limit = Math.min(this.nexts[count - 1], end - from, this.previousEnd - before);
    const view = this.view;
    let i = 0;
    const likely = this.lastShared > 0 && this.lastShared <= count ? this.nexts[this.lastShared - 1] : 0;
    if (likely > 0 && likely <= limit && buf.compare(buf, before, before + likely, from, from + likely) === 0)
      i = likely;
    while (i + 4 <= limit && view.getInt32(from + i) === view.getInt32(before + i)) i += 4;
    while (i < limit && buf[from + i] === buf[before + i]) i++;
    let n = 0;
    while (n < count && this.nexts[n] <= i) n++;
    const shift = from - before;
    for (let k = 0; k < n; k++) {
      this.seen[this.nameIds[k]] = this.stamp;
      this.starts[k] += shift;
      this.ends[k] += shift;
    }
    this.lastShared = n;
    return n;
  }
  /** The id of the label name at p (followed by `=`), trying the previous line's name first. */
  labelName(buf, p, end, n) {
    if (n < this.layout.length) {
      const guess = this.layout[n];
      if (guess !== -1) {
        const name = this.labelNames.bytes[guess];
        const length = name.length;
        if (p + length < end && buf[p + length] === EQUALS) {
          const words = this.labelNames.words[guess];
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
    if (p >= end || !isNameStart(buf[p])) return -1;
    let q = p + 1;
    while (q < end && isNameChar(buf[q])) q++;
    if (buf[q] !== EQUALS) return -1;
    const id = this.labelNames.idOf(buf, p, q);
    if (id === -1) return -1;
    if (id >= this.seen.length) {
      const seen = new Int32Array(Math.max(id + 1, this.seen.length * 2));
      seen.set(this.seen);
      this.seen = seen;
    }
    if (n < this.layout.length) this.layout[n] = id;
    return id;
  }
  valueAndTimestamp(buf, from, end) {
    let p = from;
    while (p < end && isBlank2(buf[p])) p++;
    if (p >= end) return false;
    const start = p;
    let integer = 0;
    let digitsOnly = true;
    while (p < end && !isBlank2(buf[p])) {
      const d = buf[p] - 48;
      if (d < 0 || d > 9) digitsOnly = false;
      else integer = integer * 10 + d;
      p++;
    }
    let value = integer;
    if (!digitsOnly || p - start > 15) value = parseSampleValue(buf.toString("utf8", start, p));
    if (value === void 0) return false;
    this.value = value;
    while (p < end && isBlank2(buf[p])) p++;
    this.timestamp = void 0;
    if (p === end) return true;
    const tsStart = p;
    if (buf[p] === 45) p++;
    const digitsFrom = p;
    while (p < end && buf[p] >= 48 && buf[p] <= 57) p++;
    if (p === digitsFrom) return false;
    const tsEnd = p;
    while (p < end && isBlank2(buf[p])) p++;
    if (p !== end) return false;
    this.timestamp = Number(buf.toString("latin1", tsStart, tsEnd));
    return true;
  }
  grow() {
    const grow = (a) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.nameIds = grow(this.nameIds);
    this.starts = grow(this.starts);
    this.ends = grow(this.ends);
    this.nexts = grow(this.nexts);
  }
};

// src/observe/exposition-scanner.ts
import { Buffer } from "node:buffer";
var MAX_WANTED_LINE = 4 * 1024 * 1024;
var NL = 10;
var CR = 13;
var HASH = 35;
var SPACE2 = 32;
var TAB2 = 9;
var BRACE = 123;
var BOM = [239, 187, 191];
var ExpositionScanner = class {
  names;
  nameBytes;
  firstBytes = new Uint8Array(256);
  options;
  fast;
  /** Pieces of the current partial line, when it may be wanted. */
  carry = [];
  carryLength = 0;
  /** The carried partial line is known to be wanted: no need to classify it again. */
  carryWanted = false;
  /** The current partial line is known to be unwanted: its bytes are dropped. */
  skipping = false;
  lines = 0;
  samples = 0;
  constructor(options) {
    this.options = options;
    this.fast = options.fast ?? new FastLineParser();
    this.names = [...options.metrics];
    this.nameBytes = this.names.map((n) => Buffer.from(n, "utf8"));
    for (const b of this.nameBytes) if (b.length > 0) this.firstBytes[b[0]] = 1;
  }
  /**
   * Which wanted family the line in buf[start, end) belongs to, 'skip', or 'undecided' when the
   * bytes so far (a partial line) are too few to tell.
   */
  classify(buf, start, end, complete) {
    let s = start;
    while (s < end && (buf[s] === SPACE2 || buf[s] === TAB2)) s++;
    if (s === end) return complete ? "skip" : "undecided";
    const c0 = buf[s];
    if (c0 === HASH || this.firstBytes[c0] === 0) return "skip";
    let undecided = false;
    for (let w = 0; w < this.nameBytes.length; w++) {
      const name = this.nameBytes[w];
      const n = name.length;
      let i = 0;
      while (i < n && s + i < end && buf[s + i] === name[i]) i++;
      if (i < n) {
        if (s + i === end && !complete) undecided = true;
        continue;
      }
      if (s + n === end) {
        if (complete) return w;
        undecided = true;
        continue;
      }
      const after = buf[s + n];
      if (after === BRACE || after === SPACE2 || after === TAB2 || after === CR && s + n + 1 === end)
        return w;
    }
    return undecided ? "undecided" : "skip";
  }
  /** One complete line (without its \n). */
  line(buf, start, end) {
    this.lines++;
    if (this.lines === 1 && buf[start] === 239 && buf[start + 1] === 187 && buf[start + 2] === 191) {
      start += 3;
    }
    if (end > start && buf[end - 1] === CR) end--;
    const verdict = this.classify(buf, start, end, true);
    if (typeof verdict !== "number") return;
    this.samples++;
    let s = start;
    while (buf[s] === SPACE2 || buf[s] === TAB2) s++;
    if (this.fast.parse(buf, s + this.nameBytes[verdict].length, end)) {
      if (this.options.counters) {
        requireCounterValue(this.fast.value, this.names[verdict], {
          file: this.options.source,
          line: this.lines
        });
      }
      this.options.sink.parsed(verdict, this.fast, buf, this.lines);
      return;
    }
    const text = buf.toString("utf8", start, end).trimStart();
    const sample = parseExpositionLine(text, this.names[verdict], this.options.source, this.lines);
    if (this.options.counters) {
      requireCounterValue(sample.value, sample.metric, { file: this.options.source, line: this.lines });
    }
    this.options.sink.sample(verdict, sample);
  }
  keep(part) {
    this.carry.push(Buffer.from(part));
    this.carryLength += part.length;
    if (this.carryLength > MAX_WANTED_LINE) {
      throw new InputError(`line longer than ${MAX_WANTED_LINE} bytes`, {
        file: this.options.source,
        line: this.lines + 1
      });
    }
    if (this.carryWanted) return;
    const joined = this.carry.length === 1 ? this.carry[0] : Buffer.concat(this.carry);
    this.carry = [joined];
    let from = 0;
    if (this.lines === 0) {
      while (from < 3 && from < joined.length && joined[from] === BOM[from]) from++;
      if (from === joined.length && from < 3) return;
      if (from < 3) from = 0;
    }
    const verdict = this.classify(joined, from, joined.length, false);
    if (verdict === "skip") {
      this.dropCarry();
      this.skipping = true;
    } else if (typeof verdict === "number") {
      this.carryWanted = true;
    }
  }
  dropCarry() {
    this.carry = [];
    this.carryLength = 0;
    this.carryWanted = false;
  }
  chunk(buf) {
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
    for (; ; ) {
      const nl = buf.indexOf(NL, pos);
      if (nl === -1) break;
      this.line(buf, pos, nl);
      pos = nl + 1;
    }
    if (pos < buf.length) this.keep(buf.subarray(pos));
  }
  end() {
    if (this.skipping) {
      this.lines++;
    } else if (this.carryLength > 0) {
      const whole = Buffer.concat(this.carry);
      this.dropCarry();
      this.line(whole, 0, whole.length);
    }
  }
};

// src/observe/prometheus-text.ts
function asBuffer(chunk) {
  if (typeof chunk === "string") return Buffer2.from(chunk, "utf8");
  return Buffer2.isBuffer(chunk) ? chunk : Buffer2.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
async function scan(input, scanner) {
  for await (const chunk of input) scanner.chunk(asBuffer(chunk));
  scanner.end();
  return { lines: scanner.lines, samples: scanner.samples };
}
function labelsOf(parsed, buf, values) {
  const labels = {};
  for (let i = 0; i < parsed.count; i++) {
    const name = parsed.labelNames.names[parsed.nameIds[i]];
    const value = values.strings.value(values.intern(buf, parsed.starts[i], parsed.ends[i]));
    if (name === "__proto__")
      Object.defineProperty(labels, name, { value, enumerable: true, writable: true });
    else labels[name] = value;
  }
  return labels;
}
function readPrometheusText(input, options) {
  const metrics = [...options.metrics];
  const values = new ByteInterner(new StringTable());
  const sink = {
    parsed(metric, parsed, buf, line) {
      const sample = {
        metric: metrics[metric],
        labels: labelsOf(parsed, buf, values),
        value: parsed.value,
        line
      };
      if (parsed.timestamp !== void 0) sample.timestamp = parsed.timestamp;
      options.onSample(sample);
    },
    sample: (_metric, sample) => options.onSample(sample)
  };
  const counters = options.counters === true;
  return scan(input, new ExpositionScanner({ source: options.source, metrics, sink, counters }));
}
var SeriesReader = class {
  builder;
  values;
  fast = new FastLineParser();
  ids = new Int32Array(SLOT_COUNT);
  /** Per slot, the interner's entry of the previous line's value: most values repeat line to line. */
  previous = new Int32Array(SLOT_COUNT).fill(-1);
  /** Per label of the last line, the id it gave its slot (-1: none); `serial`: that line's. */
  labelIds = new Int32Array(64);
  serial = -1;
  /**
   * Label name id (the line parser's) -> slot in CALL_LABEL_SLOTS, or -1, for the first
   * `slotsKnown` names; grows as names appear, by doubling, each new name looked up once (a
   * capture with a new label name on every line was quadratic when the table was rebuilt).
   */
  slotOf = new Int8Array(64);
  slotsKnown = 0;
  /** Label names looked up in CALL_LABEL_SLOTS so far (tests check it grows with the names, not their square). */
  namesLookedUp = 0;
  sink;
  constructor(builder) {
    this.builder = builder;
    this.values = new ByteInterner(builder.strings);
    this.sink = {
      parsed: (metric, parsed, buf) => this.parsed(metric, parsed, buf),
      sample: (_metric, sample) => {
        builder.add(sample);
      }
    };
  }
  parsed(metric, parsed, buf) {
    const names = parsed.labelNames.names;
    if (this.slotsKnown < names.length) this.learnNames(names);
    const { ids, slotOf, values, previous } = this;
    ids.fill(-1);
    const nameIds = parsed.nameIds;
    const reused = parsed.serial === this.serial + 1 ? parsed.reused : 0;
    this.serial = parsed.serial;
    if (this.labelIds.length < parsed.count) {
      const grown = new Int32Array(parsed.nameIds.length);
      grown.set(this.labelIds);
      this.labelIds = grown;
    }
    const labelIds = this.labelIds;
    for (let i = 0; i < reused; i++) {
      const slot = slotOf[nameIds[i]];
      if (slot !== -1) ids[slot] = labelIds[i];
    }
    for (let i = reused; i < parsed.count; i++) {
      const slot = slotOf[nameIds[i]];
      labelIds[i] = -1;
      if (slot === -1) continue;
      const start = parsed.starts[i];
      const end = parsed.ends[i];
      const entry = previous[slot];
      if (entry !== -1 && values.holds(entry, buf, start, end)) ids[slot] = values.idOf(entry);
      else {
        ids[slot] = values.intern(buf, start, end);
        previous[slot] = values.lastEntry;
      }
      labelIds[i] = ids[slot];
    }
    this.builder.addInterned(metric, ids, parsed.value);
  }
  learnNames(names) {
    if (this.slotOf.length < names.length) {
      const grown = new Int8Array(Math.max(names.length, this.slotOf.length * 2));
      grown.set(this.slotOf.subarray(0, this.slotsKnown));
      this.slotOf = grown;
    }
    for (let i = this.slotsKnown; i < names.length; i++) {
      this.slotOf[i] = CALL_LABEL_SLOTS.indexOf(names[i]);
      this.namesLookedUp++;
    }
    this.slotsKnown = names.length;
  }
  /** Reads one exposition. Throws InputError(`source:line: ...`) on a malformed wanted line. */
  read(input, source) {
    return scan(
      input,
      new ExpositionScanner({
        source,
        metrics: CALL_METRICS,
        sink: this.sink,
        fast: this.fast,
        counters: true
      })
    );
  }
};

export {
  requireCounterValue,
  readPrometheusText,
  SeriesReader
};
