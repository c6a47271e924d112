import assert from 'node:assert/strict';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire, syncBuiltinESMExports } from 'node:module';
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

/** A baseline written by --write-baseline, then padded with trailing white space to `size` bytes. */
async function paddedBaseline(dir: string, size: number): Promise<string> {
  const drift = computeDrift(observedMap([call('a', 'api', 'GET', '/x')]), declaredIntents([]));
  await writeBaselineFile(dir, 'baseline.json', drift);
  const file = path.join(dir, 'baseline.json');
  const text = await readFile(file);
  await writeFile(file, Buffer.concat([text, Buffer.alloc(size - text.length, ' ')]));
  return file;
}

test('a baseline of exactly 16 MiB is read; one byte more is refused, naming the file', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'intent-drift-baseline-size-'));
  try {
    await paddedBaseline(dir, 16 * 1024 * 1024);
    assert.equal((await readBaselineFile(dir, 'baseline.json')).missing.length, 1);
    await paddedBaseline(dir, 16 * 1024 * 1024 + 1);
    await assert.rejects(
      readBaselineFile(dir, 'baseline.json'),
      (err) => isInputError(err) && String(err) === 'baseline.json: baseline larger than 16 MiB',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a baseline that grows past 16 MiB between its size check and its read is refused', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'intent-drift-baseline-grows-'));
  const promises = createRequire(import.meta.url)('node:fs/promises') as typeof import('node:fs/promises');
  const stat = promises.stat;
  try {
    const file = await paddedBaseline(dir, 1024);
    // The file grows right after the size is taken, as a file being written meanwhile would.
    promises.stat = (async (...args: Parameters<typeof stat>) => {
      const info = await stat(...args);
      await appendFile(file, Buffer.alloc(17 * 1024 * 1024, ' '));
      return info;
    }) as typeof stat;
    syncBuiltinESMExports();
    await assert.rejects(
      readBaselineFile(dir, 'baseline.json'),
      (err) => isInputError(err) && /^baseline\.json: larger than 16 MiB$/.test(String(err)),
    );
  } finally {
    promises.stat = stat;
    syncBuiltinESMExports();
    await rm(dir, { recursive: true, force: true });
  }
});
