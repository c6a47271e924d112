import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  InputError
} from "./chunk-KJZBDJRW.js";

// src/observe/prometheus-text.ts
import { Buffer } from "node:buffer";

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

// src/observe/prometheus-text.ts
var MAX_WANTED_LINE = 4 * 1024 * 1024;
var NL = 10;
var CR = 13;
var HASH = 35;
var SPACE = 32;
var TAB = 9;
var BRACE = 123;
var ExpositionScanner = class {
  names;
  nameBytes;
  firstBytes = new Uint8Array(256);
  options;
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
    while (s < end && (buf[s] === SPACE || buf[s] === TAB)) s++;
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
      if (after === BRACE || after === SPACE || after === TAB || after === CR && s + n + 1 === end)
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
    const text = buf.toString("utf8", start, end).trimStart();
    const sample = parseExpositionLine(text, this.names[verdict], this.options.source, this.lines);
    this.samples++;
    this.options.onSample(sample);
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
    const verdict = this.classify(joined, 0, joined.length, false);
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
function asBuffer(chunk) {
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8");
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
async function readPrometheusText(input, options) {
  const scanner = new ExpositionScanner(options);
  for await (const chunk of input) scanner.chunk(asBuffer(chunk));
  scanner.end();
  return { lines: scanner.lines, samples: scanner.samples };
}

export {
  readPrometheusText
};
