/**
 * Bad usage, bad input or an unreachable source: the CLI prints `file:line: message`
 * on one line and exits 2. Nothing else in the code decides an exit code.
 */
export class InputError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;

  constructor(message: string, where?: { file?: string; line?: number }) {
    super(message);
    this.name = 'InputError';
    this.file = where?.file;
    this.line = where?.line;
  }

  /** `file:line: message`, `file: message` or `message`. */
  override toString(): string {
    if (this.file === undefined) return this.message;
    const at = this.line === undefined ? this.file : `${this.file}:${this.line}`;
    return `${at}: ${this.message}`;
  }
}

export function isInputError(err: unknown): err is InputError {
  return err instanceof InputError;
}
