// Files kept in UTF-16 (PowerShell 5's `kubectl get clientintents -o yaml > file`): kubectl
// decodes them by their byte order mark (cli-runtime's FileVisitor), so the check reads them
// the same, and the editor, which writes UTF-8 only, leaves them alone without harming them.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { readManifests } from '../../src/cluster/workload-plan.ts';
import { loadIntents } from '../../src/declare/load-intents.ts';
import { InputError } from '../../src/errors.ts';
import { isJsonToKubectl } from '../../src/yaml/kubectl-reading.ts';
import { isUtf16, yamlTextOf } from '../../src/yaml/kubectl-text.ts';
import { parseYamlDocuments, readYamlFile } from '../../src/yaml/read-yaml.ts';
import { MAX_YAML_DOCUMENTS, type YamlMap, type YamlScalar, type YamlSeq } from '../../src/yaml/yaml-tree.ts';
import { repoRoot, runCli } from '../cli/run-cli.ts';

const capture = path.join(repoRoot, 'fixtures/demo/capture');
const demoIntents = path.join(repoRoot, 'fixtures/demo/intents');

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
};

let root = '';
const tempDir = async (name: string) => {
  root ||= await mkdtemp(path.join(tmpdir(), 'intent-drift-utf16-'));
  const dir = path.join(root, name);
  await mkdir(dir, { recursive: true });
  return dir;
};
after(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('yamlTextOf (bytes decoded as kubectl decodes them)', () => {
  test('a UTF-16 byte order mark, either order, makes UTF-16; anything else is UTF-8', () => {
    const text = 'name: café\n# ✓\n';
    assert.equal(yamlTextOf(utf16le(text)), text);
    assert.equal(yamlTextOf(utf16be(text)), text);
    assert.equal(yamlTextOf(Buffer.from(text)), text);
    // A UTF-8 mark stays in the text, where the YAML readers skip it.
    assert.equal(yamlTextOf(Buffer.from(`\uFEFF${text}`)), `\uFEFF${text}`);
    assert.equal(yamlTextOf(Buffer.from([0xff])), '\uFFFD');
    assert.equal(yamlTextOf(Buffer.alloc(0)), '');
  });

  test('bytes that are not UTF-16 become U+FFFD, as in Go’s decoder: an odd last byte, a lone surrogate', () => {
    assert.equal(yamlTextOf(Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x62])), 'a\uFFFD');
    assert.equal(yamlTextOf(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x61, 0x00])), '\uFFFDa');
  });

  test('isUtf16 is the byte order mark only', () => {
    assert.equal(isUtf16(utf16le('a')), true);
    assert.equal(isUtf16(utf16be('a')), true);
    assert.equal(isUtf16(Buffer.from('a: 1')), false);
    assert.equal(isUtf16(Buffer.from([0xff])), false);
  });

  test('a mark alone is an empty UTF-16 file; a first byte 0xff without 0xfe after it is UTF-8', () => {
    assert.equal(yamlTextOf(Buffer.from([0xff, 0xfe])), '');
    assert.equal(yamlTextOf(Buffer.from([0xfe, 0xff])), '');
    assert.equal(isUtf16(Buffer.from([0xff, 0xfe])), true);
    // Not UTF-8 either: Go's UTF-8 decoder (and kubectl) make the byte U+FFFD, not UTF-16's U+61FF.
    assert.equal(yamlTextOf(Buffer.from([0xff, 0x61, 0x3a, 0x20, 0x31])), '\uFFFDa: 1');
    assert.equal(isUtf16(Buffer.from([0xff, 0x61])), false);
  });
});

describe('line breaks only kubectl sees (NEL, LS, PS: YAML 1.1’s, go-yaml’s)', () => {
  test('raw in a comment, a value or a quoted string: refused at their line, each named', () => {
    for (const [char, name] of [
      ['\u0085', 'U+0085 (NEXT LINE)'],
      ['\u2028', 'U+2028 (LINE SEPARATOR)'],
      ['\u2029', 'U+2029 (PARAGRAPH SEPARATOR)'],
    ] as const) {
      for (const text of [
        `a: 1\nb: 2 # note${char}  c: 3\n`,
        `a: 1\nb: x${char}y\n`,
        `a: 1\nb: "x${char}y"\n`,
      ]) {
        assert.throws(
          () => parseYamlDocuments(text, 'f.yaml'),
          (err: unknown) => {
            assert.ok(err instanceof InputError);
            assert.equal(err.line, 2);
            assert.ok(err.message.startsWith(`${name} is a line break to kubectl`), err.message);
            return true;
          },
        );
      }
    }
  });

  test('written escaped they are characters to both; in JSON (kubectl decodes it as JSON) raw ones are too', () => {
    const escaped = parseYamlDocuments('a: "x\\u2028y"\n', 'f.yaml')[0]!.root as YamlMap;
    assert.equal((escaped.entries.get('a')!.value as YamlScalar).value, 'x\u2028y');
    const json = parseYamlDocuments(' {"a": "x\u2028y"}\n', 'f.json')[0]!.root as YamlMap;
    assert.equal((json.entries.get('a')!.value as YamlScalar).value, 'x\u2028y');
  });
});

describe('documents split as kubectl splits them (apimachinery’s YAMLReader, then go-yaml’s first document)', () => {
  const refusal = (text: string): [number | undefined, string] => {
    try {
      parseYamlDocuments(text, 'f.yaml');
    } catch (err) {
      assert.ok(err instanceof InputError);
      return [err.line, err.message];
    }
    return assert.fail(`read: ${JSON.stringify(text)}`);
  };

  test('content after "..." and before the next "---": kubectl never applies it, so it is refused at its line', () => {
    const [line, message] = refusal('a: 1\n...\n# note\n\n  b: 2\n---\nc: 3\n');
    assert.equal(line, 5);
    assert.equal(
      message,
      'kubectl reads only the first document of each part between "---" lines: this one, after the "..." at line 2, would never be applied; start it with "---"',
    );
  });

  test('a separator with more than a comment after it, which kubectl refuses', () => {
    for (const [text, shown] of [
      ['a: 1\n--- {b: 2}\n', '--- {b: 2}'],
      ['--- !!map\na: 1\n', '--- !!map'],
      ['a: 1\n----\nb: 2\n', '----'],
      ['a: 1\n--- b\r\n', '--- b'],
    ]) {
      const [line, message] = refusal(text!);
      assert.equal(line, text!.startsWith('---') ? 1 : 2, text);
      assert.equal(
        message,
        `kubectl refuses a document separator with more than a comment after it (${JSON.stringify(shown)}): start the document on the next line`,
      );
    }
  });

  test('what both split alike is read: separators with comments or spaces, CRLF, "..." before "---" or at the end', () => {
    const docs = (text: string) => parseYamlDocuments(text, 'f.yaml').filter((d) => d.root !== null).length;
    assert.equal(docs('--- # first\na: 1\n---   \nb: 2\n'), 2);
    assert.equal(docs('a: 1\r\n---\r\nb: 2\r\n'), 2);
    assert.equal(docs('a: 1\n...\n# between\n\n---\nb: 2\n...\n'), 2);
    assert.equal(docs('a: 1\n... # end\n'), 1);
    // A second "..." is no document kubectl would skip; "...x" is a plain scalar's line to both.
    assert.equal(docs('a: 1\n...\n...\n'), 1);
    assert.equal(docs('foo\n...x\nbar\n'), 1);
    assert.equal(docs('---\n...x\n'), 1);
    // A block scalar's "---x" is indented: no separator to either.
    assert.equal(docs('a: |\n  --- x\n'), 1);
    // A UTF-8 byte order mark, which kubectl drops, before a plain separator.
    assert.equal(docs('\uFEFF---\na: 1\n'), 1);
  });

  test('a UTF-8 byte order mark does not hide a separator kubectl refuses (kubectl drops the mark first)', () => {
    assert.deepEqual(refusal('\uFEFF--- {a: 1}\n'), [
      1,
      'kubectl refuses a document separator with more than a comment after it ("--- {a: 1}"): start the document on the next line',
    ]);
  });

  test('a byte order mark at the head of a line, which go-yaml drops at the head of a part and YAML reads as text', () => {
    // `cat` of files saved with a mark, joined with `---`: kubectl applies `kind: ClientIntents`
    // where YAML reads the key "\uFEFFkind".
    for (const [text, line] of [
      ['a: 1\n---\n\uFEFFkind: ClientIntents\n', 3],
      ['a: 1\n--- # c\n\uFEFF- x\n', 3],
      ['\uFEFF\uFEFFb: 2\n', 1],
      ['a: 1\n\uFEFFb: 2\n', 2],
    ] as const) {
      assert.deepEqual(
        refusal(text),
        [
          line,
          "a byte order mark (U+FEFF) at the start of a line: go-yaml (kubectl's YAML reader) drops it at the start of a document, where YAML reads it as text; remove it",
        ],
        text,
      );
    }
    // Within a line it is text to both.
    assert.equal(parseYamlDocuments('a: x\uFEFFy\n', 'f.yaml').length, 1);
  });

  test('a part that is only a "...", which go-yaml refuses (no node content)', () => {
    for (const text of ['a: 1\n---\n...\n', 'a: 1\n--- \n# c\n...\n---\nb: 2\n', '...\n']) {
      const [line, message] = refusal(text);
      assert.equal(line, text.split('\n').indexOf('...') + 1, text);
      assert.equal(
        message,
        'kubectl refuses a "..." with no document before it in its part (between "---" lines): remove the line',
      );
    }
  });

  test('a YAML directive, which leaves go-yaml a part it refuses', () => {
    for (const text of [
      '%YAML 1.2\n---\na: 1\n',
      '# c\n%TAG !e! tag:example.com,2000:\n---\na: 1\n',
      'a: 1\n---\n%YAML 1.1\n---\nb: 2\n',
      // A "..." with no document before it in its part: the directive still heads the part.
      '---\n# c\n...\n%YAML 1.1\n---\nb: 2\n',
      // A separator with a comment heads the part too: the "..." before it ends another part.
      'a: 1\n...\n--- # c\n%YAML 1.1\n---\nb: 2\n',
    ]) {
      const [line, message] = refusal(text);
      assert.equal(line, text.split('\n').findIndex((l) => l.startsWith('%')) + 1, text);
      assert.equal(
        message,
        'kubectl refuses a file with a YAML directive (%YAML, %TAG) at the head of a document: it cuts the file at the "---" after it, and go-yaml refuses a directive alone; remove the line',
        text,
      );
    }
  });

  test('a YAML directive after a "...", which kubectl never reads and YAML applies to the next document', () => {
    // kubectl (test/support/kubectl-yaml) reads the next document without the directive: the
    // first text as two documents, the second refused (`!e!x`, an undefined tag handle to it).
    // Refused here rather than read otherwise.
    for (const text of [
      'a: 1\n...\n%YAML 1.1\n---\nb: 2\n',
      '--- # c\na: 1\n... \n# c\n%TAG !e! tag:example.com,2000:\n---\nb: !e!x 2\n',
      'a: 1\n---\nb: 2\n...\n%YAML 1.1\n---\nc: 3\n',
    ]) {
      const [line, message] = refusal(text);
      assert.equal(line, text.split('\n').findIndex((l) => l.startsWith('%')) + 1, text);
      assert.equal(
        message,
        'kubectl ignores a YAML directive (%YAML, %TAG) after a "..." (go-yaml reads only the first document between "---" lines) and applies the next document without it, where YAML applies it to that document; remove the line',
        text,
      );
    }
  });
});

describe('characters go-yaml refuses, and JSON kubectl refuses', () => {
  test('a control character anywhere, a comment included: refused at its line, named', () => {
    for (const [text, code, line] of [
      ['a: 1\n# bell \u0007\n', 'U+0007', 2],
      ['a: "\u001b[31m"\n', 'U+001B', 1],
      ['a: 1\nb: x\u007f\n', 'U+007F', 2],
      ['a: \u0090\n', 'U+0090', 1],
      ['a: \uFFFE\n', 'U+FFFE', 1],
      // Vertical tab and form feed: white space to some readers, control characters to go-yaml.
      ['a: 1\n# c\u000b\n', 'U+000B', 2],
      ['a: 1\n# c\u000c\n', 'U+000C', 2],
    ] as const) {
      assert.throws(
        () => parseYamlDocuments(text, 'f.yaml'),
        (err: unknown) =>
          err instanceof InputError &&
          err.line === line &&
          err.message ===
            `${code} is a control character go-yaml (kubectl's YAML reader) refuses anywhere in a file, comments included, so kubectl refuses the file; remove it, or write it escaped in a double-quoted string`,
        text,
      );
    }
    // Tab, CR, U+00A0 and beyond are characters go-yaml takes.
    assert.equal(parseYamlDocuments('a: "x\ty"\r\nb: \u00a0z\n', 'f.yaml').length, 1);
  });

  test('a file starting with "{" is JSON to kubectl: a YAML flow map there is refused, JSON is read', () => {
    assert.throws(
      () => parseYamlDocuments('{a: b}\n', 'f.json'),
      /kubectl reads a file starting with "\{" as JSON, and this is not valid JSON/,
    );
    assert.throws(() => parseYamlDocuments(' {"a": 1}\n---\nb: 2\n', 'f.json'), /not valid JSON/);
    const [doc] = parseYamlDocuments('\uFEFF {"a": "--- x", "b": "\\u0007"}\n', 'f.json');
    assert.equal(((doc!.root as YamlMap).entries.get('a')!.value as YamlScalar).value, '--- x');
  });

  test('JSON that YAML reads (a trailing comma) is refused at the line JSON.parse stops at', () => {
    assert.throws(
      () => parseYamlDocuments('{\n  "a": 1,\n}\n', 'f.json'),
      (err: unknown) => err instanceof InputError && err.line === 3 && /not valid JSON/.test(err.message),
    );
  });

  test('a stream of JSON values (jq -c writes one) is a document each, at its lines; null skipped; a break refused', () => {
    const text = '{"kind": "A"}\n{"kind":\n  "B"}{"kind": "C"}\nnull\n\n  {"kind": [1,\n "}{"]}\n';
    const docs = parseYamlDocuments(text, 'f.json');
    const kinds = docs.map((d) => {
      const kind = (d.root as YamlMap).entries.get('kind')!;
      return [d.line, kind.keyLine, kind.value.line];
    });
    assert.deepEqual(kinds, [
      [1, 1, 1],
      [2, 2, 3],
      [3, 3, 3],
      [6, 6, 6],
    ]);
    const last = (docs[3]!.root as YamlMap).entries.get('kind')!.value as YamlSeq;
    assert.deepEqual(
      last.items.map((i) => [(i as YamlScalar).value, i.line]),
      [
        [1, 6],
        ['}{', 7],
      ],
    );
    // A value that is not JSON: refused at its line, as a single broken value is.
    assert.throws(
      () => parseYamlDocuments('{"a": 1}\n{"b": 2}\n{c: 3}\n', 'f.json'),
      (err) => err instanceof InputError && err.line === 3 && /not valid JSON/.test(err.message),
    );
    assert.throws(
      () => parseYamlDocuments('{"a": 1}\n{"b": }\n', 'f.json'),
      (err) => err instanceof InputError && err.line === 2,
    );
  });

  test("a stream's values are cut where Go's decoder cuts them: escaped quotes, string values, only its four spaces", () => {
    const value = (doc: { root: unknown }, key: string) =>
      ((doc.root as YamlMap).entries.get(key)!.value as YamlScalar).value;
    // An escaped quote does not end a string: its "}{" stays inside.
    const escaped = parseYamlDocuments('{"a": "x\\"}{"}\n{"b": 2}\n', 'f.json');
    assert.deepEqual(
      escaped.map((d) => d.line),
      [1, 2],
    );
    assert.equal(value(escaped[0]!, 'a'), 'x"}{');
    // A string value runs to its closing quote, spaces and all (kubectl then refuses a string document).
    const strings = parseYamlDocuments('{"a": 1}\n"x y"\n{"b": 2}\n', 'f.json');
    assert.deepEqual(
      strings.map((d) => [d.line, (d.root as YamlScalar).value ?? 'map']),
      [
        [1, 'map'],
        [2, 'x y'],
        [3, 'map'],
      ],
    );
    // Go's JSON decoder skips space, tab, CR and LF between values, nothing else.
    for (const space of ['\f', '\v', '\u00a0', '\u2028']) {
      assert.throws(
        () => parseYamlDocuments(`{"a": 1}${space}{"b": 2}\n`, 'f.json'),
        (err) =>
          err instanceof InputError && err.line === 1 && /value 2 of it is not valid JSON/.test(err.message),
        JSON.stringify(space),
      );
    }
    // CR LF between values, as a file written on Windows has it, is space to Go's decoder.
    assert.deepEqual(
      parseYamlDocuments('{"a": 1}\r\n{"b": 2}\r\n', 'f.json').map((d) => d.line),
      [1, 2],
    );
    // A number ends at a comma, as Go's decoder ends it: the comma is the value after it.
    assert.throws(
      () => parseYamlDocuments('{"a": 1}\n1,\n{"b": 2}\n', 'f.json'),
      (err) =>
        err instanceof InputError && err.line === 2 && /value 3 of it is not valid JSON/.test(err.message),
    );
    // As many values as a file may hold documents are read; one more is refused.
    assert.equal(parseYamlDocuments('{}\n'.repeat(MAX_YAML_DOCUMENTS), 'f.json').length, MAX_YAML_DOCUMENTS);
    assert.throws(
      () => parseYamlDocuments('{}\n'.repeat(MAX_YAML_DOCUMENTS + 1), 'f.json'),
      /more than 10000 YAML documents/,
    );
  });

  test('JSON as kubectl tells it and reads it: within its first 4,096 bytes, a lone CR, numbers past a float, bounded', () => {
    const where = (text: string) => {
      try {
        return `read ${parseYamlDocuments(text, 'f.json').length}`;
      } catch (err) {
        assert.ok(err instanceof InputError, String(err));
        return `${err.line}: ${err.message.split(':')[0]}`;
      }
    };
    // kubectl peeks at 4,096 bytes: a "{" past them makes the file YAML, where go-yaml would keep
    // the first value only; YAML 1.2 refuses the second here.
    assert.equal(where(`${'\n'.repeat(4095)}{"a": 1}\n{"b": 2}\n`), 'read 2');
    assert.equal(
      where(`${'\n'.repeat(4096)}{"a": 1}\n{"b": 2}\n`),
      '4098: Unexpected flow-map-start at node end',
    );
    // Counted in bytes: U+00A0 is white space to Go's guess, two bytes of it.
    assert.equal(isJsonToKubectl(`${'\u00a0'.repeat(2047)}{"a": 1}\n`), true);
    assert.equal(isJsonToKubectl(`${'\u00a0'.repeat(2048)}{"a": 1}\n`), false);
    assert.equal(isJsonToKubectl('\u0085\u3000{}'), true);
    assert.equal(isJsonToKubectl('\ufeff{}'), false, 'a second mark is no white space to Go');
    // A lone CR is white space to Go's JSON decoder and a line break here.
    assert.equal(where('{}{"a": 1,\r"b": 2}\n'), '1: a carriage return not followed by a line feed');
    assert.equal(where('{"a": 1,\r"b": 2}\n'), '1: a carriage return not followed by a line feed');
    // Past a 64-bit float, JSON.parse gives Infinity, where the YAML reader gave a string.
    assert.equal(where('{}\n{"a":\n1e400}\n'), '3: a number larger than a 64-bit float holds (1e400)');
    assert.equal(where('{"a":\n-1e400}\n'), '2: a number larger than a 64-bit float holds (1e400)');
    assert.equal(where('{"a": 1e308}\n'), 'read 1');
    // A lone surrogate escape: U+FFFD to Go's decoder, kept by JSON.parse. A pair, or an escaped
    // backslash before the letters, is read.
    assert.equal(
      where('{}\n{"\\udc00": 1}\n'),
      '2: a lone surrogate escape (\\ud800 to \\udfff without its pair)',
    );
    assert.equal(
      where('{"a": [\n"\\ud800"]}\n'),
      '2: a lone surrogate escape (\\ud800 to \\udfff without its pair)',
    );
    assert.equal(where('{"a": "\\ud83d\\ude00", "b": "\\\\ud800"}\n'), 'read 1');
    // The file's bound on values holds across the values of a stream.
    const array = `{"a": [${Array(65_000).fill(0).join(',')}]}`;
    assert.equal(
      where(Array(4).fill(array).join('\n')),
      '4: more than 200000 YAML values (scalars and collections); refused before parsing',
    );
    assert.match(where('{}'.repeat(20_000)), /^undefined: more than 10000 YAML documents/);
  });

  test('a standard tag other than !!str: go-yaml resolves it by YAML 1.1, so it is refused at its line', () => {
    for (const [tag, value] of [
      ['bool', 'on'],
      ['int', '1_000'],
      ['float', '1'],
      ['null', 'x'],
      ['timestamp', '2001-12-14'],
      ['binary', 'aGk='],
      ['set', '{x}'],
      ['omap', '[a: 1]'],
    ]) {
      assert.throws(
        () => parseYamlDocuments(`a: 1\nb: !!${tag} ${value}\n`, 'f.yaml'),
        (err: unknown) =>
          err instanceof InputError && err.line === 2 && err.message.startsWith(`the tag !!${tag}: kubectl`),
        tag,
      );
    }
    assert.throws(() => parseYamlDocuments('a: !custom y\n', 'f.yaml'), /the tag !custom: /);
    const root = parseYamlDocuments('a: !!str on\nb: ! off\nc: z\nd: !!map {e: 1}\n', 'f.yaml')[0]!
      .root as YamlMap;
    assert.deepEqual(
      [...root.entries.values()].map((e) => (e.value.type === 'scalar' ? e.value.value : e.value.type)),
      ['on', 'off', 'z', 'map'],
    );
  });
});

describe('a stream of JSON objects, as kubectl applies it', () => {
  test('intents written by jq -c, one object a line, give each client its rules at its lines', async () => {
    const dir = await tempDir('json-stream');
    const intents = (client: string, path: string) =>
      JSON.stringify({
        apiVersion: 'k8s.otterize.com/v2beta1',
        kind: 'ClientIntents',
        metadata: { name: client, namespace: 'shop' },
        spec: {
          workload: { name: client },
          targets: [{ kubernetes: { name: 'api', http: [{ path, methods: ['GET'] }] } }],
        },
      });
    await writeFile(path.join(dir, 'all.json'), `${intents('web', '/a')}\n${intents('batch', '/b')}\n`);
    const declared = await loadIntents(['all.json'], { cwd: dir });
    assert.deepEqual(
      declared.rules.map((r) => `${r.file}:${r.line} ${r.client.name} ${r.method} ${r.path}`),
      ['all.json:1 web GET /a', 'all.json:2 batch GET /b'],
    );
  });
});

describe('the check reads UTF-16 files as kubectl applies them', () => {
  test('intents in UTF-16 (both orders) give the rules and lines the UTF-8 file gives', async () => {
    const dir = await tempDir('intents');
    const text = await readFile(path.join(demoIntents, 'client2.yaml'), 'utf8');
    await writeFile(path.join(dir, 'le.yaml'), utf16le(text));
    await writeFile(path.join(dir, 'be.yaml'), utf16be(text));
    await writeFile(path.join(dir, 'u8.yaml'), text);
    const rulesOf = async (file: string) =>
      (await loadIntents([file], { cwd: dir })).rules.map(
        (r) => `${r.line} ${r.server.name} ${r.method} ${r.path}`,
      );
    const expected = await rulesOf('u8.yaml');
    assert.ok(expected.length > 0);
    assert.deepEqual(await rulesOf('le.yaml'), expected);
    assert.deepEqual(await rulesOf('be.yaml'), expected);
    assert.deepEqual(
      readYamlFile(path.join(dir, 'le.yaml'), 'le.yaml'),
      readYamlFile(path.join(dir, 'u8.yaml'), 'u8.yaml'),
    );
  });

  test('manifests the cluster step applies are planned from their UTF-16 text', async () => {
    const dir = await tempDir('manifests');
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';
    await writeFile(path.join(dir, 'ns.yaml'), utf16le(text));
    const { manifests } = await readManifests(['ns.yaml'], dir);
    assert.deepEqual(
      manifests.map((m) => [m.file, m.text]),
      [['ns.yaml', text]],
    );
  });

  test('check on the demo with its intents in UTF-16: the same drift as in UTF-8', async () => {
    const dir = await tempDir('check');
    for (const name of ['client.yaml', 'client2.yaml']) {
      await writeFile(path.join(dir, name), utf16le(await readFile(path.join(demoIntents, name), 'utf8')));
    }
    const utf8 = await runCli(['check', '--metrics', capture, '--intents', demoIntents, '--format', 'json']);
    const utf16 = await runCli(['check', '--metrics', capture, '--intents', dir, '--format', 'json']);
    assert.equal(utf16.code, 1);
    const summary = (out: string) => JSON.parse(out).summary;
    assert.deepEqual(summary(utf16.stdout), summary(utf8.stdout));
  });
});

describe('the editor leaves UTF-16 files alone, and says so', () => {
  /** check --fix --prune-stale with client2's intents (given text) in UTF-16, client's in UTF-8. */
  const fixWithClient2InUtf16 = async (name: string, client2: string, args: string[] = []) => {
    const dir = await tempDir(name);
    const bytes = utf16le(client2);
    await writeFile(path.join(dir, 'client2.yaml'), bytes);
    await writeFile(path.join(dir, 'client.yaml'), await readFile(path.join(demoIntents, 'client.yaml')));
    const run = await runCli(
      ['check', '--metrics', capture, '--intents', '.', '--fix', '--prune-stale', ...args],
      { cwd: dir },
    );
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /not fixed: client2: its ClientIntents are UTF-16, which the editor does not write \(client2\.yaml\); edit them by hand/,
    );
    assert.deepEqual(await readFile(path.join(dir, 'client2.yaml')), bytes);
    return run;
  };

  test('check --fix: a missing call and a stale rule of a client declared in UTF-16 are listed, the file untouched', async () => {
    await fixWithClient2InUtf16('fix-home', await readFile(path.join(demoIntents, 'client2.yaml'), 'utf8'));
  });

  test('check --fix --prune-stale: a stale rule alone in a UTF-16 file is listed, the file untouched', async () => {
    const text = await readFile(path.join(demoIntents, 'client2.yaml'), 'utf8');
    // client2's call is declared too: only its old path is left, stale.
    const run = await fixWithClient2InUtf16(
      'fix-stale',
      `${text}          - path: /client2-path\n            methods:\n              - POST\n`,
      ['--fail-on', 'any'],
    );
    assert.match(run.stdout + run.stderr, /DRIFT: 0 missing, 1 stale/);
  });

  test('a new client’s document is not appended to (or written over) a single UTF-16 intents file', async () => {
    const dir = await tempDir('fix-new');
    const client = await readFile(path.join(demoIntents, 'client.yaml'), 'utf8');
    // Every client in one multi-document file: a new client's document would go there.
    const bytes = utf16le(`${client}---\n${client.replaceAll('name: client\n', 'name: other\n')}`);
    await writeFile(path.join(dir, 'all.yaml'), bytes);
    const run = await runCli(['check', '--metrics', capture, '--intents', '.', '--fix'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /not fixed: client2: all\.yaml is UTF-16, which the editor does not write; add its ClientIntents by hand/,
    );
    assert.deepEqual(await readFile(path.join(dir, 'all.yaml')), bytes);
  });
});
