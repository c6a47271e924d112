// The labels of one result row, interned as they are read, and a reader for the shape nearly
// every row of a Prometheus answer has, straight from its bytes:
//   {"metric":{"k":"v",...},"value":[<number>,"<string>"]}
// with no blanks, escapes or other keys. Anything else answers -1 and the row is read token by
// token (prometheus-answer.ts); what this accepts is valid JSON with the same meaning
// (test/live/prometheus-answer.test.ts compares the two on random and broken answers).
import type { Buffer } from 'node:buffer';
import { ByteInterner } from '../compact/byte-interner.ts';
import { CALL_LABEL_SLOTS, SLOT_COUNT } from '../compact/call-tables.ts';
import { StringTable } from '../compact/string-table.ts';
import { jsonString } from './json-events.ts';

const QUOTE = 34;
const BACKSLASH = 92;
const METRIC_OPEN = bytesOf('{"metric":{');
const VALUE_OPEN = bytesOf(',"value":[');

function bytesOf(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 48 && c <= 57;
}

export class RowLabels {
  /** The row's label values: a string id per slot of CALL_LABEL_SLOTS, -1 when absent. */
  readonly ids = new Int32Array(SLOT_COUNT);
  /** The row's value (the second element of `value`), NaN when it has none. */
  value = Number.NaN;
  private readonly values: ByteInterner;
  private readonly keys = new ByteInterner(new StringTable());
  /** Key id -> slot, or -1. */
  private slotOf = new Int8Array(0);
  /** Per slot, the interner's entry of the previous row's value: rows come grouped. */
  private readonly previous = new Int32Array(SLOT_COUNT).fill(-1);
  /** The key entries of the previous row, position by position: Prometheus sorts label names. */
  private readonly layout = new Int32Array(64).fill(-1);
  private position = 0;

  constructor(values: ByteInterner) {
    this.values = values;
  }

  startRow(): void {
    this.ids.fill(-1);
    this.value = Number.NaN;
    this.position = 0;
  }

  /** The slot of the key in buf[start, end) (its bytes between the quotes), or -1. */
  slotOfKey(buf: Buffer, start: number, end: number, escaped: boolean): number {
    const n = this.position++;
    const guess = n < this.layout.length ? this.layout[n]! : -1;
    let id: number;
    if (escaped) id = this.keys.strings.intern(jsonString(buf, start, end, true));
    else if (guess !== -1 && this.keys.holds(guess, buf, start, end)) id = this.keys.idOf(guess);
    else {
      id = this.keys.intern(buf, start, end);
      if (n < this.layout.length) this.layout[n] = this.keys.lastEntry;
    }
    if (id >= this.slotOf.length) {
      this.slotOf = Int8Array.from(this.keys.strings.values, (name) => CALL_LABEL_SLOTS.indexOf(name));
    }
    return this.slotOf[id]!;
  }

  /** Sets the slot's value from buf[start, end). */
  setValue(slot: number, buf: Buffer, start: number, end: number, escaped: boolean): void {
    if (escaped) {
      this.ids[slot] = this.values.strings.intern(jsonString(buf, start, end, true));
      return;
    }
    const entry = this.previous[slot]!;
    if (entry !== -1 && this.values.holds(entry, buf, start, end)) this.ids[slot] = this.values.idOf(entry);
    else {
      this.ids[slot] = this.values.intern(buf, start, end);
      this.previous[slot] = this.values.lastEntry;
    }
  }
}

/** Whether buf holds `bytes` at p. */
function at(buf: Buffer, p: number, bytes: Uint8Array): boolean {
  if (p + bytes.length > buf.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[p + i] !== bytes[i]) return false;
  return true;
}

/** The end of a string's bytes from p (after its opening quote): its closing quote, or -1 when it has an escape or a control character or runs out. */
function plainStringEnd(buf: Buffer, p: number): number {
  for (let q = p; q < buf.length; q++) {
    const c = buf[q]!;
    if (c === QUOTE) return q;
    if (c === BACKSLASH || c < 32) return -1;
  }
  return -1;
}

/** The end of a JSON number at p, or -1 (not one, or possibly cut by the end of buf). */
function numberEnd(buf: Buffer, p: number): number {
  let q = p;
  if (buf[q] === 45) q++;
  if (buf[q] === 48) q++;
  else if (isDigit(buf[q])) while (isDigit(buf[q])) q++;
  else return -1;
  if (buf[q] === 46) {
    const from = ++q;
    while (isDigit(buf[q])) q++;
    if (q === from) return -1;
  }
  if (buf[q] === 101 || buf[q] === 69) {
    q++;
    if (buf[q] === 43 || buf[q] === 45) q++;
    const from = q;
    while (isDigit(buf[q])) q++;
    if (q === from) return -1;
  }
  return q < buf.length ? q : -1;
}

/**
 * Reads a row of the common shape at p into `labels`; returns where it ends, or -1 (another
 * shape, or not all in buf).
 */
export function readPlainRow(buf: Buffer, p: number, labels: RowLabels): number {
  if (!at(buf, p, METRIC_OPEN)) return -1;
  labels.startRow();
  let q = p + METRIC_OPEN.length;
  if (buf[q] === 125) q++;
  else {
    for (;;) {
      if (buf[q] !== QUOTE) return -1;
      const keyEnd = plainStringEnd(buf, q + 1);
      if (keyEnd === -1 || buf[keyEnd + 1] !== 58 || buf[keyEnd + 2] !== QUOTE) return -1;
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
  if (q === -1 || buf[q] !== 44 || buf[q + 1] !== QUOTE) return -1;
  const end = plainStringEnd(buf, q + 2);
  if (end === -1 || buf[end + 1] !== 93 || buf[end + 2] !== 125) return -1;
  labels.value = Number(buf.toString('utf8', q + 2, end));
  return end + 3;
}
