import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  mapPool
} from "./chunk-HYR7AWVW.js";
import {
  ByteInterner,
  CALL_LABEL_SLOTS,
  CALL_METRICS,
  SLOT_COUNT,
  StringTable
} from "./chunk-A4XXKKLU.js";
import {
  httpStream
} from "./chunk-WPGTBZZS.js";
import {
  shownUrl
} from "./chunk-55OXYYT6.js";
import {
  InputError
} from "./chunk-3OLJVOZR.js";

// src/observe/live/json-events.ts
import { Buffer } from "node:buffer";
var JsonSyntaxError = class extends Error {
};
function jsonString(buf, start, end, escaped) {
  const raw = buf.toString("utf8", start, end);
  return escaped ? JSON.parse(`"${raw}"`) : raw;
}
var State = { Value: 0, Key: 1, Colon: 2, After: 3, Done: 4 };
var OBJECT = 1;
var ARRAY = 2;
var QUOTE = 34;
var BACKSLASH = 92;
function isSpace(c) {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
function isDigit(c) {
  return c !== void 0 && c >= 48 && c <= 57;
}
function isHex(c) {
  return c !== void 0 && (c >= 48 && c <= 57 || c >= 65 && c <= 70 || c >= 97 && c <= 102);
}
var LITERALS = [
  [Buffer.from("true"), true],
  [Buffer.from("false"), false],
  [Buffer.from("null"), null]
];
var MORE = -2;
var JsonEvents = class {
  handler;
  maxToken;
  state = State.Value;
  /** The previous token opened a container: it may close at once. */
  justOpened = false;
  stack = new Uint8Array(64);
  depth = 0;
  carry;
  /** Bytes read before the current chunk, for error positions. */
  offset = 0;
  constructor(handler, opts = {}) {
    this.handler = handler;
    this.maxToken = opts.maxToken ?? 64 * 1024 * 1024;
  }
  /** Reads the next bytes of the text. Throws JsonSyntaxError at the first error. */
  write(chunk) {
    let buf = chunk;
    if (this.carry !== void 0) {
      buf = Buffer.concat([this.carry, chunk]);
      this.offset -= this.carry.length;
      this.carry = void 0;
    }
    const stop = this.run(buf, false);
    if (stop < buf.length) {
      if (buf.length - stop > this.maxToken) this.fail(stop, `a token longer than ${this.maxToken} bytes`);
      this.carry = Buffer.from(buf.subarray(stop));
    }
    this.offset += buf.length;
  }
  /** The text is complete: throws JsonSyntaxError unless it was one whole JSON value. */
  end() {
    const buf = this.carry ?? Buffer.alloc(0);
    this.offset -= buf.length;
    this.carry = void 0;
    const stop = this.run(buf, true);
    if (stop < buf.length) this.fail(stop, "unexpected end of the text");
    if (this.state !== State.Done) this.fail(buf.length, "unexpected end of the text");
  }
  fail(at2, message) {
    throw new JsonSyntaxError(`${message} at byte ${this.offset + at2}`);
  }
  /** Reads tokens from buf; returns where an unfinished token starts (buf.length when none). */
  run(buf, final) {
    let p = 0;
    const n = buf.length;
    while (p < n) {
      const c = buf[p];
      if (isSpace(c)) {
        p++;
        continue;
      }
      const next = this.token(buf, p, c, final);
      if (next === MORE) return p;
      p = next;
    }
    return n;
  }
  /** One token starting at p (byte c); returns the position after it, or MORE. */
  token(buf, p, c, final) {
    switch (this.state) {
      case State.Value:
        return this.value(buf, p, c, final);
      case State.Key: {
        if (c === 125 && this.justOpened) return this.closeAt(p, OBJECT);
        if (c !== QUOTE) this.fail(p, "expected a key");
        const end = this.stringEnd(buf, p, final);
        if (end === MORE) return MORE;
        this.handler.key(buf, p + 1, end - 1, this.escaped);
        this.state = State.Colon;
        return end;
      }
      case State.Colon:
        if (c !== 58) this.fail(p, 'expected ":"');
        this.state = State.Value;
        this.justOpened = false;
        return p + 1;
      case State.After: {
        const top = this.stack[this.depth - 1];
        if (c === 44) {
          this.state = top === OBJECT ? State.Key : State.Value;
          this.justOpened = false;
          return p + 1;
        }
        if (c === 125 || c === 93) return this.closeAt(p, c === 125 ? OBJECT : ARRAY);
        return this.fail(p, 'expected "," or a closing bracket');
      }
      default:
        return this.fail(p, "unexpected text after the value");
    }
  }
  value(buf, p, c, final) {
    if (c === 123 && this.handler.wholeObject !== void 0) {
      const end2 = this.handler.wholeObject(buf, p);
      if (end2 !== -1) {
        this.afterValue();
        return end2;
      }
    }
    if (c === 123 || c === 91) {
      const kind = c === 123 ? OBJECT : ARRAY;
      if (this.depth === this.stack.length) {
        const bigger = new Uint8Array(this.stack.length * 2);
        bigger.set(this.stack);
        this.stack = bigger;
      }
      this.stack[this.depth++] = kind;
      if (kind === OBJECT) this.handler.openObject();
      else this.handler.openArray();
      this.state = kind === OBJECT ? State.Key : State.Value;
      this.justOpened = true;
      return p + 1;
    }
    if (c === 93 && this.justOpened) return this.closeAt(p, ARRAY);
    let end;
    if (c === QUOTE) {
      end = this.stringEnd(buf, p, final);
      if (end !== MORE) this.handler.string(buf, p + 1, end - 1, this.escaped);
    } else if (c === 45 || isDigit(c)) {
      end = this.numberEnd(buf, p, final);
      if (end !== MORE) this.handler.number(buf, p, end);
    } else end = this.literalEnd(buf, p, final);
    if (end === MORE) return MORE;
    this.afterValue();
    return end;
  }
  closeAt(p, kind) {
    if (this.depth === 0 || this.stack[this.depth - 1] !== kind) this.fail(p, "unexpected closing bracket");
    this.depth--;
    this.handler.close();
    this.afterValue();
    return p + 1;
  }
  afterValue() {
    this.state = this.depth === 0 ? State.Done : State.After;
    this.justOpened = false;
  }
  /** Whether the last string read held an escape. */
  escaped = false;
  /** The position after the closing quote of the string opening at p, or MORE. */
  stringEnd(buf, p, final) {
    const n = buf.length;
    let q = p + 1;
    let escaped = false;
    for (; ; ) {
      if (q >= n) return final ? this.fail(p, "unterminated string") : MORE;
      const c = buf[q];
      if (c === QUOTE) break;
      if (c < 32) this.fail(q, "a control character in a string");
      if (c !== BACKSLASH) {
        q++;
        continue;
      }
      escaped = true;
      const e = buf[q + 1];
      if (e === void 0) return final ? this.fail(q, "unterminated string") : MORE;
      if (e === 117) {
        if (q + 6 > n) return final ? this.fail(q, "unterminated string") : MORE;
        for (let i = 2; i < 6; i++) if (!isHex(buf[q + i])) this.fail(q, "a bad \\u escape");
        q += 6;
      } else if (e === QUOTE || e === BACKSLASH || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) {
        q += 2;
      } else this.fail(q, "a bad escape");
    }
    this.escaped = escaped;
    return q + 1;
  }
  /** The end of the number starting at p (JSON's grammar, checked), or MORE. */
  numberEnd(buf, p, final) {
    const n = buf.length;
    let q = p;
    if (buf[q] === 45) q++;
    const digits = (from) => {
      let i = from;
      while (i < n && isDigit(buf[i])) i++;
      return i;
    };
    if (q >= n) return final ? this.fail(p, "a bad number") : MORE;
    if (buf[q] === 48) q++;
    else if (isDigit(buf[q])) q = digits(q);
    else this.fail(p, "a bad number");
    if (q < n && buf[q] === 46) {
      const from = q + 1;
      q = digits(from);
      if (q === from) return q >= n && !final ? MORE : this.fail(p, "a bad number");
    }
    if (q < n && (buf[q] === 101 || buf[q] === 69)) {
      q++;
      if (q < n && (buf[q] === 43 || buf[q] === 45)) q++;
      const from = q;
      q = digits(from);
      if (q === from) return q >= n && !final ? MORE : this.fail(p, "a bad number");
    }
    if (q >= n && !final) return MORE;
    return q;
  }
  literalEnd(buf, p, final) {
    for (const [word, value] of LITERALS) {
      if (buf[p] !== word[0]) continue;
      for (let i = 1; i < word.length; i++) {
        if (p + i >= buf.length) return final ? this.fail(p, "an unknown literal") : MORE;
        if (buf[p + i] !== word[i]) this.fail(p, "an unknown literal");
      }
      this.handler.literal(value);
      return p + word.length;
    }
    return this.fail(p, "an unexpected character");
  }
};

// src/observe/live/prometheus-answer.ts
import { Buffer as Buffer2 } from "node:buffer";

// src/observe/live/prometheus-row.ts
var QUOTE2 = 34;
var BACKSLASH2 = 92;
var METRIC_OPEN = bytesOf('{"metric":{');
var VALUE_OPEN = bytesOf(',"value":[');
function bytesOf(text) {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}
function isDigit2(c) {
  return c !== void 0 && c >= 48 && c <= 57;
}
var RowLabels = class {
  /** The row's label values: a string id per slot of CALL_LABEL_SLOTS, -1 when absent. */
  ids = new Int32Array(SLOT_COUNT);
  /** The row's value (the second element of `value`), NaN when it has none. */
  value = Number.NaN;
  values;
  keys = new ByteInterner(new StringTable());
  /** Key id -> slot, or -1. */
  slotOf = new Int8Array(0);
  /** Per slot, the interner's entry of the previous row's value: rows come grouped. */
  previous = new Int32Array(SLOT_COUNT).fill(-1);
  /** The key entries of the previous row, position by position: Prometheus sorts label names. */
  layout = new Int32Array(64).fill(-1);
  position = 0;
  constructor(values) {
    this.values = values;
  }
  startRow() {
    this.ids.fill(-1);
    this.value = Number.NaN;
    this.position = 0;
  }
  /** The slot of the key in buf[start, end) (its bytes between the quotes), or -1. */
  slotOfKey(buf, start, end, escaped) {
    const n = this.position++;
    const guess = n < this.layout.length ? this.layout[n] : -1;
    let id;
    if (escaped) id = this.keys.strings.intern(jsonString(buf, start, end, true));
    else if (guess !== -1 && this.keys.holds(guess, buf, start, end)) id = this.keys.idOf(guess);
    else {
      id = this.keys.intern(buf, start, end);
      if (n < this.layout.length) this.layout[n] = this.keys.lastEntry;
    }
    if (id >= this.slotOf.length) {
      this.slotOf = Int8Array.from(this.keys.strings.values, (name) => CALL_LABEL_SLOTS.indexOf(name));
    }
    return this.slotOf[id];
  }
  /** Sets the slot's value from buf[start, end). */
  setValue(slot, buf, start, end, escaped) {
    if (escaped) {
      this.ids[slot] = this.values.strings.intern(jsonString(buf, start, end, true));
      return;
    }
    const entry = this.previous[slot];
    if (entry !== -1 && this.values.holds(entry, buf, start, end)) this.ids[slot] = this.values.idOf(entry);
    else {
      this.ids[slot] = this.values.intern(buf, start, end);
      this.previous[slot] = this.values.lastEntry;
    }
  }
};
function at(buf, p, bytes) {
  if (p + bytes.length > buf.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[p + i] !== bytes[i]) return false;
  return true;
}
function plainStringEnd(buf, p) {
  for (let q = p; q < buf.length; q++) {
    const c = buf[q];
    if (c === QUOTE2) return q;
    if (c === BACKSLASH2 || c < 32) return -1;
  }
  return -1;
}
function numberEnd(buf, p) {
  let q = p;
  if (buf[q] === 45) q++;
  if (buf[q] === 48) q++;
  else if (isDigit2(buf[q])) while (isDigit2(buf[q])) q++;
  else return -1;
  if (buf[q] === 46) {
    const from = ++q;
    while (isDigit2(buf[q])) q++;
    if (q === from) return -1;
  }
  if (buf[q] === 101 || buf[q] === 69) {
    q++;
    if (buf[q] === 43 || buf[q] === 45) q++;
    const from = q;
    while (isDigit2(buf[q])) q++;
    if (q === from) return -1;
  }
  return q < buf.length ? q : -1;
}
function readPlainRow(buf, p, labels) {
  if (!at(buf, p, METRIC_OPEN)) return -1;
  labels.startRow();
  let q = p + METRIC_OPEN.length;
  if (buf[q] === 125) q++;
  else {
    for (; ; ) {
      if (buf[q] !== QUOTE2) return -1;
      const keyEnd = plainStringEnd(buf, q + 1);
      if (keyEnd === -1 || buf[keyEnd + 1] !== 58 || buf[keyEnd + 2] !== QUOTE2) return -1;
      const valueEnd = plainStringEnd(buf, keyEnd + 3);
      if (valueEnd === -1) return -1;
      const slot = labels.slotOfKey(buf, q + 1, keyEnd, false);
      if (slot !== -1) labels.setValue(slot, buf, keyEnd + 3, valueEnd, false);
      q = valueEnd + 1;
      if (buf[q] === 125) {
        q++;
        break;
      }
      if (buf[q] !== 44) return -1;
      q++;
    }
  }
  if (!at(buf, q, VALUE_OPEN)) return -1;
  q = numberEnd(buf, q + VALUE_OPEN.length);
  if (q === -1 || buf[q] !== 44 || buf[q + 1] !== QUOTE2) return -1;
  const end = plainStringEnd(buf, q + 2);
  if (end === -1 || buf[end + 1] !== 93 || buf[end + 2] !== 125) return -1;
  labels.value = Number(buf.toString("utf8", q + 2, end));
  return end + 3;
}

// src/observe/live/prometheus-answer.ts
var ROOT = 0;
var DATA = 1;
var RESULT = 2;
var ROW = 3;
var METRIC = 4;
var VALUE = 5;
var WARNINGS = 6;
var INFOS = 7;
var MAX_ANNOTATIONS = 10;
function requestCount(value) {
  return Number.isFinite(value) && value > 0 ? Math.max(1, Math.round(value)) : 0;
}
var METRIC_KEY = Buffer2.from("metric");
var VALUE_KEY = Buffer2.from("value");
function rowKey(buf, start, end) {
  for (const [name, bytes] of [
    ["metric", METRIC_KEY],
    ["value", VALUE_KEY]
  ]) {
    if (end - start === bytes.length && buf.compare(bytes, 0, bytes.length, start, end) === 0) return name;
  }
  return buf.toString("utf8", start, end);
}
var MISSING = 0;
var GOOD = 1;
var BAD = 2;
var VectorAnswerReader = class {
  summary = {
    rootIsObject: false,
    resultIsList: false,
    rows: 0,
    warnings: [],
    infos: []
  };
  onRow;
  labels;
  /** The path of containers read so far, as states; -1 for one being skipped. */
  path = [];
  /** The key just read, in an object the reader follows. */
  lastKey = "";
  slot = -1;
  /** The name of the label just read (for a message). */
  labelName = "";
  valueIndex = 0;
  /** Elements of `data.result` so far: the index of the current one is this minus one. */
  elements = 0;
  rowMetric = MISSING;
  rowValue = MISSING;
  /**
   * Whether each label of the row's metric holds a string, by name, in the order JSON.parse
   * would list them: a repeated label keeps its first place and its last value.
   */
  rowLabels = /* @__PURE__ */ Object.create(null);
  firstProblem;
  /** `values` interns the label values (into the builder's strings, say). */
  constructor(values, onRow) {
    this.labels = new RowLabels(values);
    this.onRow = onRow;
  }
  /** A row of the common shape, read from its bytes in one go (readPlainRow). */
  wholeObject(buf, p) {
    if (this.where !== RESULT) return -1;
    const end = readPlainRow(buf, p, this.labels);
    if (end !== -1) {
      this.elements++;
      this.row();
    }
    return end;
  }
  row() {
    this.summary.rows++;
    this.onRow(this.labels.ids, this.labels.value);
  }
  /**
   * The first element of `data.result` that is not a vector sample
   * (`{"metric": {name: "string"}, "value": [time, "number"]}`), as `result[i]: what was wrong`;
   * undefined when every one was. Such a row is not handed on.
   */
  get problem() {
    return this.firstProblem;
  }
  refuse(what) {
    this.firstProblem ??= `result[${this.elements - 1}]: ${what}`;
  }
  /** A row read token by token closes: handed on when it was a vector sample. */
  closeRow() {
    if (this.rowMetric !== GOOD) this.refuse("metric is not an object");
    else if (this.badLabel !== void 0) this.refuse(`metric.${this.badLabel} is not a string`);
    else if (this.rowValue !== GOOD) this.refuse('value is not [time, "number"]');
    else this.row();
  }
  get where() {
    return this.path.length === 0 ? -2 : this.path[this.path.length - 1];
  }
  /** An element of `warnings` or `infos` (one that is not a string still counts). */
  annotate(where, text) {
    const list = where === WARNINGS ? this.summary.warnings : this.summary.infos;
    if (list.length < MAX_ANNOTATIONS) list.push(text);
    else if (list.length === MAX_ANNOTATIONS) list.push("and more");
  }
  /** A value other than an object or array, met where the reader is. */
  scalarAt(where, kind) {
    if (where === WARNINGS || where === INFOS) this.annotate(where, `(a ${kind}, not a string)`);
    else if (where === RESULT) {
      this.elements++;
      this.refuse("not an object");
    } else if (where === ROW) this.rowMember(false);
    else if (where === METRIC) this.rowLabels[this.labelName] = kind === "string";
    else if (where === VALUE) {
      const expected = this.valueIndex === 0 ? "number" : this.valueIndex === 1 ? "string" : void 0;
      if (kind !== expected) this.rowValue = BAD;
    }
  }
  /** A member of a row that is not an object or array: `metric` and `value` are then wrong. */
  rowMember(isArray) {
    if (this.lastKey === "metric") this.rowMetric = BAD;
    else if (this.lastKey === "value" && !isArray) this.rowValue = BAD;
  }
  /** The first label of the row's metric whose (last) value is not a string. */
  get badLabel() {
    for (const name in this.rowLabels) if (!this.rowLabels[name]) return name;
    return void 0;
  }
  startMetric() {
    this.rowLabels = /* @__PURE__ */ Object.create(null);
  }
  open(kind) {
    const where = this.where;
    let next = -1;
    if (where === -2) {
      if (kind === "object") {
        next = ROOT;
        this.summary.rootIsObject = true;
      }
    } else if (where === ROOT && kind === "object" && this.lastKey === "data") next = DATA;
    else if (where === ROOT && kind === "array" && this.lastKey === "warnings") next = WARNINGS;
    else if (where === ROOT && kind === "array" && this.lastKey === "infos") next = INFOS;
    else if (where === DATA && kind === "array" && this.lastKey === "result") {
      next = RESULT;
      this.summary.resultIsList = true;
    } else if (where === RESULT) {
      this.elements++;
      if (kind === "object") {
        next = ROW;
        this.labels.startRow();
        this.rowMetric = MISSING;
        this.rowValue = MISSING;
        this.startMetric();
      } else this.refuse("not an object");
    } else if (where === ROW && kind === "object" && this.lastKey === "metric") {
      next = METRIC;
      this.rowMetric = GOOD;
      this.startMetric();
      const value = this.labels.value;
      this.labels.startRow();
      this.labels.value = value;
    } else if (where === ROW && kind === "array" && this.lastKey === "value") {
      next = VALUE;
      this.valueIndex = 0;
      this.rowValue = GOOD;
    } else if (where === ROW) this.rowMember(kind === "array");
    else if (where === METRIC) this.rowLabels[this.labelName] = false;
    else if (where === VALUE) this.rowValue = BAD;
    else if (where === WARNINGS || where === INFOS) this.annotate(where, `(an ${kind}, not a string)`);
    this.path.push(next);
  }
  openObject() {
    this.open("object");
  }
  openArray() {
    this.open("array");
  }
  close() {
    const was = this.path.pop();
    if (was === ROW) this.closeRow();
    else if (was === VALUE && this.valueIndex !== 2) this.rowValue = BAD;
    if (this.where === VALUE) this.valueIndex++;
  }
  key(buf, start, end, escaped) {
    const where = this.where;
    if (where === METRIC) {
      this.slot = this.labels.slotOfKey(buf, start, end, escaped);
      this.labelName = this.slot === -1 ? jsonString(buf, start, end, escaped) : CALL_LABEL_SLOTS[this.slot];
    } else if (where === ROW) {
      this.lastKey = escaped ? jsonString(buf, start, end, true) : rowKey(buf, start, end);
    } else if (where === ROOT || where === DATA) {
      this.lastKey = jsonString(buf, start, end, escaped);
    }
  }
  string(buf, start, end, escaped) {
    const where = this.where;
    if (where === METRIC) {
      if (this.slot !== -1) this.labels.setValue(this.slot, buf, start, end, escaped);
      this.rowLabels[this.labelName] = true;
    } else if (where === VALUE) {
      if (this.valueIndex === 1) this.labels.value = Number(jsonString(buf, start, end, escaped));
      this.scalarAt(where, "string");
      this.valueIndex++;
    } else if (where === ROOT) {
      const text = jsonString(buf, start, end, escaped);
      if (this.lastKey === "status") this.summary.status = text;
      else if (this.lastKey === "errorType") this.summary.errorType = text;
      else if (this.lastKey === "error") this.summary.error = text;
      else if (this.lastKey === "warnings") this.annotate(WARNINGS, text);
    } else if (where === DATA && this.lastKey === "resultType") {
      this.summary.resultType = jsonString(buf, start, end, escaped);
    } else if (where === WARNINGS || where === INFOS) {
      this.annotate(where, jsonString(buf, start, end, escaped));
    } else this.scalarAt(where, "string");
  }
  number(buf, start, end) {
    this.scalar(Number(buf.toString("latin1", start, end)), "number");
  }
  literal(_value) {
    this.scalar(Number.NaN, "literal");
  }
  scalar(value, kind) {
    const where = this.where;
    if (where === VALUE) {
      if (this.valueIndex === 1) this.labels.value = value;
      this.scalarAt(where, kind);
      this.valueIndex++;
    } else this.scalarAt(where, kind);
  }
};

// src/observe/live/prometheus-instant.ts
var MAX_ERROR_BYTES = 1024 * 1024;
var MAX_TOKEN_BYTES = 1024 * 1024;
var PROMETHEUS_TOO_MANY_SAMPLES = "prometheus-too-many-samples";
var TOO_MANY_SAMPLES_ERROR = "query processing would load too many samples into memory";
function prometheusInfo(info) {
  return `Prometheus noted: ${info}`;
}
function queryUrl(base) {
  const root = new URL(base.href);
  root.hash = "";
  if (!root.pathname.endsWith("/")) root.pathname = `${root.pathname}/`;
  const url = new URL("api/v1/query", root);
  url.search = root.search;
  return url;
}
async function instantQuery(base, query, at2, target, values, onRow, signal) {
  const url = queryUrl(base);
  const form = new URLSearchParams({ query: query.text, time: (at2.getTime() / 1e3).toFixed(3) }).toString();
  const init = { method: "POST", body: form, contentType: "application/x-www-form-urlencoded" };
  return httpStream(
    url,
    { ...target, ...signal === void 0 ? {} : { signal } },
    init,
    async (status, body) => {
      const reader = new VectorAnswerReader(values, status === 200 ? onRow : () => {
      });
      const events = new JsonEvents(reader, { maxToken: MAX_TOKEN_BYTES });
      let read = 0;
      try {
        for await (const chunk of body) {
          read += chunk.length;
          if (status !== 200 && read > MAX_ERROR_BYTES) break;
          events.write(chunk);
        }
        if (status === 200) events.end();
      } catch (err) {
        if (!(err instanceof JsonSyntaxError)) throw err;
        if (status === 401 || status === 403) throw notAuthorized(url, status);
        throw new InputError(
          `${shownUrl(url)}: HTTP ${status}: not a Prometheus API answer (${err.message})`
        );
      }
      return verdict(url, status, reader, query.name);
    }
  );
}
function notAuthorized(url, status) {
  return new InputError(
    `${shownUrl(url)}: HTTP ${status}: not authorized: check the bearer token (--prometheus-token-env)`
  );
}
function verdict(url, status, reader, name) {
  if (status === 401 || status === 403) throw notAuthorized(url, status);
  const s = reader.summary;
  if (!s.rootIsObject) throw new InputError(`${shownUrl(url)}: HTTP ${status}: not a Prometheus API answer`);
  if (status !== 200 || s.status !== "success") {
    const why = s.error ?? `HTTP ${status}`;
    const message = `${shownUrl(url)}: query failed: ${s.errorType ? `${s.errorType}: ` : ""}${why}`;
    if (status === 422 && s.errorType === "execution" && s.error?.startsWith(TOO_MANY_SAMPLES_ERROR)) {
      throw new InputError(`${message} (Prometheus' --query.max-samples)`, {
        code: PROMETHEUS_TOO_MANY_SAMPLES
      });
    }
    throw new InputError(message);
  }
  if (s.resultType !== "vector") {
    throw new InputError(`${shownUrl(url)}: expected a vector result, got ${String(s.resultType)}`);
  }
  if (!s.resultIsList) {
    throw new InputError(`${shownUrl(url)}: data.result is not a list (not a Prometheus vector answer)`);
  }
  if (reader.problem !== void 0) {
    throw new InputError(`${shownUrl(url)}: ${reader.problem} (not a Prometheus vector sample)`);
  }
  if (s.warnings.length > 0) {
    throw new InputError(
      `${shownUrl(url)}: ${name}: Prometheus answered with warnings, so the calls it holds may not all be in the answer: ${s.warnings.join("; ")}`
    );
  }
  return { rows: s.rows, infos: s.infos };
}

// src/observe/live/prometheus-parts.ts
function partQueryName(q) {
  const what = q.metric === -1 ? "whether a client sidecar reported" : CALL_METRICS[q.metric];
  return `the query for ${what} (part ${q.part + 1})`;
}
function sharedRowCount() {
  return new Int32Array(new SharedArrayBuffer(4));
}
var ROWS_BATCH = 1024;
var RowCount = class {
  pending = 0;
  base;
  into;
  constructor(base, into) {
    this.base = base;
    this.into = into;
  }
  row() {
    this.pending++;
    if (this.pending === ROWS_BATCH) this.flush();
    else if (Atomics.load(this.into.rowsRead, 0) + this.pending > this.into.maxRows) this.refuse();
  }
  /** Adds this thread's rows to the shared count, and fails if the read as a whole is past its limit. */
  flush() {
    const total = Atomics.add(this.into.rowsRead, 0, this.pending) + this.pending;
    this.pending = 0;
    if (total > this.into.maxRows) this.refuse();
  }
  refuse() {
    throw tooManyRowsRead(this.base, this.into.maxRows);
  }
};
function tooManyRowsRead(base, max) {
  return new InputError(
    `Prometheus at ${shownUrl(base)} answered more than ${max} rows of calls, more than intent-drift reads (its series count promised fewer: series changed meanwhile, or the answers are not Prometheus'); not read further. A count this large usually means a label holding IDs; check that Prometheus`
  );
}
async function readPartQueries(base, queries, at2, target, into, concurrency, signal) {
  let clientSidecarSeen = false;
  const counted = new RowCount(base, into);
  const stop = new AbortController();
  const stopAll = () => stop.abort(signal?.reason);
  if (signal?.aborted) stopAll();
  signal?.addEventListener("abort", stopAll, { once: true });
  try {
    const rows = await mapPool(queries, concurrency, async (q) => {
      if (q.metric === -1 && clientSidecarSeen) return 0;
      const onRow = q.metric === -1 ? () => {
        clientSidecarSeen = true;
      } : (ids, value) => {
        counted.row();
        into.builder.addInterned(q.metric, ids, requestCount(value));
      };
      try {
        const query = { text: q.text, name: partQueryName(q) };
        const answer = await instantQuery(base, query, at2, target, into.values, onRow, stop.signal);
        counted.flush();
        for (const info of answer.infos) into.builder.addWarningOnce(prometheusInfo(info));
        return q.metric === -1 ? 0 : answer.rows;
      } catch (err) {
        stop.abort();
        throw err;
      }
    });
    return { rows, clientSidecarSeen };
  } finally {
    signal?.removeEventListener("abort", stopAll);
  }
}

export {
  PROMETHEUS_TOO_MANY_SAMPLES,
  prometheusInfo,
  instantQuery,
  sharedRowCount,
  readPartQueries
};
