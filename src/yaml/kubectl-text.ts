// The text of a YAML file as kubectl reads it. cli-runtime's FileVisitor (pkg/resource/
// visitor.go) reads every file through golang.org/x/text's unicode.BOMOverride(UTF8 decoder):
// a UTF-16 byte order mark, in either byte order, makes the file UTF-16; anything else is
// UTF-8. Windows PowerShell 5 writes UTF-16 with a mark (`kubectl get clientintents -o yaml >
// intents.yaml`), and kubectl applies that file: read as UTF-8 it held no ClientIntents here.
// Bytes that are not UTF-16 become U+FFFD, as in Go's decoder. A UTF-8 mark is left in the text,
// where the YAML readers already skip it.

const UTF16LE = new TextDecoder('utf-16le');
const UTF16BE = new TextDecoder('utf-16be');

/** The UTF-16 decoder a byte order mark at the start calls for, or undefined (UTF-8). */
function utf16Decoder(bytes: Uint8Array): TextDecoder | undefined {
  if (bytes.length < 2) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return UTF16LE;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return UTF16BE;
  return undefined;
}

/** The file's bytes as text, decoded by its byte order mark as kubectl decodes them. */
export function yamlTextOf(bytes: Uint8Array): string {
  const utf16 = utf16Decoder(bytes);
  if (utf16 !== undefined) return utf16.decode(bytes.subarray(2));
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** Whether the bytes are UTF-16 to kubectl (a UTF-16 byte order mark). */
export function isUtf16(bytes: Uint8Array): boolean {
  return utf16Decoder(bytes) !== undefined;
}
