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

  test('every escape is whole: two hex digits after \\x, four after \\u, so none reads as another', () => {
    // Unpadded, U+0001 then "b" would show as `\x1b`: ESC.
    assert.equal(showControlChars('\u0001b'), '\\x01b');
    assert.equal(showControlChars('\u0085'), '\\x85');
    assert.equal(showControlChars('a\u061cb'), 'a\\u061cb');
    assert.equal(showControlChars('\u180e\u2066'), '\\u180e\\u2066');
  });

  test('every legacy workflow command opener `##[` is defused, with or without other characters to escape', () => {
    assert.equal(showControlChars('a ##[warning]one ##[error]two'), 'a ##\\x5bwarning]one ##\\x5berror]two');
    assert.equal(showControlChars('/a##[add-mask]b'), '/a##\\x5badd-mask]b');
    assert.equal(showControlChars('##[error]x\u001b'), '##\\x5berror]x\\x1b');
    assert.equal(showControlChars('a ## [b] #[c]'), 'a ## [b] #[c]');
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

  test('a URL the parser refuses (a port past 65535) still loses its userinfo, query and fragment', () => {
    assert.equal(
      scrubSecrets('cannot reach https://admin:hunter2@10.0.0.1:99999/api/v1/pods?token=abc#x now'),
      'cannot reach https://10.0.0.1:99999/api/v1/pods now',
    );
  });

  test('every credential field is scrubbed, whatever its spelling', () => {
    for (const key of [
      'token',
      'access_token',
      'access-token',
      'accesstoken',
      'id_token',
      'refresh_token',
      'auth_token',
      'bearer_token',
      'password',
      'passwd',
      'secret',
      'api_key',
      'apiKey',
      'client-key',
      'client-key-data',
      'private_key',
      'private-key',
      'privateKey',
    ]) {
      for (const text of [`${key}: sk-SECRET`, `${key}=sk-SECRET`, `"${key}": "sk-SECRET"`]) {
        const out = scrubSecrets(`refused: ${text}`);
        assert.ok(!out.includes('sk-SECRET'), `${text} -> ${out}`);
        assert.match(out, /\*\*\*/, text);
      }
    }
  });

  test("the line a code frame marks with `>`, the error's own, is dropped with the rest", () => {
    // The list item holds a secret no credential field names: only dropping the frame hides it.
    const frame = [
      'unexpected token (10:5)',
      '   9 | keys:',
      '> 10 |   - sk-live-SECRET',
      '     |     ^',
    ].join('\n');
    assert.ok(!scrubSecrets(frame).includes('sk-live-SECRET'), scrubSecrets(frame));
    assert.ok(scrubSecrets(frame).startsWith('unexpected token (10:5)'));
  });

  test('safeLine scrubs before it escapes: a multi-line message loses its code frame', () => {
    const yamlError = [
      'bad indentation (10:3)',
      '',
      '  9 | keys:',
      ' 10 |   - sk-live-SECRET',
      '------^',
    ].join('\n');
    assert.equal(safeLine(yamlError), 'bad indentation (10:3)');
    assert.equal(safeLine('first\nsecond'), 'first\\nsecond');
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
