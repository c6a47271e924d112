// `check --fix` never writes an intents file that the intents reader would refuse on the next
// check (over 4 MiB, or over its count of YAML values): nothing is written, exit 2, and the
// message says which file and why.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { applyIntentsEdit } from '../../src/cli/fix-intents.ts';
import { InputError } from '../../src/errors.ts';

const io = { cwd: '', env: {}, stdoutIsTTY: false, write: () => {}, writeError: () => {} };

async function workspace(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fix-limits-'));
  await mkdir(path.join(dir, 'intents'));
  await writeFile(path.join(dir, 'intents', 'a.yaml'), 'kind: ClientIntents\n');
  await writeFile(path.join(dir, 'intents', 'b.yaml'), 'kind: ClientIntents\n');
  return dir;
}

for (const [what, after, reason] of [
  ['over 4 MiB', `a: "${'x'.repeat(4 * 1024 * 1024)}"\n`, /over the reader's 4194304/],
  ['over the count of values', `${'- 1\n'.repeat(210_000)}`, /YAML values/],
] as const) {
  test(`a file ${what} is refused before anything is written`, async () => {
    const dir = await workspace();
    const edit = {
      files: [
        { file: 'intents/a.yaml', before: 'kind: ClientIntents\n', after: 'kind: ClientIntents\n# edited\n' },
        { file: 'intents/b.yaml', before: 'kind: ClientIntents\n', after },
      ],
      changes: [],
      skipped: [],
    };
    await assert.rejects(applyIntentsEdit(edit, ['intents'], dir, io), (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.match(
        err.message,
        /^--fix would write intents\/b\.yaml, which the intents reader would then refuse \(/,
      );
      assert.match(err.message, reason);
      assert.match(err.message, /nothing was written/);
      return true;
    });
    assert.equal(await readFile(path.join(dir, 'intents', 'a.yaml'), 'utf8'), 'kind: ClientIntents\n');
    assert.equal(await readFile(path.join(dir, 'intents', 'b.yaml'), 'utf8'), 'kind: ClientIntents\n');
  });
}
