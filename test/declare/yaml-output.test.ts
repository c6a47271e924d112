// The YAML we print (exported intents, policies, suggested rules): every unsafe character an
// escape of the same value, `##[` defused everywhere, each value and note on its own line; and
// in an edited file only new strings are quoted for kubectl, never the file's own.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDocument, Scalar } from 'yaml';
import { quoteNewScalarsForKubectl, YAML_1_1_SAFE, yamlDocumentText } from '../../src/declare/yaml-output.ts';
import { hasUnsafeChars } from '../../src/safe-text.ts';

const OPTIONS = { indent: 2, lineWidth: 0, minContentWidth: 0 };

describe('yamlDocumentText', () => {
  test('unsafe characters are 4-digit escapes that read back as the same value', () => {
    const value = { del: 'x\u007fy', c1: 'a\u0085b\u009bc', bidi: 'abc\u202edef', zw: 'a\u200bb\ufeff' };
    const text = yamlDocumentText(value, OPTIONS);
    assert.ok(!hasUnsafeChars(text.replaceAll('\n', '')), JSON.stringify(text));
    for (const escaped of ['\\u007f', '\\u0085', '\\u009b', '\\u202e', '\\u200b', '\\ufeff']) {
      assert.ok(text.includes(escaped), `${escaped} in ${JSON.stringify(text)}`);
    }
    const read = parseDocument(text);
    assert.deepEqual(read.errors, []);
    assert.deepEqual(read.toJS(), value);
  });

  test('every `##[` is defused, not only the first', () => {
    const value = { path: '/a##[error]b##[warning]c', method: '##[x' };
    const text = yamlDocumentText(value, OPTIONS);
    assert.ok(!text.includes('##['), text);
    assert.deepEqual(parseDocument(text).toJS(), value);
  });

  test('a long value with a line break stays on its line: nothing starts a line with outside text', () => {
    const value = { name: `${'x'.repeat(60)}\n::error::pwned\n  ::warning::too` };
    const text = yamlDocumentText(value, OPTIONS);
    assert.equal(text.split('\n').filter((l) => l !== '').length, 1, text);
    assert.deepEqual(parseDocument(text).toJS(), value);
  });

  test('notes above the document: each line a comment, its line breaks and bidi characters escaped', () => {
    const text = yamlDocumentText({ a: 1 }, OPTIONS, ['first\n::error::pwned', 'rtl\u202eltr']);
    assert.deepEqual(text.split('\n'), ['# first\\n::error::pwned', '# rtl\\u202eltr', 'a: 1', '']);
  });
});

describe('quoteNewScalarsForKubectl', () => {
  test("new strings kubectl reads as another value are quoted; the file's own scalars keep their style", () => {
    const doc = parseDocument("name: 0b-1\nother: 'on'\nport: 0x1f\n", YAML_1_1_SAFE);
    doc.set('added', new Scalar('0b-1'));
    doc.set('count', '1_000');
    doc.set('plain', 'orders');
    quoteNewScalarsForKubectl(doc);
    assert.equal(
      doc.toString(),
      'name: 0b-1\nother: \'on\'\nport: 0x1f\nadded: "0b-1"\ncount: "1_000"\nplain: orders\n',
    );
  });
});
