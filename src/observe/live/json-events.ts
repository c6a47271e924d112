// A streaming JSON reader over bytes: it hands each token to a handler as it meets it
// (strings and numbers as byte ranges of the current chunk, never decoded unless the handler
// asks), so an answer of hundreds of megabytes is read in the memory of one chunk. It accepts
// exactly what JSON.parse accepts (test/live/json-events.test.ts compares them on random and
// mutated texts cut into random chunks); a token cut by a chunk boundary is carried over.
import { Buffer } from 'node:buffer';

export interface JsonHandler {
  openObject(): void;
  openArray(): void;
  /** Closes the innermost object or array. */
  close(): void;
  /** A key: the bytes between its quotes, `escaped` when they hold a backslash escape. */
  key(buf: Buffer, start: number, end: number, escaped: boolean): void;
  string(buf: Buffer, start: number, end: number, escaped: boolean): void;
  number(buf: Buffer, start: number, end: number): void;
  literal(value: boolean | null): void;
  /**
   * Optional: reads a whole object starting at buf[p] (`{`) itself and returns where it ends,
   * or -1 to have it read token by token (it must then have changed nothing it will not redo).
   * It must accept only valid JSON, and only what it can read entirely from buf.
   */
  wholeObject?(buf: Buffer, p: number): number;
}

export class JsonSyntaxError extends Error {}

/** A string's value from its bytes between the quotes, as JSON.parse would give it. */
export function jsonString(buf: Buffer, start: number, end: number, escaped: boolean): string {
  const raw = buf.toString('utf8', start, end);
  return escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
}

/** What the next token may be: a value, a key, the colon after a key, `,` or a closing bracket, nothing. */
const State = { Value: 0, Key: 1, Colon: 2, After: 3, Done: 4 } as const;
type State = (typeof State)[keyof typeof State];

const OBJECT = 1;
const ARRAY = 2;
const QUOTE = 34;
const BACKSLASH = 92;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 48 && c <= 57;
}

function isHex(c: number | undefined): boolean {
  return c !== undefined && ((c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102));
}

const LITERALS: [Buffer, boolean | null][] = [
  [Buffer.from('true'), true],
  [Buffer.from('false'), false],
  [Buffer.from('null'), null],
];

/** A token that runs past the end of the chunk: wait for more bytes. */
const MORE = -2;

export class JsonEvents {
  private readonly handler: JsonHandler;
  private readonly maxToken: number;
  private state: State = State.Value;
  /** The previous token opened a container: it may close at once. */
  private justOpened = false;
  private stack = new Uint8Array(64);
  private depth = 0;
  private carry: Buffer | undefined;
  /** Bytes read before the current chunk, for error positions. */
  private offset = 0;

  constructor(handler: JsonHandler, opts: { maxToken?: number } = {}) {
    this.handler = handler;
    this.maxToken = opts.maxToken ?? 64 * 1024 * 1024;
  }

  /** Reads the next bytes of the text. Throws JsonSyntaxError at the first error. */
  write(chunk: Buffer): void {
    let buf = chunk;
    if (this.carry !== undefined) {
      buf = Buffer.concat([this.carry, chunk]);
      this.offset -= this.carry.length;
      this.carry = undefined;
    }
    const stop = this.run(buf, false);
    if (stop < buf.length) {
      if (buf.length - stop > this.maxToken) this.fail(stop, `a token longer than ${this.maxToken} bytes`);
      this.carry = Buffer.from(buf.subarray(stop));
    }
    this.offset += buf.length;
  }

  /** The text is complete: throws JsonSyntaxError unless it was one whole JSON value. */
  end(): void {
    const buf = this.carry ?? Buffer.alloc(0);
    // The carried bytes were counted in offset when they came: an error in them is before it.
    this.offset -= buf.length;
    this.carry = undefined;
    const stop = this.run(buf, true);
    if (stop < buf.length) this.fail(stop, 'unexpected end of the text');
    if (this.state !== State.Done) this.fail(buf.length, 'unexpected end of the text');
  }

  private fail(at: number, message: string): never {
    throw new JsonSyntaxError(`${message} at byte ${this.offset + at}`);
  }

  /** Reads tokens from buf; returns where an unfinished token starts (buf.length when none). */
  private run(buf: Buffer, final: boolean): number {
    let p = 0;
    const n = buf.length;
    while (p < n) {
      const c = buf[p]!;
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
  private token(buf: Buffer, p: number, c: number, final: boolean): number {
    switch (this.state) {
      case State.Value:
        return this.value(buf, p, c, final);
      case State.Key: {
        if (c === 125 && this.justOpened) return this.closeAt(p, OBJECT);
        if (c !== QUOTE) this.fail(p, 'expected a key');
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
        return this.fail(p, 'unexpected text after the value');
    }
  }

  private value(buf: Buffer, p: number, c: number, final: boolean): number {
    if (c === 123 && this.handler.wholeObject !== undefined) {
      const end = this.handler.wholeObject(buf, p);
      if (end !== -1) {
        this.afterValue();
        return end;
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
    let end: number;
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

  private closeAt(p: number, kind: number): number {
    if (this.depth === 0 || this.stack[this.depth - 1] !== kind) this.fail(p, 'unexpected closing bracket');
    this.depth--;
    this.handler.close();
    this.afterValue();
    return p + 1;
  }

  private afterValue(): void {
    this.state = this.depth === 0 ? State.Done : State.After;
    this.justOpened = false;
  }

  /** Whether the last string read held an escape. */
  private escaped = false;

  /** The position after the closing quote of the string opening at p, or MORE. */
  private stringEnd(buf: Buffer, p: number, final: boolean): number {
    const n = buf.length;
    let q = p + 1;
    let escaped = false;
    for (;;) {
      if (q >= n) return final ? this.fail(p, 'unterminated string') : MORE;
      const c = buf[q]!;
      if (c === QUOTE) break;
      if (c < 32) this.fail(q, 'a control character in a string');
      if (c !== BACKSLASH) {
        q++;
        continue;
      }
      escaped = true;
      const e = buf[q + 1];
      if (e === undefined) return final ? this.fail(q, 'unterminated string') : MORE;
      if (e === 117) {
        if (q + 6 > n) return final ? this.fail(q, 'unterminated string') : MORE;
        for (let i = 2; i < 6; i++) if (!isHex(buf[q + i])) this.fail(q, 'a bad \\u escape');
        q += 6;
      } else if (
        e === QUOTE ||
        e === BACKSLASH ||
        e === 47 ||
        e === 98 ||
        e === 102 ||
        e === 110 ||
        e === 114 ||
        e === 116
      ) {
        q += 2;
      } else this.fail(q, 'a bad escape');
    }
    this.escaped = escaped;
    return q + 1;
  }

  /** The end of the number starting at p (JSON's grammar, checked), or MORE. */
  private numberEnd(buf: Buffer, p: number, final: boolean): number {
    const n = buf.length;
    let q = p;
    if (buf[q] === 45) q++;
    const digits = (from: number): number => {
      let i = from;
      while (i < n && isDigit(buf[i])) i++;
      return i;
    };
    if (q >= n) return final ? this.fail(p, 'a bad number') : MORE;
    if (buf[q] === 48) q++;
    else if (isDigit(buf[q])) q = digits(q);
    else this.fail(p, 'a bad number');
    if (q < n && buf[q] === 46) {
      const from = q + 1;
      q = digits(from);
      if (q === from) return q >= n && !final ? MORE : this.fail(p, 'a bad number');
    }
    if (q < n && (buf[q] === 101 || buf[q] === 69)) {
      q++;
      if (q < n && (buf[q] === 43 || buf[q] === 45)) q++;
      const from = q;
      q = digits(from);
      if (q === from) return q >= n && !final ? MORE : this.fail(p, 'a bad number');
    }
    // Digits up to the end of the chunk may go on in the next one.
    if (q >= n && !final) return MORE;
    return q;
  }

  private literalEnd(buf: Buffer, p: number, final: boolean): number {
    for (const [word, value] of LITERALS) {
      if (buf[p] !== word[0]) continue;
      for (let i = 1; i < word.length; i++) {
        if (p + i >= buf.length) return final ? this.fail(p, 'an unknown literal') : MORE;
        if (buf[p + i] !== word[i]) this.fail(p, 'an unknown literal');
      }
      this.handler.literal(value);
      return p + word.length;
    }
    return this.fail(p, 'an unexpected character');
  }
}
