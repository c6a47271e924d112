import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
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

  test('JSON report', async () => {
    await assertGolden('demo.json', renderJsonReport(drift));
  });

  test('list', async () => {
    await assertGolden('demo-list.txt', renderList(demoCalls));
  });
});
