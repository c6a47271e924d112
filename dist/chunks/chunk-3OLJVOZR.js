import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/safe-text.ts
import { Buffer } from "node:buffer";
var UNSAFE_CHARS = (
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g
);
var HAS_UNSAFE = new RegExp(UNSAFE_CHARS.source);
var UNSAFE_BEYOND_C0 = /[\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;
var NAMED_ESCAPES = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
var LEGACY_COMMAND = "##[";
function hasUnsafeChars(text) {
  return HAS_UNSAFE.test(text) || text.includes(LEGACY_COMMAND);
}
function escapeOf(char) {
  const named = NAMED_ESCAPES[char];
  if (named !== void 0) return named;
  const code = char.charCodeAt(0);
  return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}
function showControlChars(text) {
  if (!hasUnsafeChars(text)) return text;
  return text.replace(UNSAFE_CHARS, escapeOf).replaceAll(LEGACY_COMMAND, "##\\x5b");
}
function jsonWithEscapes(json) {
  if (Buffer.byteLength(json, "utf8") === json.length && !json.includes("\x7F") && !json.includes(LEGACY_COMMAND))
    return json;
  return json.replace(UNSAFE_BEYOND_C0, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`).replaceAll(LEGACY_COMMAND, "##\\u005b");
}
var URL_IN_TEXT = /\b[a-z][a-z0-9+.-]{0,30}:\/\/[^\s"'<>()[\]{}`]+/gi;
var SECRET_FIELD = /\b((?:access[-_]?|id[-_]?|refresh[-_]?|auth[-_]?|bearer[-_]?)?token|password|passwd|secret|api[-_]?key|client-key-data|client-key|authorization|private[-_]?key)(["']?\s*[:=]\s*["']?)(?:(?:bearer|basic)\s+)?[^\s"',;&]+/gi;
var CODE_FRAME_LINE = /^\s*(?:>\s*)?\d+\s*\|.*$|^\s*-+\^\s*$/gm;
function shownUrl(url) {
  try {
    const u = new URL(url);
    if (u.host === "") return `${u.protocol}//\u2026`;
    return `${u.protocol}//${u.host}${u.pathname === "/" ? "" : u.pathname}`;
  } catch {
    const cut = url.replace(/\/\/[^/]*@/, "//").replace(/[?#].*$/, "");
    return cut;
  }
}
function scrubSecrets(message) {
  return message.replace(CODE_FRAME_LINE, "").replace(/\n{2,}/g, "\n").trim().replace(URL_IN_TEXT, shownUrl).replace(SECRET_FIELD, (_match, key, separator) => `${key}${separator}***`);
}
function safeLine(message) {
  return showControlChars(scrubSecrets(message));
}

// src/version.ts
var VERSION = "0.1.0";
var ISSUES_URL = "https://github.com/intent-drift/intent-drift/issues";

// src/errors.ts
var InputError = class extends Error {
  file;
  line;
  /** What kind of refusal it is, when a caller may act on it (PROMETHEUS_TOO_MANY_SAMPLES). */
  code;
  constructor(message, where) {
    super(safeLine(message));
    this.name = "InputError";
    this.file = where?.file;
    this.line = where?.line;
    this.code = where?.code;
  }
  /** `file:line: message`, `file: message` or `message`. */
  toString() {
    if (this.file === void 0) return this.message;
    const file = showControlChars(this.file);
    const at = this.line === void 0 ? file : `${file}:${this.line}`;
    return `${at}: ${this.message}`;
  }
};
function internalError(err) {
  const message = err instanceof Error ? err.message : String(err);
  return `intent-drift: internal error: ${safeLine(message)} (a bug in intent-drift ${VERSION}: please report it at ${ISSUES_URL} with the command or workflow step that caused it; INTENT_DRIFT_DEBUG=1 prints the stack)`;
}
function isInputError(err) {
  return err instanceof InputError;
}

// src/kubernetes-names.ts
var MAX_SUBDOMAIN = 253;
var MAX_LABEL = 63;
function isLowerAlnum(code) {
  return code >= 97 && code <= 122 || code >= 48 && code <= 57;
}
function isLabelPart(text, from, to) {
  if (to <= from) return false;
  if (!isLowerAlnum(text.charCodeAt(from)) || !isLowerAlnum(text.charCodeAt(to - 1))) return false;
  for (let i = from + 1; i < to - 1; i++) {
    const code = text.charCodeAt(i);
    if (!isLowerAlnum(code) && code !== 45) return false;
  }
  return true;
}
function isDnsLabel(name) {
  return name.length <= MAX_LABEL && isLabelPart(name, 0, name.length);
}
function isDnsSubdomain(name) {
  if (name.length === 0 || name.length > MAX_SUBDOMAIN) return false;
  let from = 0;
  for (; ; ) {
    const dot = name.indexOf(".", from);
    const to = dot === -1 ? name.length : dot;
    if (!isLabelPart(name, from, to)) return false;
    if (dot === -1) return true;
    from = dot + 1;
  }
}
function isKindName(kind) {
  return /^[A-Z][A-Za-z0-9]{0,62}$/.test(kind);
}
function isAlnum(code) {
  return isLowerAlnum(code) || code >= 65 && code <= 90;
}
function isLabelName(text) {
  if (text.length === 0 || text.length > MAX_LABEL) return false;
  if (!isAlnum(text.charCodeAt(0)) || !isAlnum(text.charCodeAt(text.length - 1))) return false;
  for (let i = 1; i < text.length - 1; i++) {
    const code = text.charCodeAt(i);
    if (!isAlnum(code) && code !== 45 && code !== 95 && code !== 46) return false;
  }
  return true;
}
function isLabelKey(key) {
  const slash = key.indexOf("/");
  if (slash === -1) return isLabelName(key);
  if (key.indexOf("/", slash + 1) !== -1) return false;
  return isDnsSubdomain(key.slice(0, slash)) && isLabelName(key.slice(slash + 1));
}
function isLabelValue(value) {
  return value === "" || isLabelName(value);
}

// src/observe/name-gate.ts
var MAX_EXAMPLES = 3;
var EXAMPLE_CHARS = 80;
function shown(text) {
  const cut = text.length > EXAMPLE_CHARS ? `${text.slice(0, EXAMPLE_CHARS)}\u2026` : text;
  return `"${showControlChars(cut)}"`;
}
var NameGate = class {
  refused = 0;
  examples = [];
  /** Whether every name of the call may enter the map; counts the call when not. */
  admit(call) {
    const bad = badWorkload(call.client) ?? badWorkload(call.server) ?? badService(call.service ?? null);
    if (bad === void 0) return true;
    this.refuse(bad);
    return false;
  }
  /**
   * Counts one refused unit; `bad` is what badWorkload or badService said of its first bad name
   * (for readers that check each distinct name once and remember the verdict).
   */
  refuse(bad) {
    this.refused++;
    if (this.examples.length < MAX_EXAMPLES && !this.examples.includes(bad)) this.examples.push(bad);
  }
  /** What this gate refused, to hand to another (a metrics worker's answer). */
  export() {
    return { count: this.refused, examples: [...this.examples] };
  }
  /** Adds what another gate refused, after what this one did. */
  absorb(other) {
    this.refused += other.count;
    for (const bad of other.examples) {
      if (this.examples.length < MAX_EXAMPLES && !this.examples.includes(bad)) this.examples.push(bad);
    }
  }
  /** Whether this one workload name may be used (e.g. a pod's workload-name annotation). */
  admitWorkload(ref) {
    return this.admit({ client: ref, server: null });
  }
  get count() {
    return this.refused;
  }
  /** The one warning, or undefined when nothing was left out; `what` names the unit counted. */
  warning(what) {
    if (this.refused === 0) return void 0;
    return `${this.refused} ${what} left out: workload names must be Kubernetes object names (DNS-1123 subdomains) and namespaces and Services DNS-1123 labels; e.g. ${this.examples.join(", ")}`;
  }
};
function badWorkload(ref) {
  if (ref === null) return void 0;
  if (!isDnsSubdomain(ref.name)) return `workload ${shown(ref.name)}`;
  if (!isDnsLabel(ref.namespace)) return `namespace ${shown(ref.namespace)}`;
  return void 0;
}
function badService(ref) {
  if (ref === null) return void 0;
  if (!isDnsLabel(ref.name)) return `service ${shown(ref.name)}`;
  if (!isDnsLabel(ref.namespace)) return `namespace ${shown(ref.namespace)}`;
  return void 0;
}

export {
  hasUnsafeChars,
  showControlChars,
  jsonWithEscapes,
  scrubSecrets,
  safeLine,
  VERSION,
  InputError,
  internalError,
  isInputError,
  isDnsLabel,
  isDnsSubdomain,
  isKindName,
  isLabelKey,
  isLabelValue,
  NameGate,
  badWorkload,
  badService
};
