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

  test("an external call's host (destination_service, anyone's to write) reaches no report raw", () => {
    // ESC clears the screen and BEL ends an OSC that sets the terminal's title.
    const hostile = [
      'evil\u001b[2J\u001b]0;pwned\u0007.example.com',
      ...HIDDEN.map(([char]) => `h${char}x.example.com`),
    ];
    const external = hostile.map((host) => ({ ...call('client', 'PassthroughCluster', 'GET', '/'), host }));
    const drift = computeDrift(observedMap([], { external }), declaredIntents([]));
    const outputs = { text: renderTextReport(drift), markdown: renderMarkdownReport(drift) };
    for (const [where, output] of Object.entries(outputs)) {
      assert.ok(output.includes('example.com'), `the ${where} report lists the hosts`);
      for (const [char, name] of [
        ...HIDDEN,
        ['\u001b', 'ESC'] as [string, string],
        ['\u0007', 'BEL'] as [string, string],
      ])
        assert.ok(!output.includes(char), `${name} of a host raw in the ${where} report`);
    }
  });
});
