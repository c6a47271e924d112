// The text of a YAML file as kubectl reads it. cli-runtime's FileVisitor (pkg/resource/
// visitor.go) reads every file through golang.org/x/text's unicode.BOMOverride(UTF8 decoder):
// a UTF-16 byte order mark, in either byte order, makes the file UTF-16; anything else is
// UTF-8. Windows PowerShell 5 writes UTF-16 with a mark (`kubectl get clientintents -o yaml >
// intents.yaml`), and kubectl applies that file: read as UTF-8 it held no ClientIntents here.
// Bytes that are not UTF-16 become U+FFFD, as in Go's decoder. A UTF-8 mark is left in the text,
// where the YAML readers already skip it.

const UTF16LE = new TextDecoder('utf-16le');
const UTF16BE = new TextDecoder('utf-16be');

/** The file's bytes as text, decoded by its byte order mark as kubectl decodes them. */
export function yamlTextOf(bytes: Uint8Array): string {
  if (bytes.length >= 2) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return UTF16LE.decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return UTF16BE.decode(bytes.subarray(2));
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** Whether the bytes are UTF-16 to kubectl (a UTF-16 byte order mark). */
export function isUtf16(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  );
}

/**
 * NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR end a line for go-yaml (its scanner's is_break,
 * from libyaml: YAML 1.1's line breaks) and not for YAML 1.2, which this package reads. Raw in a
 * file, one makes kubectl read other content than the check: `# note<U+2028>  http: [...]` is a
 * comment here and a key to kubectl. JSON (a stream starting with `{`, as apimachinery's
 * YAMLOrJSONDecoder tells them apart) is decoded as JSON by kubectl, where they are characters.
 */
const KUBECTL_ONLY_BREAKS = /[\u0085\u2028\u2029]/;
const BREAK_NAMES: Record<string, string> = {
  '\u0085': 'U+0085 (NEXT LINE)',
  '\u2028': 'U+2028 (LINE SEPARATOR)',
  '\u2029': 'U+2029 (PARAGRAPH SEPARATOR)',
};

/** Where a YAML text holds a line break only kubectl sees, and which: undefined when none does. */
export function kubectlOnlyLineBreak(text: string): { line: number; name: string } | undefined {
  const at = text.search(KUBECTL_ONLY_BREAKS);
  if (at === -1 || /^\s*\{/.test(text)) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return { line, name: BREAK_NAMES[text[at]!]! };
}
