// An instant query's answer from Prometheus' HTTP API, read as a stream of JSON events
// (`{"status":"success","data":{"resultType":"vector","result":[{"metric":{...},"value":[t,"v"]},...]}}`):
// each result row is handed on as it arrives, its label values interned from their bytes, so
// an answer of a million rows is never held whole, as text or as objects.
import { Buffer } from 'node:buffer';
import type { ByteInterner } from '../compact/byte-interner.ts';
import { type JsonHandler, jsonString } from './json-events.ts';
import { RowLabels, readPlainRow } from './prometheus-row.ts';

/** What the answer said besides its rows. */
export interface AnswerSummary {
  status?: string;
  errorType?: string;
  error?: string;
  resultType?: string;
  /** `data.result` was an array of objects. */
  resultIsList: boolean;
  rows: number;
}

// Where the reader is: the nesting it expects, one level per state.
const ROOT = 0;
const DATA = 1;
const RESULT = 2;
const ROW = 3;
const METRIC = 4;
const VALUE = 5;

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

export class VectorAnswerReader implements JsonHandler {
  readonly summary: AnswerSummary = { resultIsList: false, rows: 0 };
  private readonly onRow: RowHandler;
  private readonly labels: RowLabels;
  /** The path of containers read so far, as states; -1 for one being skipped. */
  private readonly path: number[] = [];
  /** The key just read, in an object the reader follows. */
  private lastKey = '';
  private slot = -1;
  private valueIndex = 0;
  private malformed = false;

  /** `values` interns the label values (into the builder's strings, say). */
  constructor(values: ByteInterner, onRow: RowHandler) {
    this.labels = new RowLabels(values);
    this.onRow = onRow;
  }

  /** A row of the common shape, read from its bytes in one go (readPlainRow). */
  wholeObject(buf: Buffer, p: number): number {
    if (this.where !== RESULT) return -1;
    const end = readPlainRow(buf, p, this.labels);
    if (end !== -1) this.row();
    return end;
  }

  private row(): void {
    this.summary.rows++;
    this.onRow(this.labels.ids, this.labels.value);
  }

  /** A row's shape was not a vector sample's (a matrix, a scalar, something else). */
  get malformedRows(): boolean {
    return this.malformed;
  }

  private get where(): number {
    return this.path.length === 0 ? -2 : this.path[this.path.length - 1]!;
  }

  private open(kind: 'object' | 'array'): void {
    const where = this.where;
    let next = -1;
    if (where === -2 && kind === 'object') next = ROOT;
    else if (where === ROOT && kind === 'object' && this.lastKey === 'data') next = DATA;
    else if (where === DATA && kind === 'array' && this.lastKey === 'result') {
      next = RESULT;
      this.summary.resultIsList = true;
    } else if (where === RESULT) {
      if (kind === 'object') {
        next = ROW;
        this.labels.startRow();
      } else this.malformed = true;
    } else if (where === ROW && kind === 'object' && this.lastKey === 'metric') {
      next = METRIC;
    } else if (where === ROW && kind === 'array' && this.lastKey === 'value') {
      next = VALUE;
      this.valueIndex = 0;
    } else if (where === METRIC) this.malformed = true;
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
    if (was === ROW) this.row();
    if (this.where === VALUE) this.valueIndex++;
  }

  key(buf: Buffer, start: number, end: number, escaped: boolean): void {
    const where = this.where;
    if (where === METRIC) {
      this.slot = this.labels.slotOfKey(buf, start, end, escaped);
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
    } else if (where === VALUE) {
      if (this.valueIndex === 1) this.labels.value = Number(jsonString(buf, start, end, escaped));
      this.valueIndex++;
    } else if (where === ROOT) {
      const text = jsonString(buf, start, end, escaped);
      if (this.lastKey === 'status') this.summary.status = text;
      else if (this.lastKey === 'errorType') this.summary.errorType = text;
      else if (this.lastKey === 'error') this.summary.error = text;
    } else if (where === DATA && this.lastKey === 'resultType') {
      this.summary.resultType = jsonString(buf, start, end, escaped);
    } else if (where === RESULT) this.malformed = true;
  }

  number(buf: Buffer, start: number, end: number): void {
    this.scalar(Number(buf.toString('latin1', start, end)));
  }

  literal(_value: boolean | null): void {
    this.scalar(Number.NaN);
  }

  private scalar(value: number): void {
    const where = this.where;
    if (where === VALUE) {
      if (this.valueIndex === 1) this.labels.value = value;
      this.valueIndex++;
    } else if (where === METRIC || where === RESULT) this.malformed = true;
  }
}
