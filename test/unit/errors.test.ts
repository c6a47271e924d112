import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../src/errors.ts';

test('InputError renders file:line: message', () => {
  assert.equal(String(new InputError('bad method', { file: 'a.yaml', line: 7 })), 'a.yaml:7: bad method');
  assert.equal(String(new InputError('no such file', { file: 'a.yaml' })), 'a.yaml: no such file');
  assert.equal(String(new InputError('bad flag')), 'bad flag');
});
