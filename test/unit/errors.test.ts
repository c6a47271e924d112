import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../src/errors.ts';
import { errorReply, replyError } from '../../src/observe/reader-worker.ts';

test('InputError renders file:line: message', () => {
  assert.equal(String(new InputError('bad method', { file: 'a.yaml', line: 7 })), 'a.yaml:7: bad method');
  assert.equal(String(new InputError('no such file', { file: 'a.yaml' })), 'a.yaml: no such file');
  assert.equal(String(new InputError('bad flag')), 'bad flag');
});

test("an InputError's place and code cross from a worker thread as they were", () => {
  const sent = new InputError('query refused', { file: 'f', line: 3, code: 'prometheus-too-many-samples' });
  const got = replyError(structuredClone(errorReply(sent)), 'reading');
  assert.ok(got instanceof InputError);
  assert.deepEqual(
    [got.message, got.file, got.line, got.code],
    ['query refused', 'f', 3, 'prometheus-too-many-samples'],
  );
  const plain = replyError(structuredClone(errorReply(new InputError('bad'))), 'reading');
  assert.ok(plain instanceof InputError && plain.code === undefined && plain.file === undefined);
});
