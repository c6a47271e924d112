import { safeLine, showControlChars } from './safe-text.ts';
import { ISSUES_URL, VERSION } from './version.ts';

/**
 * Bad usage, bad input or an unreachable source: the CLI prints `file:line: message`
 * on one line and exits 2. Nothing else in the code decides an exit code. The message often
 * quotes outside text (a value from a file, a library's words): it is kept to one line with
 * every control character escaped, and credentials scrubbed, from the start.
 */
export class InputError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;
  /** What kind of refusal it is, when a caller may act on it (PROMETHEUS_TOO_MANY_SAMPLES). */
  readonly code: string | undefined;

  constructor(message: string, where?: { file?: string; line?: number; code?: string }) {
    super(safeLine(message));
    this.name = 'InputError';
    this.file = where?.file;
    this.line = where?.line;
    this.code = where?.code;
  }

  /** `file:line: message`, `file: message` or `message`. */
  override toString(): string {
    if (this.file === undefined) return this.message;
    const file = showControlChars(this.file);
    const at = this.line === undefined ? file : `${file}:${this.line}`;
    return `${at}: ${this.message}`;
  }
}

/**
 * The one line for an exception nothing expected: a bug, said as one and worth a report. The
 * CLI and the action print it and exit 2; exit 1 means drift and nothing else.
 */
export function internalError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return (
    `intent-drift: internal error: ${safeLine(message)} ` +
    `(a bug in intent-drift ${VERSION}: please report it at ${ISSUES_URL} with the command or workflow step ` +
    'that caused it; INTENT_DRIFT_DEBUG=1 prints the stack)'
  );
}

export function isInputError(err: unknown): err is InputError {
  return err instanceof InputError;
}
