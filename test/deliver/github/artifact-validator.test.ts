// What comment mode accepts of a report artifact that a pull request's run uploaded: every field
// is a fork's to write. Each case tampers with one field of a valid artifact and expects the
// reader to refuse it, naming the field, before anything is rendered.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCommentArtifact } from '../../../src/deliver/github/report-artifact.ts';

const client = { name: 'client', namespace: 'shop' };

/** A valid artifact as check mode writes one (the JSON report, the PR stamp, the patch). */
function artifact() {
  return {
    version: 1,
    pullRequest: { number: 7, headSha: 'a'.repeat(40) },
    summary: { observed: 2, declared: 2 },
    missing: [
      {
        client,
        server: {
          name: 'api',
          namespace: 'shop',
          kind: 'Deployment',
          service: { name: 'api-svc', namespace: 'shop' },
        },
        method: 'GET',
        path: '/a',
        count: 3,
        protocol: 'http',
        wouldBeBlocked: true,
        intentsFile: { file: 'intents/client.yaml', line: 3 },
      },
    ],
    stale: [
      {
        client,
        server: { name: 'api', namespace: 'shop' },
        targetType: 'kubernetes',
        method: 'POST',
        path: '/b',
        file: 'intents/client.yaml',
        line: 9,
        reason: 'path-not-called',
      },
    ],
    covered: [
      {
        client,
        server: { name: 'api', namespace: 'shop' },
        method: 'GET',
        path: '/c',
        count: 1,
        protocol: 'http',
      },
    ],
    notChecked: [
      {
        client,
        server: { name: 'arn:aws:s3:::bucket', namespace: 'shop' },
        targetType: 'aws',
        method: null,
        path: null,
        file: 'intents/client.yaml',
        line: 14,
        why: 'not-http',
      },
    ],
    ignored: [],
    unattributed: [],
    external: [],
    warnings: [],
    observedFrom: { source: 'metrics', inputs: ['capture/'] },
  };
}

type Artifact = ReturnType<typeof artifact>;

const refused = (tamper: (a: Artifact) => void): string => {
  const a = artifact();
  tamper(a);
  try {
    parseCommentArtifact(JSON.stringify(a), 'report.json');
  } catch (err) {
    return String(err);
  }
  return assert.fail('expected the artifact to be refused');
};

describe('the report artifact comment mode reads', () => {
  test('the untampered artifact is read, with its lists and where to add each call', () => {
    const read = parseCommentArtifact(JSON.stringify(artifact()), 'report.json');
    assert.equal(read.drift.missing.length, 1);
    assert.deepEqual(read.drift.missing[0]?.server.service, { name: 'api-svc', namespace: 'shop' });
    assert.equal(read.drift.missing[0]?.server.kind, 'Deployment');
    assert.equal(read.drift.missing[0]?.wouldBeBlocked, true);
    assert.equal(read.drift.stale[0]?.line, 9);
    assert.equal(read.drift.notChecked[0]?.server.name, 'arn:aws:s3:::bucket');
    assert.deepEqual(read.drift.summary.missing, 1);
  });

  const cases: [string, (a: Artifact) => void, RegExp][] = [
    [
      'a method holding a tag',
      (a) => (a.missing[0]!.method = '<b>'),
      /missing\[0\]\.method: not an HTTP method/,
    ],
    [
      'a list where a reference belongs',
      (a) => ((a.missing[0] as Record<string, unknown>).client = ['client']),
      /missing\[0\]\.client must be an object/,
    ],
    [
      'a path past 4,096 characters',
      (a) => (a.missing[0]!.path = `/${'a'.repeat(4096)}`),
      /missing\[0\]\.path is longer than 4096 characters/,
    ],
    [
      'a list past 50,000 entries',
      (a) => (a.covered = Array.from({ length: 50_001 }, () => a.covered[0]!)),
      /covered has more than 50000 entries/,
    ],
    [
      'a namespace holding markdown',
      (a) => (a.missing[0]!.client = { name: 'client', namespace: 'a](https://evil)' }),
      /missing\[0\]\.client: not a Kubernetes name/,
    ],
    [
      'a kind holding a tag',
      (a) => (a.missing[0]!.server.kind = '<img>'),
      /missing\[0\]\.server\.kind: not a Kubernetes kind/,
    ],
    [
      "a server's Service holding markdown",
      (a) => (a.missing[0]!.server.service = { name: '[x](https://evil)', namespace: 'shop' }),
      /missing\[0\]\.server\.service: not a Kubernetes name/,
    ],
    [
      'a protocol the report never writes',
      (a) => (a.missing[0]!.protocol = 'gopher'),
      /missing\[0\]\.protocol must be one of http, grpc, tcp/,
    ],
    ['a rule at line 0', (a) => (a.stale[0]!.line = 0), /stale\[0\]\.line must be an integer ≥ 1/],
    [
      'more than 100 inputs',
      (a) => (a.observedFrom.inputs = Array.from({ length: 101 }, (_, i) => `m${i}.prom`)),
      /observedFrom\.inputs: more than 100/,
    ],
    [
      'a stale reason the report never writes',
      (a) => (a.stale[0]!.reason = 'evil'),
      /stale\[0\]\.reason must be one of/,
    ],
    [
      "a cloud target's name past 4,096 characters",
      (a) => (a.notChecked[0]!.server.name = 'x'.repeat(4097)),
      /notChecked\[0\]\.server\.name is longer than 4096 characters/,
    ],
    [
      'a workload name holding markdown',
      (a) => (a.missing[0]!.client = { name: 'a](evil)b', namespace: 'shop' }),
      /missing\[0\]\.client: not a Kubernetes name/,
    ],
    [
      'a count with a fraction',
      (a) => (a.missing[0]!.count = 1.5),
      /missing\[0\]\.count must be an integer ≥ 0/,
    ],
    ['an absolute file', (a) => (a.stale[0]!.file = '/etc/passwd'), /stale\[0\]\.file: not a relative path/],
    [
      'a window that is not a time',
      (a) =>
        ((a.observedFrom as Record<string, unknown>).window = { from: '<b>', to: '2026-12-02T10:00:00Z' }),
      /observedFrom\.window\.from: not a UTC time/,
    ],
    [
      'a patch line that is not a diff line',
      (a) =>
        ((a as Record<string, unknown>).suggestedPatch = '--- a/x\n+++ b/x\n<img src=x onerror=alert(1)>\n'),
      /suggestedPatch is not a unified diff/,
    ],
  ];
  for (const [what, tamper, message] of cases) {
    test(`refuses ${what}`, () => {
      const error = refused(tamper);
      assert.match(error, /^report\.json: not a usable intent-drift report: /);
      assert.match(error, message);
    });
  }

  test('only `wouldBeBlocked: true` is blocked: any other value, text included, is not', () => {
    for (const value of ['yes', 1, 'true', null]) {
      const a = artifact();
      (a.missing[0] as Record<string, unknown>).wouldBeBlocked = value;
      const read = parseCommentArtifact(JSON.stringify(a), 'report.json');
      assert.equal(read.drift.missing[0]?.wouldBeBlocked, false, JSON.stringify(value));
    }
  });
});
