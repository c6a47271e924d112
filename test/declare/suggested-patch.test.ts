// The suggested change as one unified diff: only the files the edit changes, one after the
// other, so the patch is empty when nothing changes and the per-group patch the PR body builds
// (intents-edit-plan.ts adds one group's patch to the next) is the same text as the whole.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type FileChange, suggestedPatch } from '../../src/declare/suggested-patch.ts';

const changed: FileChange = { file: 'intents/a.yaml', before: 'a: 1\nb: 2\n', after: 'a: 1\nb: 3\n' };
const unchanged: FileChange = { file: 'intents/same.yaml', before: 'x: 1\n', after: 'x: 1\n' };
const created: FileChange = { file: 'intents/new.yaml', before: null, after: 'n: 1\n' };

describe('suggestedPatch', () => {
  test('a file the edit left as it was is not in the patch: nothing changed, the patch is empty', () => {
    assert.equal(suggestedPatch([unchanged]), '');
    assert.equal(suggestedPatch([changed, unchanged]), suggestedPatch([changed]));
  });

  test("two files' patch is each file's patch in turn, with nothing between them", () => {
    assert.equal(suggestedPatch([changed, created]), suggestedPatch([changed]) + suggestedPatch([created]));
    assert.equal(
      suggestedPatch([changed, created]),
      '--- a/intents/a.yaml\n+++ b/intents/a.yaml\n@@ -1,2 +1,2 @@\n a: 1\n-b: 2\n+b: 3\n' +
        '--- /dev/null\n+++ b/intents/new.yaml\n@@ -0,0 +1,1 @@\n+n: 1\n',
    );
  });

  test('three lines of context either side of a change, as git writes them', () => {
    const lines = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    const before = `${lines.join('\n')}\n`;
    const patch = suggestedPatch([{ file: 'x.yaml', before, after: before.replace('e\n', 'E\n') }]);
    assert.equal(patch, '--- a/x.yaml\n+++ b/x.yaml\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n');
  });
});
