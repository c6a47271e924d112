// The note that a pull request changes its own gate: the difference comes from the pull
// request, so it must stay inert in the comment.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gateChangeLines, gateChangeNote } from '../../../src/deliver/github/gate-note.ts';

test('no change, no note', () => {
  assert.equal(gateChangeNote([]), '');
  assert.deepEqual(gateChangeLines([]), []);
});

test('a backtick run cannot close the fence; control characters show as escapes; long diffs are cut', () => {
  const diff = `--- a/.intent-drift.yaml\n+++ b/.intent-drift.yaml\n@@ -1 +1 @@\n-failOn: any\n+failOn: none # \`\`\`\`\` </details> \u001b[31m\n${'+x\n'.repeat(5000)}`;
  const note = gateChangeNote([{ file: '.intent-drift.yaml', diff }]);
  assert.ok(note.includes('``````diff\n--- a/.intent-drift.yaml\n'), 'a fence longer than any backtick run');
  assert.ok(note.includes('+failOn: none # ````` </details> \\x1b[31m\n'));
  assert.ok(!note.includes('\u001b'));
  assert.match(note, /\n\.\.\. \d+ more lines: see the pull request's diff\n``````\n/);
  assert.ok(note.length < 9_000);
  assert.ok(note.endsWith('</details>\n'));
});
