// Golden files (test/golden/): the rendered output a reviewer sees change in a diff. A test
// compares byte for byte. UPDATE_GOLDEN=1 rewrites the file and then FAILS that test, changed or
// not, so an update can never pass silently: the run that wrote a golden file is red, the diff
// is read (`git diff test/golden`), and only a run without UPDATE_GOLDEN can be green.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export const UPDATING_GOLDEN = process.env.UPDATE_GOLDEN === '1';

/** `relative`: the golden file's path from the repository root, e.g. `test/golden/report/demo.md`. */
export async function assertGolden(relative: string, actual: string): Promise<void> {
  const file = path.join(ROOT, relative);
  if (UPDATING_GOLDEN) {
    const before = existsSync(file) ? await readFile(file, 'utf8') : undefined;
    if (before !== actual) await writeFile(file, actual);
    assert.fail(
      before === actual
        ? `UPDATE_GOLDEN=1: ${relative} is unchanged; run the tests without UPDATE_GOLDEN`
        : `UPDATE_GOLDEN=1: rewrote ${relative}; read \`git diff ${relative}\`, then run the tests without UPDATE_GOLDEN`,
    );
  }
  assert.equal(
    actual,
    await readFile(file, 'utf8'),
    `golden file ${relative} differs (UPDATE_GOLDEN=1 rewrites it)`,
  );
}
