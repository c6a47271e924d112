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

test('the cut says exactly how many lines are left out', () => {
  const lines = Array.from({ length: 1000 }, (_, i) => `+line ${String(i).padStart(4, '0')}`);
  const note = gateChangeNote([{ file: 'baseline.json', diff: `${lines.join('\n')}\n` }]);
  const shown = note.split('\n').filter((l) => l.startsWith('+line ')).length;
  assert.ok(shown > 0 && shown < 1000, `${shown} shown`);
  assert.ok(
    note.includes(`\n... ${1000 - shown} more lines: see the pull request's diff\n`),
    note.slice(-200),
  );
});

test('every changed gate file is noted, its name in a code span that its backticks cannot close', () => {
  const note = gateChangeNote([
    { file: '.intent-drift.yaml', diff: '-failOn: any\n+failOn: none\n' },
    { file: 'base`line*_v2_*.json', diff: '-{}\n+{"entries":[]}\n' },
  ]);
  assert.ok(
    note.includes(
      '> **Note:** this pull request changes `.intent-drift.yaml`; its gate applies after merge.',
    ),
  );
  assert.ok(
    note.includes('> **Note:** this pull request changes ``base`line*_v2_*.json``; its gate applies'),
    note,
  );
  assert.ok(note.includes('+failOn: none\n```'));
  assert.ok(note.includes('+{"entries":[]}\n```'));
  assert.equal(note.split('<details>').length - 1, 2, 'one collapsed difference each');
});

test("the collapsed difference's summary names the file as HTML, which a summary is: no markdown, no tags", () => {
  const note = gateChangeNote([{ file: 'ci/<b>gate</b>&`x`.yaml', diff: '+failOn: none\n' }]);
  assert.ok(
    note.includes(
      '<details><summary>Changes to <code>ci/&lt;b&gt;gate&lt;/b&gt;&amp;`x`.yaml</code></summary>',
    ),
    note,
  );
});
