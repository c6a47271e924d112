// The report artifact both ways, beyond one tampered field: what comment mode refuses of the
// file as a whole (its size, its version, its PR number, its `omitted` counts), the counts it
// computes itself (never the fork's), a report from before `external`, and what the PR run
// writes of a suggested patch too large to carry.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ARTIFACT_LIMITS } from '../../../src/deliver/github/artifact-validator.ts';
import { parseCommentArtifact, renderReportFile } from '../../../src/deliver/github/report-artifact.ts';

const ref = (name: string) => ({ name, namespace: 'shop' });
const call = (path: string) => ({
  client: ref('client'),
  server: ref('api'),
  method: 'GET',
  path,
  count: 1,
  protocol: 'http',
});
const rule = (path: string) => ({
  client: ref('client'),
  server: ref('api'),
  targetType: 'kubernetes',
  method: 'GET',
  path,
  file: 'intents/client.yaml',
  line: 3,
  reason: 'path-not-called',
});

/** A valid artifact: one covered call and one stale rule, nothing missing. */
function artifact(): Record<string, unknown> {
  return {
    version: 1,
    pullRequest: { number: 7, headSha: 'a'.repeat(40) },
    summary: { observed: 1, declared: 2 },
    missing: [],
    stale: [rule('/b')],
    covered: [call('/a')],
    notChecked: [],
    ignored: [],
    unattributed: [],
    external: [],
    warnings: [],
  };
}

const read = (a: Record<string, unknown>) => parseCommentArtifact(JSON.stringify(a), 'report.json');
const refusal = (a: Record<string, unknown>): string => {
  try {
    read(a);
  } catch (err) {
    return String(err);
  }
  return assert.fail('expected the artifact to be refused');
};

describe('comment mode refuses', () => {
  test('a file over 20 MiB, before parsing it', () => {
    const a = { ...artifact(), pad: 'x'.repeat(ARTIFACT_LIMITS.bytes) };
    assert.match(refusal(a), /not a usable intent-drift report: larger than 20 MiB/);
  });

  test('another version of the report', () => {
    assert.match(refusal({ ...artifact(), version: 2 }), /version must be 1/);
  });

  test('a pull request numbered 0', () => {
    assert.match(
      refusal({ ...artifact(), pullRequest: { number: 0, headSha: 'a'.repeat(40) } }),
      /pullRequest\.number/,
    );
  });

  test('a warning past 4,096 characters', () => {
    assert.match(
      refusal({ ...artifact(), warnings: ['w'.repeat(4097)] }),
      /warnings\[0\] is longer than 4096/,
    );
  });

  test('omitted counts under a key that is no list, or that are no count', () => {
    assert.match(refusal({ ...artifact(), omitted: { secrets: 3 } }), /omitted must be one of/);
    assert.match(
      refusal({ ...artifact(), omitted: { missing: '5' } }),
      /omitted\.missing must be an integer/,
    );
    assert.match(
      refusal({ ...artifact(), omitted: { missing: -5 } }),
      /omitted\.missing must be an integer ≥ 0/,
    );
  });
});

describe("the counts are comment mode's own", () => {
  test('stale rules alone are drift, whatever the summary says', () => {
    const { summary } = read({ ...artifact(), summary: { observed: 1, declared: 2, drift: false } }).drift;
    assert.equal(summary.stale, 1);
    assert.equal(summary.drift, true);
  });

  test('what the writer left out is counted with the lists', () => {
    const { summary } = read({ ...artifact(), omitted: { missing: 4999, covered: 10 } }).drift;
    assert.equal(summary.missing, 4999);
    assert.equal(summary.covered, 11);
    assert.equal(summary.drift, true);
    assert.ok(summary.observed >= 5010, String(summary.observed));
  });

  test('the observed and declared totals are at least what the lists hold', () => {
    const { summary } = read({ ...artifact(), summary: { observed: 0, declared: 0 } }).drift;
    assert.equal(summary.observed, 1);
    assert.equal(summary.declared, 1);
  });

  test('a report from before `external` reads as none', () => {
    const a = artifact();
    delete a.external;
    assert.deepEqual(read(a).drift.external, []);
  });
});

describe('the PR run writes', () => {
  const stamp = { number: 7, headSha: 'b'.repeat(40) };
  const drift = read(artifact()).drift;

  test('a patch too large for the artifact: left out, with a note, and the file still reads', () => {
    const patch = `--- a/x\n+++ b/x\n@@ -1 +1 @@\n+${'y'.repeat(ARTIFACT_LIMITS.patch)}\n`;
    const back = parseCommentArtifact(renderReportFile(drift, stamp, patch), 'report.json');
    assert.equal(back.suggestedPatch, '');
    assert.ok(
      back.drift.warnings.some((w) => /suggested patch is too large/.test(w)),
      back.drift.warnings.join('\n'),
    );
  });

  test('a patch that is not a unified diff is left out, with a note that says so: the file still reads', () => {
    const back = parseCommentArtifact(renderReportFile(drift, stamp, 'not a unified diff\n'), 'report.json');
    assert.equal(back.suggestedPatch, '');
    assert.ok(
      back.drift.warnings.some((w) => /suggested patch is not a unified diff/.test(w)),
      back.drift.warnings.join('\n'),
    );
    assert.ok(!back.drift.warnings.some((w) => /too large/.test(w)), back.drift.warnings.join('\n'));
  });

  test('a patch that fits is carried as written', () => {
    const patch = '--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n';
    assert.equal(
      parseCommentArtifact(renderReportFile(drift, stamp, patch), 'report.json').suggestedPatch,
      patch,
    );
  });
});
