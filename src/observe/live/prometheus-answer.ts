// An instant query's answer from Prometheus' HTTP API, read as a stream of JSON events
// (`{"status":"success","data":{"resultType":"vector","result":[{"metric":{...},"value":[t,"v"]},...]}}`):
// each result row is handed on as it arrives, its label values interned from their bytes, so
// an answer of a million rows is never held whole, as text or as objects.
import { Buffer } from 'node:buffer';
import type { ByteInterner } from '../compact/byte-interner.ts';
import { CALL_LABEL_SLOTS } from '../compact/call-tables.ts';
import { type JsonHandler, jsonString } from './json-events.ts';
import { RowLabels, readPlainRow } from './prometheus-row.ts';

/** What the answer said besides its rows. */
export interface AnswerSummary {
  status?: string;
  errorType?: string;
  error?: string;
  resultType?: string;
  /** The answer was a JSON object (as Prometheus' API answers always are). */
  rootIsObject: boolean;
  /** `data.result` was an array. */
  resultIsList: boolean;
  rows: number;
  /**
   * `warnings`: the answer is partial or suspect (a remote_read or a store failed, mixed
   * samples: web/api/v1/api.go, storage/fanout.go). Prometheus writes them after `data`.
   */
  warnings: string[];
  /** `infos`: what Prometheus noted about the query, the answer being whole. */
  infos: string[];
}

// Where the reader is: the nesting it expects, one level per state.
const ROOT = 0;
const DATA = 1;
const RESULT = 2;
const ROW = 3;
const METRIC = 4;
const VALUE = 5;
const WARNINGS = 6;
const INFOS = 7;

/** At most this many of an answer's warnings or infos are kept (and how many more, counted). */
export const MAX_ANNOTATIONS = 10;

/** increase() extrapolates: a single request may read 0.7; count it as one. */
export function requestCount(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.max(1, Math.round(value)) : 0;
}

const METRIC_KEY = Buffer.from('metric');
const VALUE_KEY = Buffer.from('value');

function rowKey(buf: Buffer, start: number, end: number): string {
  for (const [name, bytes] of [
    ['metric', METRIC_KEY],
    ['value', VALUE_KEY],
  ] as const) {
    if (end - start === bytes.length && buf.compare(bytes, 0, bytes.length, start, end) === 0) return name;
  }
  return buf.toString('utf8', start, end);
}

/** One row: the string id (in the values' table) of each label of CALL_LABEL_SLOTS, -1 when absent. */
export type RowHandler = (ids: Int32Array, value: number) => void;

// What a row read token by token turned out to hold, checked when it closes.
const MISSING = 0;
const GOOD = 1;
const BAD = 2;

export class VectorAnswerReader implements JsonHandler {
  readonly summary: AnswerSummary = {
    rootIsObject: false,
    resultIsList: false,
    rows: 0,
    warnings: [],
    infos: [],
  };
  private readonly onRow: RowHandler;
  private readonly labels: RowLabels;
  /** The path of containers read so far, as states; -1 for one being skipped. */
  private readonly path: number[] = [];
  /** The key just read, in an object the reader follows. */
  private lastKey = '';
  private slot = -1;
  /** The name of the label just read (for a message). */
  private labelName = '';
  private valueIndex = 0;
  /** Elements of `data.result` so far: the index of the current one is this minus one. */
  private elements = 0;
  private rowMetric = MISSING;
  private rowValue = MISSING;
  /**
   * Whether each label of the row's metric holds a string, by name, in the order JSON.parse
   * would list them: a repeated label keeps its first place and its last value.
   */
  private rowLabels: Record<string, boolean> = Object.create(null);
  private firstProblem: string | undefined;

  /** `values` interns the label values (into the builder's strings, say). */
  constructor(values: ByteInterner, onRow: RowHandler) {
    this.labels = new RowLabels(values);
    this.onRow = onRow;
  }

  /** A row of the common shape, read from its bytes in one go (readPlainRow). */
  wholeObject(buf: Buffer, p: number): number {
    if (this.where !== RESULT) return -1;
    const end = readPlainRow(buf, p, this.labels);
    if (end !== -1) {
      this.elements++;
      this.row();
    }
    return end;
  }

  private row(): void {
    this.summary.rows++;
    this.onRow(this.labels.ids, this.labels.value);
  }

  /**
   * The first element of `data.result` that is not a vector sample
   * (`{"metric": {name: "string"}, "value": [time, "number"]}`), as `result[i]: what was wrong`;
   * undefined when every one was. Such a row is not handed on.
   */
  get problem(): string | undefined {
    return this.firstProblem;
  }

  private refuse(what: string): void {
    this.firstProblem ??= `result[${this.elements - 1}]: ${what}`;
  }

  /** A row read token by token closes: handed on when it was a vector sample. */
  private closeRow(): void {
    if (this.rowMetric !== GOOD) this.refuse('metric is not an object');
    else if (this.badLabel !== undefined) this.refuse(`metric.${this.badLabel} is not a string`);
    else if (this.rowValue !== GOOD) this.refuse('value is not [time, "number"]');
    else this.row();
  }

  private get where(): number {
    return this.path.length === 0 ? -2 : this.path[this.path.length - 1]!;
  }

  /** An element of `warnings` or `infos` (one that is not a string still counts). */
  private annotate(where: number, text: string): void {
    const list = where === WARNINGS ? this.summary.warnings : this.summary.infos;
    if (list.length < MAX_ANNOTATIONS) list.push(text);
    else if (list.length === MAX_ANNOTATIONS) list.push('and more');
  }

  /** A value other than an object or array, met where the reader is. */
  private scalarAt(where: number, kind: 'string' | 'number' | 'literal'): void {
    if (where === WARNINGS || where === INFOS) this.annotate(where, `(a ${kind}, not a string)`);
    else if (where === RESULT) {
      this.elements++;
      this.refuse('not an object');
    } else if (where === ROW) this.rowMember(false);
    else if (where === METRIC) this.rowLabels[this.labelName] = kind === 'string';
    else if (where === VALUE) {
      // [time, "number"]: a number, then a string, then nothing.
      const expected = this.valueIndex === 0 ? 'number' : this.valueIndex === 1 ? 'string' : undefined;
      if (kind !== expected) this.rowValue = BAD;
    }
  }

  /** A member of a row that is not an object or array: `metric` and `value` are then wrong. */
  private rowMember(isArray: boolean): void {
    if (this.lastKey === 'metric') this.rowMetric = BAD;
    else if (this.lastKey === 'value' && !isArray) this.rowValue = BAD;
  }

  /** The first label of the row's metric whose (last) value is not a string. */
  private get badLabel(): string | undefined {
    for (const name in this.rowLabels) if (!this.rowLabels[name]) return name;
    return undefined;
  }

  private startMetric(): void {
    this.rowLabels = Object.create(null);
  }

  private open(kind: 'object' | 'array'): void {
    const where = this.where;
    let next = -1;
    if (where === -2) {
      if (kind === 'object') {
        next = ROOT;
        this.summary.rootIsObject = true;
      }
    } else if (where === ROOT && kind === 'object' && this.lastKey === 'data') next = DATA;
    else if (where === ROOT && kind === 'array' && this.lastKey === 'warnings') next = WARNINGS;
    else if (where === ROOT && kind === 'array' && this.lastKey === 'infos') next = INFOS;
    else if (where === DATA && kind === 'array' && this.lastKey === 'result') {
      next = RESULT;
      this.summary.resultIsList = true;
    } else if (where === RESULT) {
      this.elements++;
      if (kind === 'object') {
        next = ROW;
        this.labels.startRow();
        this.rowMetric = MISSING;
        this.rowValue = MISSING;
        this.startMetric();
      } else this.refuse('not an object');
    } else if (where === ROW && kind === 'object' && this.lastKey === 'metric') {
      next = METRIC;
      // A repeated key counts as its last occurrence, as JSON.parse reads it.
      this.rowMetric = GOOD;
      this.startMetric();
      const value = this.labels.value;
      this.labels.startRow();
      this.labels.value = value;
    } else if (where === ROW && kind === 'array' && this.lastKey === 'value') {
      next = VALUE;
      this.valueIndex = 0;
      this.rowValue = GOOD;
    } else if (where === ROW) this.rowMember(kind === 'array');
    else if (where === METRIC) this.rowLabels[this.labelName] = false;
    else if (where === VALUE) this.rowValue = BAD;
    else if (where === WARNINGS || where === INFOS) this.annotate(where, `(an ${kind}, not a string)`);
    this.path.push(next);
  }

  openObject(): void {
    this.open('object');
  }

  openArray(): void {
    this.open('array');
  }

  close(): void {
    const was = this.path.pop();
    if (was === ROW) this.closeRow();
    else if (was === VALUE && this.valueIndex !== 2) this.rowValue = BAD;
    if (this.where === VALUE) this.valueIndex++;
  }

  key(buf: Buffer, start: number, end: number, escaped: boolean): void {
    const where = this.where;
    if (where === METRIC) {
      this.slot = this.labels.slotOfKey(buf, start, end, escaped);
      // Only a label the engine does not read is decoded, and only to name it in a message.
      this.labelName = this.slot === -1 ? jsonString(buf, start, end, escaped) : CALL_LABEL_SLOTS[this.slot]!;
    } else if (where === ROW) {
      // Two keys per row, the same every time: matched on their bytes, never decoded.
      this.lastKey = escaped ? jsonString(buf, start, end, true) : rowKey(buf, start, end);
    } else if (where === ROOT || where === DATA) {
      this.lastKey = jsonString(buf, start, end, escaped);
    }
  }

  string(buf: Buffer, start: number, end: number, escaped: boolean): void {
    const where = this.where;
    if (where === METRIC) {
      if (this.slot !== -1) this.labels.setValue(this.slot, buf, start, end, escaped);
      this.rowLabels[this.labelName] = true;
    } else if (where === VALUE) {
      if (this.valueIndex === 1) this.labels.value = Number(jsonString(buf, start, end, escaped));
      this.scalarAt(where, 'string');
      this.valueIndex++;
    } else if (where === ROOT) {
      const text = jsonString(buf, start, end, escaped);
      if (this.lastKey === 'status') this.summary.status = text;
      else if (this.lastKey === 'errorType') this.summary.errorType = text;
      else if (this.lastKey === 'error') this.summary.error = text;
      else if (this.lastKey === 'warnings') this.annotate(WARNINGS, text);
    } else if (where === DATA && this.lastKey === 'resultType') {
      this.summary.resultType = jsonString(buf, start, end, escaped);
    } else if (where === WARNINGS || where === INFOS) {
      this.annotate(where, jsonString(buf, start, end, escaped));
    } else this.scalarAt(where, 'string');
  }

  number(buf: Buffer, start: number, end: number): void {
    this.scalar(Number(buf.toString('latin1', start, end)), 'number');
  }

  literal(_value: boolean | null): void {
    this.scalar(Number.NaN, 'literal');
  }

  private scalar(value: number, kind: 'number' | 'literal'): void {
    const where = this.where;
    if (where === VALUE) {
      if (this.valueIndex === 1) this.labels.value = value;
      this.scalarAt(where, kind);
      this.valueIndex++;
    } else this.scalarAt(where, kind);
  }
}
