import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/version.ts
var VERSION = "0.1.0";
var ISSUES_URL = "https://github.com/intent-drift/intent-drift/issues";

// src/errors.ts
var InputError = class extends Error {
  file;
  line;
  constructor(message, where) {
    super(message);
    this.name = "InputError";
    this.file = where?.file;
    this.line = where?.line;
  }
  /** `file:line: message`, `file: message` or `message`. */
  toString() {
    if (this.file === void 0) return this.message;
    const at = this.line === void 0 ? this.file : `${this.file}:${this.line}`;
    return `${at}: ${this.message}`;
  }
};
function internalError(err) {
  const message = err instanceof Error ? err.message : String(err);
  return `intent-drift: internal error: ${message.split("\n")[0] ?? ""} (a bug in intent-drift ${VERSION}: please report it at ${ISSUES_URL} with the command or workflow step that caused it; INTENT_DRIFT_DEBUG=1 prints the stack)`;
}
function isInputError(err) {
  return err instanceof InputError;
}

export {
  VERSION,
  InputError,
  internalError,
  isInputError
};
