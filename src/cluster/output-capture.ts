// What the process runner keeps of a command's output, and how much. Output shown in the log is
// split into lines, masked, and kept as a bounded tail for failure messages; a line longer than a
// log can use is cut (its length said), so a tool that writes gigabytes without a newline costs
// no more memory than one that writes short lines. Output the caller reads as data (kubectl's
// JSON) is kept whole, up to a bound past which the command is ended rather than read in part.

/** Kept per stream: the tail is what failure messages quote. */
export const MAX_CAPTURE = 256 * 1024;
/** A logged line longer than this is cut, with how many characters were left out. */
export const MAX_LINE = 64 * 1024;
/** Output read as data is kept whole up to this many characters; more ends the command. */
export const MAX_READ = 16 * 1024 * 1024;

/**
 * `text` without an end that begins a secret: a line cut there would otherwise keep the start
 * of a secret that the cut separated from its rest, which the mask, matching whole secrets only,
 * cannot see. One cut, so at most one secret straddles it: the longest such end goes, once (a
 * few characters of the line's own may go with it).
 */
export function withoutSecretStart(text: string, secrets: readonly string[]): string {
  return text.slice(0, text.length - longestSecretPiece(text, secrets, 'start'));
}

/** `text` without a start that ends a secret: the other side of a cut, as withoutSecretStart. */
export function withoutSecretEnd(text: string, secrets: readonly string[]): string {
  return text.slice(longestSecretPiece(text, secrets, 'end'));
}

/**
 * The length of the longest end of `text` that begins a secret (`start`: a secret's start left
 * at the text's end), or of its start that ends one (`end`); 0 when none. Secrets shorter than
 * four characters are never masked, so never looked for.
 */
function longestSecretPiece(text: string, secrets: readonly string[], piece: 'start' | 'end'): number {
  let longest = 0;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (let k = Math.min(secret.length - 1, text.length); k > longest; k--) {
      const found = piece === 'start' ? text.endsWith(secret.slice(0, k)) : text.startsWith(secret.slice(-k));
      if (found) {
        longest = k;
        break;
      }
    }
  }
  return longest;
}

/** Characters kept of each end of a line longer than MAX_LINE. */
const LINE_END_CHARS = MAX_LINE / 2;

/**
 * Splits a stream into lines, masked, for the log, and keeps the tail of the masked text for
 * messages. Masked line by line before the tail is cut: a cut through raw text could fall inside
 * a token and keep its end unmasked. A line longer than MAX_LINE keeps its first and last
 * LINE_END_CHARS characters (an error is often at the end) and says how many it left out.
 */
export class LineCapture {
  /** The current line so far while it is at most MAX_LINE characters. */
  private pending = '';
  /** Past MAX_LINE: the line's first and last characters, and its length so far. */
  private long: { head: string; tail: string; length: number } | undefined;
  private kept = '';
  private readonly mask: (text: string) => string;
  private readonly secrets: readonly string[];
  private readonly onLine: (line: string) => void;

  constructor(mask: (text: string) => string, secrets: readonly string[], onLine: (line: string) => void) {
    this.mask = mask;
    this.secrets = secrets;
    this.onLine = onLine;
  }

  push(text: string): void {
    let done = '';
    for (let start = 0; ; ) {
      const newline = text.indexOf('\n', start);
      this.add(text.slice(start, newline === -1 ? text.length : newline));
      if (newline === -1) break;
      const { line, cr } = this.line(true);
      this.onLine(line);
      done += `${line}${cr ? '\r\n' : '\n'}`;
      start = newline + 1;
    }
    if (done !== '') this.keep(done);
  }

  finish(): string {
    if (this.pending !== '' || this.long !== undefined) {
      const { line } = this.line(false);
      this.onLine(line);
      this.keep(line);
    }
    return this.kept;
  }

  private add(piece: string): void {
    if (piece === '') return;
    const long = this.long;
    if (long !== undefined) {
      long.length += piece.length;
      long.tail = (long.tail + piece).slice(-LINE_END_CHARS);
      return;
    }
    this.pending += piece;
    // A `\r` last may be the ending's (`\r\n`): a line of MAX_LINE characters and its `\r` is whole.
    if (this.pending.length > MAX_LINE + (this.pending.endsWith('\r') ? 1 : 0)) {
      const { pending } = this;
      this.long = {
        head: pending.slice(0, LINE_END_CHARS),
        tail: pending.slice(-LINE_END_CHARS),
        length: pending.length,
      };
      this.pending = '';
    }
  }

  /**
   * The current line, masked; `ended`: by a newline, whose `\r` is the ending's, not the line's.
   * Then a new line starts.
   */
  private line(ended: boolean): { line: string; cr: boolean } {
    const { long } = this;
    let line: string;
    let cr: boolean;
    if (long === undefined) {
      cr = ended && this.pending.endsWith('\r');
      line = this.mask(cr ? this.pending.slice(0, -1) : this.pending);
    } else {
      cr = ended && long.tail.endsWith('\r');
      const tail = cr ? long.tail.slice(0, -1) : long.tail;
      const left = long.length - (cr ? 1 : 0) - long.head.length - tail.length;
      line =
        left === 0
          ? this.mask(long.head + tail)
          : `${withoutSecretStart(this.mask(long.head), this.secrets)} ... (${left} character${left === 1 ? '' : 's'} not shown) ... ${withoutSecretEnd(this.mask(tail), this.secrets)}`;
    }
    this.pending = '';
    this.long = undefined;
    return { line, cr };
  }

  private keep(text: string): void {
    this.kept = (this.kept + text).slice(-MAX_CAPTURE);
  }
}

/**
 * Output read as data, kept whole and masked once at the end (a secret spanning lines is masked
 * as one). Past MAX_READ characters it keeps nothing more and calls `onOverflow` once.
 */
export class WholeCapture {
  private readonly pieces: string[] = [];
  private length = 0;
  overflowed = false;
  private readonly mask: (text: string) => string;
  private readonly onOverflow: () => void;

  constructor(mask: (text: string) => string, onOverflow: () => void) {
    this.mask = mask;
    this.onOverflow = onOverflow;
  }

  push(text: string): void {
    if (this.overflowed) return;
    this.length += text.length;
    if (this.length > MAX_READ) {
      this.overflowed = true;
      this.pieces.length = 0;
      this.onOverflow();
      return;
    }
    this.pieces.push(text);
  }

  finish(): string {
    return this.overflowed ? '' : this.mask(this.pieces.join(''));
  }
}
