import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

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
function isInputError(err) {
  return err instanceof InputError;
}

export {
  InputError,
  isInputError
};
