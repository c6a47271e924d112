// UPDATE_GOLDEN=1 must never let a run pass: it rewrites the golden file and fails the test,
// whether or not the file changed; without it, a difference fails and equality passes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-golden-'));
});
after(() => rm(dir, { recursive: true, force: true }));

/** Runs assertGolden(file, actual) in a child with the given UPDATE_GOLDEN; its exit code and stderr. */
async function check(actual: string, update: boolean) {
  const script = path.join(dir, 'check.ts');
  const golden = path.relative(ROOT, path.join(dir, 'expected.txt'));
  await writeFile(
    script,
    `import { assertGolden } from ${JSON.stringify(path.join(ROOT, 'test/support/golden.ts'))};\n` +
      `await assertGolden(${JSON.stringify(golden)}, ${JSON.stringify(actual)});\n`,
  );
  const env = { ...process.env, UPDATE_GOLDEN: update ? '1' : '' };
  const run = spawnSync(process.execPath, [script], { env, encoding: 'utf8' });
  return { code: run.status, stderr: run.stderr };
}

describe('golden files', () => {
  test('UPDATE_GOLDEN=1 writes the file and fails; a plain run then passes', async () => {
    const file = path.join(dir, 'expected.txt');
    await writeFile(file, 'old\n');
    const updated = await check('new\n', true);
    assert.equal(updated.code, 1);
    assert.match(updated.stderr, /UPDATE_GOLDEN=1: rewrote .*expected\.txt; read `git diff/);
    assert.equal(await readFile(file, 'utf8'), 'new\n');
    const unchanged = await check('new\n', true);
    assert.equal(unchanged.code, 1, 'fails even when nothing changed');
    assert.match(unchanged.stderr, /is unchanged; run the tests without UPDATE_GOLDEN/);
    assert.equal((await check('new\n', false)).code, 0);
    const differs = await check('newer\n', false);
    assert.equal(differs.code, 1);
    assert.match(differs.stderr, /golden file .*expected\.txt differs/);
    assert.equal(await readFile(file, 'utf8'), 'new\n', 'a plain run never writes');
  });
});
