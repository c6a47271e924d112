import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { readBaselineFile, writeBaselineFile } from '../../src/config/baseline-file.ts';
import { applyBaseline } from '../../src/diff/baseline.ts';
import { computeDrift } from '../../src/diff/compute-drift.ts';
import { isInputError } from '../../src/errors.ts';
import { call, declaredIntents, observedMap, rule } from '../diff/builders.ts';

test('--write-baseline then --baseline: today nothing is new; the file is stable', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'intent-drift-baseline-'));
  try {
    const drift = computeDrift(
      observedMap([call('b', 'api', 'GET', '/x', { count: 3 }), call('a', 'api', 'POST', '/y')]),
      declaredIntents([rule('a', 'api', 'GET', '/gone')]),
    );
    assert.equal(await writeBaselineFile(dir, 'ci/baseline.json', drift), 3);
    const first = await readFile(path.join(dir, 'ci/baseline.json'), 'utf8');
    const baseline = await readBaselineFile(dir, 'ci/baseline.json');
    const applied = applyBaseline(drift, baseline);
    assert.equal(applied.drift.summary.drift, false);
    // Counts change between runs; the baseline does not.
    const busier = computeDrift(
      observedMap([
        call('a', 'api', 'POST', '/y', { count: 99 }),
        call('b', 'api', 'GET', '/x', { count: 1 }),
      ]),
      declaredIntents([rule('a', 'api', 'GET', '/gone', { line: 30 })]),
    );
    await writeBaselineFile(dir, 'ci/baseline.json', busier);
    assert.equal(await readFile(path.join(dir, 'ci/baseline.json'), 'utf8'), first);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a missing baseline is an InputError, not an empty baseline', async () => {
  await assert.rejects(
    readBaselineFile(os.tmpdir(), 'no-such-baseline.json'),
    (err) =>
      isInputError(err) && /^no-such-baseline\.json: cannot read the baseline: ENOENT/.test(String(err)),
  );
});

test('a folder named as the baseline is an InputError naming it, not an internal error', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'intent-drift-baseline-dir-'));
  try {
    await assert.rejects(
      readBaselineFile(os.tmpdir(), path.basename(dir)),
      (err) => isInputError(err) && /: not a regular file$/.test(String(err)),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
