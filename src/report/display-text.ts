// Text from traffic and files (names, paths, warnings) shown to people: never let it carry
// terminal escapes, line breaks or invisible direction changes into the output.

// C0 controls, DEL, C1 controls, line/paragraph separators, bidi embeddings and isolates.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// The same, to test: most text has none, and a test costs less than a replace that finds nothing.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const HAS_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The text on one line, each unsafe character shown as an escape (`\n`, `\x1b`, `\u202e`). */
export function showControlChars(text: string): string {
  if (!HAS_UNSAFE.test(text)) return text;
  return text.replace(UNSAFE_CHARS, (char) => {
    const named = NAMED_ESCAPES[char];
    if (named !== undefined) return named;
    const code = char.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** `name.namespace`, the way Otterize names a workload across namespaces. */
export function qualifiedName(ref: { name: string; namespace: string }): string {
  return `${ref.name}.${ref.namespace}`;
}

/** A server as an intents target names it: `nginx` in the client's namespace, else `nginx.other`. */
export function targetName(server: { name: string; namespace: string }, clientNamespace: string): string {
  return server.namespace === clientNamespace ? server.name : qualifiedName(server);
}

/** `1 call`, `2 calls`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Requests for HTTP and gRPC, connections for TCP. */
export function countLabel(count: number, protocol: string): string {
  return protocol === 'tcp' ? plural(count, 'connection') : plural(count, 'request');
}
