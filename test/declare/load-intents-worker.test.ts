import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { loadIntents } from '../../src/declare/load-intents.ts';
import { isInputError } from '../../src/errors.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

test('parsing in a worker thread gives exactly what parsing inline gives', async () => {
  const paths = [
    'fixtures/intents/repo',
    'fixtures/intents/examples/v2beta1-service-target.yaml',
    'fixtures/demo/intents',
  ];
  const inline = await loadIntents(paths, { cwd: ROOT });
  const inWorker = await loadIntents(paths, { cwd: ROOT, workerFromFiles: 1 });
  assert.ok(inline.rules.length > 5);
  assert.deepEqual(inWorker, inline);
});

test('an InputError in the worker comes back as an InputError with file and line', async () => {
  const err = await loadIntents(['fixtures/bad/intents/head-method.yaml'], {
    cwd: ROOT,
    workerFromFiles: 1,
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(isInputError(err), String(err));
  assert.equal(err.file, 'fixtures/bad/intents/head-method.yaml');
  assert.equal(typeof err.line, 'number');
  const inline = await loadIntents(['fixtures/bad/intents/head-method.yaml'], { cwd: ROOT }).catch(
    (e: unknown) => e,
  );
  assert.equal(String(err), String(inline));
});
