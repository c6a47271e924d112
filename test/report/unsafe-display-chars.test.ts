// Every character that can hide or reorder text on a terminal or a rendered comment is shown as
// an escape, not only C0 controls, DEL and U+202E: C1 controls (U+009B is a one-byte CSI on many
// terminals), the line and paragraph separators, and every bidi embedding, override and isolate
// (Trojan Source, CVE-2021-42574). A path from traffic carries each of them here.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeDrift } from '../../src/diff/compute-drift.ts';
import { showControlChars } from '../../src/report/display-text.ts';
import { renderMarkdownReport } from '../../src/report/markdown-report.ts';
import { renderTextReport } from '../../src/report/text-report.ts';
import { call, declaredIntents, observedMap } from '../diff/builders.ts';

const HIDDEN: [string, string][] = [
  ['\u0085', 'NEL (C1)'],
  ['\u009b', 'CSI (C1)'],
  ['\u2028', 'LINE SEPARATOR'],
  ['\u2029', 'PARAGRAPH SEPARATOR'],
  ['\u202a', 'LRE'],
  ['\u202b', 'RLE'],
  ['\u202c', 'PDF'],
  ['\u202d', 'LRO'],
  ['\u202e', 'RLO'],
  ['\u2066', 'LRI'],
  ['\u2067', 'RLI'],
  ['\u2068', 'FSI'],
  ['\u2069', 'PDI'],
];

describe('unsafe display characters beyond C0, DEL and U+202E', () => {
  test('each is escaped by showControlChars', () => {
    for (const [char, name] of HIDDEN) {
      const shown = showControlChars(`/a${char}b`);
      assert.ok(!shown.includes(char), `${name} reached the output raw`);
      assert.notEqual(shown, '/ab', `${name} was dropped silently instead of shown`);
    }
  });

  test('none reaches the text report or the PR comment raw', () => {
    const calls = HIDDEN.map(([char], i) => call('client', 'nginx', 'GET', `/p${i}${char}x`));
    const drift = computeDrift(observedMap(calls), declaredIntents([]));
    const outputs = { text: renderTextReport(drift), markdown: renderMarkdownReport(drift) };
    for (const [where, output] of Object.entries(outputs)) {
      for (const [char, name] of HIDDEN)
        assert.ok(!output.includes(char), `${name} raw in the ${where} report`);
    }
  });
});
