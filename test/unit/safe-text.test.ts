// The one escaping rule and the one scrubbing rule every output shares (src/safe-text.ts), and
// the action's log line (workflow commands defused).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { defuseCommands, logLine } from '../../src/deliver/github/workflow-commands.ts';
import { InputError } from '../../src/errors.ts';
import { jsonWithEscapes, safeLine, scrubSecrets, showControlChars } from '../../src/safe-text.ts';
import { rawUnsafeChars, UNSAFE_CODE_POINTS } from '../support/unsafe-chars.ts';

describe('showControlChars', () => {
  test('escapes every unsafe character: C0, DEL, C1, bidi, zero-width, separators, BOM', () => {
    for (const code of UNSAFE_CODE_POINTS) {
      const shown = showControlChars(`a${String.fromCodePoint(code)}b`);
      assert.deepEqual(rawUnsafeChars(shown, []), [], `U+${code.toString(16)}`);
      assert.notEqual(shown, `a${String.fromCodePoint(code)}b`);
    }
    assert.equal(showControlChars('\u001b]0;title\u0007'), '\\x1b]0;title\\x07');
    assert.equal(showControlChars('/a\u202etxt.exe'), '/a\\u202etxt.exe');
    assert.equal(showControlChars('x\ny\tz'), 'x\\ny\\tz');
  });

  test('leaves letters, digits, punctuation and emoji of every script alone', () => {
    const kept = '/café/中文/🙂/a-b_c.d~e%20f/עברית';
    assert.equal(showControlChars(kept), kept);
  });

  test('the result never holds an unsafe character (property)', () => {
    const unsafe = fc.constantFrom(...UNSAFE_CODE_POINTS.map((c) => String.fromCodePoint(c)));
    const text = fc
      .array(fc.oneof(unsafe, fc.string({ unit: 'binary' })), { maxLength: 12 })
      .map((p) => p.join(''));
    fc.assert(fc.property(text, (t) => rawUnsafeChars(showControlChars(t), []).length === 0));
  });

  test('JSON keeps its data and its layout, with no raw unsafe character', () => {
    const value = { path: '/a\u202eb\u200b\u0085\u007f\u001b', list: ['\ufeff'] };
    const text = jsonWithEscapes(JSON.stringify(value, null, 2));
    assert.deepEqual(JSON.parse(text), value);
    assert.deepEqual(rawUnsafeChars(text), []);
  });

  test('JSON: each unsafe character alone in ASCII text is escaped, DEL and `##[` included', () => {
    for (const code of UNSAFE_CODE_POINTS) {
      const value = { path: `/plain/ascii${String.fromCodePoint(code)}text` };
      const text = jsonWithEscapes(JSON.stringify(value, null, 2));
      assert.deepEqual(rawUnsafeChars(text), [], `U+${code.toString(16)}`);
      assert.deepEqual(JSON.parse(text), value);
    }
    const command = jsonWithEscapes(JSON.stringify({ path: '/a##[error]b' }));
    assert.equal(command, '{"path":"/a##\\u005b' + 'error]b"}');
    const plain = JSON.stringify({ path: '/api/v1/items', count: 3 }, null, 2);
    assert.equal(jsonWithEscapes(plain), plain);
  });
});

describe('scrubSecrets', () => {
  test('URLs lose their userinfo, query string and fragment', () => {
    assert.equal(
      scrubSecrets(
        'Request cannot be constructed: https://admin:hunter2@10.0.0.1:6443/api/v1/pods?token=abc&limit=5#x',
      ),
      'Request cannot be constructed: https://10.0.0.1:6443/api/v1/pods',
    );
    assert.equal(scrubSecrets('see http://u@host/'), 'see http://host');
  });

  test('values of credential fields and parsers’ code frames are dropped', () => {
    const yamlError = [
      'deficient indentation (12:1)',
      '',
      '  9 |   user:',
      ' 10 |     token: sk-SECRET-TOKEN-123',
      ' 11 |     bad: [unclosed',
      '------^',
    ].join('\n');
    const scrubbed = scrubSecrets(yamlError);
    assert.equal(scrubbed, 'deficient indentation (12:1)');
    for (const text of [
      'token: sk-SECRET',
      'client-key-data: LS0tLS1CRUdJTi',
      '"password":"hunter2"',
      'Authorization: Bearer sk-SECRET',
      'api_key=sk-SECRET',
    ]) {
      const out = scrubSecrets(text);
      assert.ok(!/SECRET|hunter2|LS0tLS1/.test(out), `${text} -> ${out}`);
      assert.match(out, /\*\*\*/);
    }
    assert.equal(scrubSecrets('the token may not comment'), 'the token may not comment');
  });

  test('every InputError is one safe line from the start', () => {
    const err = new InputError('bad value "a\nb\u202e" at https://u:p@h/x?t=1');
    assert.equal(err.message, 'bad value "a\\nb\\u202e" at https://h/x');
    assert.equal(safeLine('x\u001b[2J'), 'x\\x1b[2J');
  });
});

describe('logLine: what the action prints', () => {
  /** The runner's two parsers (actions/runner src/Runner.Common/ActionCommand.cs). */
  const isCommand = (line: string) => line.trimStart().startsWith('::') || line.includes('##[');

  test('a line never starts a workflow command, nor holds a legacy one', () => {
    for (const hostile of [
      '::add-mask::secret',
      '  ::warning file=x::pwned',
      '\u00a0::error::x',
      '\u3000::stop-commands::tok',
      'path /a\n::warning::pwned',
      'x ##[warning]pwned',
      '##[add-mask]x',
      'a\r\n::set-output name=x::y',
    ]) {
      const line = logLine(hostile);
      assert.ok(!line.includes('\n') && !line.includes('\r'), line);
      assert.ok(!isCommand(line), line);
    }
  });

  test('defuseCommands: an indented command keeps its indent, every legacy command is defused, a second pass changes nothing', () => {
    // Lines made safe elsewhere (an InputError's message) reach it without logLine's trim.
    const cases: [string, string][] = [
      ['  ::error file=x::pwned', '  \\x3a:error file=x::pwned'],
      ['\t::add-mask::x', '\t\\x3a:add-mask::x'],
      ['::stop-commands::tok', '\\x3a:stop-commands::tok'],
      ['a ##[warning]one ##[error]two', 'a ##\\x5bwarning]one ##\\x5berror]two'],
      ['intent-drift: a :: b', 'intent-drift: a :: b'],
    ];
    for (const [safe, defused] of cases) {
      const line = defuseCommands(safe);
      assert.equal(line, defused);
      assert.ok(!isCommand(line), line);
      assert.equal(defuseCommands(line), line);
    }
  });

  test('any text (property)', () => {
    const piece = fc.constantFrom(
      '::',
      '##[',
      '\n',
      '\r',
      ' ',
      '\u00a0',
      'warning',
      ']',
      'a',
      '\u202e',
      '\u001b',
    );
    const text = fc.array(piece, { maxLength: 16 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const line = logLine(t);
        return !isCommand(line) && rawUnsafeChars(line, []).length === 0;
      }),
    );
  });
});
