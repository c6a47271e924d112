// The edit plan (the comment's suggested patch, `check --fix`, open-pr) reads an intents file
// only when the edit touches it: a drift of one client in a repository of thousands of files
// reads one file, not all of them again.
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { planIntentsEdit } from '../../src/declare/intents-edit-plan.ts';
import { loadIntents } from '../../src/declare/load-intents.ts';
import { computeDrift } from '../../src/diff/compute-drift.ts';
import { InputError } from '../../src/errors.ts';
import { call, observedMap } from '../diff/builders.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

async function demoCopy() {
  const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-plan-'));
  await cp(path.join(root, 'fixtures', 'demo', 'intents'), path.join(dir, 'intents'), { recursive: true });
  return { dir, declared: await loadIntents(['intents'], { cwd: dir }) };
}

describe('planIntentsEdit', () => {
  test('reads only the files it edits: another intents file gone since the check does not matter', async () => {
    const { dir, declared } = await demoCopy();
    const drift = computeDrift(observedMap([call('client', 'nginx', 'DELETE', '/only-here')]), declared);
    // client2's file is not part of this edit: were it read, the plan would fail on it.
    await rm(path.join(dir, 'intents', 'client2.yaml'));
    const { edit, patch } = await planIntentsEdit(dir, declared, drift, false);
    assert.deepEqual(
      edit.files.map((f) => f.file),
      ['intents/client.yaml'],
    );
    assert.equal(
      patch,
      [
        '--- a/intents/client.yaml',
        '+++ b/intents/client.yaml',
        '@@ -16,3 +16,6 @@',
        '           - path: /client-path',
        '             methods:',
        '               - GET',
        '+          - path: /only-here',
        '+            methods:',
        '+              - DELETE',
        '',
      ].join('\n'),
    );
  });

  test('a file the edit needs that is gone is an input error naming it', async () => {
    const { dir, declared } = await demoCopy();
    const drift = computeDrift(observedMap([call('client', 'nginx', 'DELETE', '/only-here')]), declared);
    await rm(path.join(dir, 'intents', 'client.yaml'));
    await assert.rejects(
      planIntentsEdit(dir, declared, drift, false),
      (err: unknown) =>
        err instanceof InputError && err.file === 'intents/client.yaml' && /no such file/.test(err.message),
    );
  });
});
