// Parses ONE line of Prometheus text exposition whose metric name the caller already matched.
// Follows the grammar of Prometheus' own text parser (expfmt): optional blanks around label
// tokens, escapes \\ \" \n only, optional trailing comma, value, optional integer timestamp.
import { InputError } from '../errors.ts';

export interface Sample {
  metric: string;
  labels: Record<string, string>;
  value: number;
  /** Line number in the source (for Envoy JSON: the entry's position in `stats`). */
  line: number;
  /** Milliseconds since the epoch, when the line carried one. */
  timestamp?: number;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^-?\d+$/;

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

function isLabelNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isLabelNameChar(c: number): boolean {
  return isLabelNameStart(c) || (c >= 48 && c <= 57);
}

/** Shows a token in an error message without flooding it. */
function shown(token: string): string {
  return JSON.stringify(token.length > 40 ? `${token.slice(0, 40)}...` : token);
}

/** Prometheus values: Go float syntax plus NaN and [+-]Inf (case-insensitive, as Go accepts). */
export function parseSampleValue(token: string): number | undefined {
  if (NUMBER.test(token)) return Number(token);
  switch (token.toLowerCase()) {
    case 'nan':
      return Number.NaN;
    case 'inf':
    case '+inf':
    case 'infinity':
    case '+infinity':
      return Number.POSITIVE_INFINITY;
    case '-inf':
    case '-infinity':
      return Number.NEGATIVE_INFINITY;
    default:
      return undefined;
  }
}

class LineParser {
  readonly text: string;
  pos: number;
  readonly file: string;
  readonly line: number;

  constructor(text: string, start: number, file: string, line: number) {
    this.text = text;
    this.pos = start;
    this.file = file;
    this.line = line;
  }

  fail(message: string): never {
    throw new InputError(message, { file: this.file, line: this.line });
  }

  skipBlanks(): void {
    while (this.pos < this.text.length && isBlank(this.text.charCodeAt(this.pos))) this.pos++;
  }

  token(): string {
    const start = this.pos;
    while (this.pos < this.text.length && !isBlank(this.text.charCodeAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }

  labelName(): string {
    const start = this.pos;
    if (!isLabelNameStart(this.text.charCodeAt(start))) {
      this.fail(
        `expected a label name at column ${start + 1}, found ${shown(this.text.slice(start, start + 10))}`,
      );
    }
    this.pos++;
    while (this.pos < this.text.length && isLabelNameChar(this.text.charCodeAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }

  labelValue(name: string): string {
    let out = '';
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
        if (next === '\\' || next === '"') out += next;
        else if (next === 'n') out += '\n';
        else this.fail(`bad escape ${shown(`\\${next ?? ''}`)} in the value of label "${name}"`);
        this.pos += 2;
        runStart = this.pos;
        continue;
      }
      this.pos++;
    }
    return this.fail(`unterminated value of label "${name}" (missing closing quote)`);
  }

  labels(into: Record<string, string>): void {
    for (;;) {
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
      // defineProperty keeps a label named __proto__ an ordinary key.
      if (name === '__proto__')
        Object.defineProperty(into, name, { value, enumerable: true, writable: true });
      else into[name] = value;
      this.skipBlanks();
      const c = this.text.charCodeAt(this.pos);
      if (c === 44) this.pos++;
      else if (c !== 125) this.fail(`expected "," or "}" after the value of label "${name}"`);
    }
  }
}

/**
 * Parses `text` (one line, no line break) whose first `metric.length` characters are `metric`.
 * Throws InputError(`file:line: ...`) when the line is malformed.
 */
export function parseExpositionLine(text: string, metric: string, file: string, line: number): Sample {
  const p = new LineParser(text, metric.length, file, line);
  const labels: Record<string, string> = {};
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
  if (value === undefined) return p.fail(`non-numeric value ${shown(valueToken)} for ${metric}`);
  const sample: Sample = { metric, labels, value, line };
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
