import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderComment } from '../../src/report/comment-document.ts';
import { renderJsonReport } from '../../src/report/json-report.ts';
import { renderList } from '../../src/report/list-report.ts';
import { renderMarkdownReport } from '../../src/report/markdown-report.ts';
import { renderTextReport } from '../../src/report/text-report.ts';
import { assertGolden, demoCalls, demoDrift } from './demo-drift.ts';

const drift = demoDrift();

describe('golden reports of the demo with drift', () => {
  test('the scenario holds one of each kind', () => {
    assert.deepEqual(drift.summary, {
      observed: 2,
      declared: 3,
      covered: 1,
      missing: 1,
      stale: 1,
      notChecked: 1,
      ignored: 0,
      drift: true,
    });
  });

  test('text, no colour', async () => {
    const text = renderTextReport(drift);
    assert.equal(text.includes('\u001b['), false);
    await assertGolden('demo.txt', text);
  });

  test('text, colour', async () => {
    const text = renderTextReport(drift, { color: true });
    assert.ok(text.includes('\u001b[31m'));
    await assertGolden('demo.color.txt', text);
  });

  test('markdown comment', async () => {
    const fileLink = (file: string, line: number) =>
      `https://github.com/acme/shop/blob/0123abc/${file}#L${line}`;
    await assertGolden('demo.md', renderMarkdownReport(drift, { fileLink }));
  });

  test('the comment as the action posts it: run header, tables, suggested patch', async () => {
    const sha = '0123abc4567890def0123abc4567890def012345';
    const fileLink = (file: string, line: number) =>
      `https://github.com/acme/shop/blob/${sha}/${file}#L${line}`;
    const run = {
      ...drift,
      config: '.intent-drift.yaml',
      observedFrom: { source: 'metrics', inputs: ['capture/'] },
    };
    const patch = [
      '--- a/intents/client2.yaml',
      '+++ b/intents/client2.yaml',
      '@@ -15,3 +15,6 @@',
      '           - path: /old-path',
      '             methods:',
      '               - GET',
      '+          - path: /client2-path',
      '+            methods:',
      '+              - POST',
      '',
    ].join('\n');
    const comment = renderComment(run, {
      fileLink,
      suggestedPatch: patch,
      commit: { sha, url: `https://github.com/acme/shop/commit/${sha}` },
      runUrl: 'https://github.com/acme/shop/actions/runs/4242',
    });
    assert.match(
      comment,
      /^Checked \[`0123abc`\]\(https:\/\/github\.com\/acme\/shop\/commit\/0123abc4567890def0123abc4567890def012345\) · observed: sidecar metrics from `capture\/` · config `\.intent-drift\.yaml` · \[workflow run\]\(https:\/\/github\.com\/acme\/shop\/actions\/runs\/4242\)$/m,
    );
    await assertGolden('demo-comment.md', comment);
  });

  test('JSON report', async () => {
    await assertGolden('demo.json', renderJsonReport(drift));
  });

  test('list', async () => {
    await assertGolden('demo-list.txt', renderList(demoCalls));
  });
});
