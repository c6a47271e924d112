// Properties over hostile input, each for any text fast-check makes up (separators, `..`,
// control, bidi and zero-width characters, very long values):
// - no file written from data leaves its folder;
// - no unsafe character reaches any output raw;
// - whatever check mode writes as the report artifact, comment mode accepts and counts right.
import assert from 'node:assert/strict';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { isInsideDirectory, writeFileInside } from '../../src/contained-path.ts';
import { editIntents } from '../../src/declare/edit-intents.ts';
import {
  authorizationPolicies,
  buildClientIntents,
  renderAuthorizationPolicies,
  renderIntentsDir,
  renderIntentsFile,
} from '../../src/declare/index.ts';
import { driftAnnotations } from '../../src/deliver/github/annotations.ts';
import { commentBody, jobSummary } from '../../src/deliver/github/comment-body.ts';
import { pullRequestBody } from '../../src/deliver/github/pull-request-body.ts';
import { parseCommentArtifact, renderReportFile } from '../../src/deliver/github/report-artifact.ts';
import { logLine } from '../../src/deliver/github/workflow-commands.ts';
import { computeDrift } from '../../src/diff/compute-drift.ts';
import { isInputError } from '../../src/errors.ts';
import type { DeclaredIntents, Drift, MissingCall, ObservedCall } from '../../src/model.ts';
import { ObservedMapBuilder } from '../../src/observe/observed-map.ts';
import { renderGraphDot } from '../../src/report/graph-dot.ts';
import { graphOfDrift } from '../../src/report/graph-model.ts';
import { renderJsonReport } from '../../src/report/json-report.ts';
import { renderList } from '../../src/report/list-report.ts';
import { mapPageData } from '../../src/report/map-page/page-data.ts';
import { renderMapPage } from '../../src/report/map-page/page-html.ts';
import { renderMarkdownReport } from '../../src/report/markdown-report.ts';
import { renderTextReport } from '../../src/report/text-report.ts';
import { declaredIntents, rule } from '../diff/builders.ts';
import { rawUnsafeChars, UNSAFE_CODE_POINTS } from '../support/unsafe-chars.ts';

const RUNS = { numRuns: 60 };

/** Pieces hostile text is made of, mixed with any string. */
const piece = fc.oneof(
  fc.constantFrom(
    '/',
    '..',
    '../',
    '\\',
    '.',
    '\u0000',
    '::',
    '##[',
    '<!--',
    '`',
    '|',
    '*',
    '{*}',
    '%2e%2e',
    'a',
    'shop',
    '.git',
  ),
  fc.constantFrom(...UNSAFE_CODE_POINTS.map((c) => String.fromCodePoint(c))),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const hostile = fc.array(piece, { minLength: 1, maxLength: 10 }).map((p) => p.join(''));
const validName = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
const anyName = fc.oneof(validName, hostile);
const anyPath = fc.oneof(
  hostile.map((t) => `/${t}`),
  fc.string({ minLength: 4100, maxLength: 4300 }).map((t) => `/${t}`),
);

function observed(
  client: string,
  namespace: string,
  server: string,
  path: string,
  method = 'GET',
): ObservedCall {
  return {
    client: { name: client, namespace },
    server: { name: server, namespace },
    method,
    path,
    count: 3,
    protocol: 'http',
  };
}

describe('no written path leaves its folder', () => {
  test('export --output-type dir: names from traffic, through the gate, into files', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(anyName, anyName, anyName), { minLength: 1, maxLength: 4 }),
        async (names) => {
          const builder = new ObservedMapBuilder();
          for (const [client, namespace, server] of names) {
            builder.add({
              metric: 'istio_requests_total',
              value: 1,
              line: 1,
              labels: {
                reporter: 'source',
                source_workload: client,
                source_workload_namespace: namespace,
                destination_workload: server,
                destination_workload_namespace: namespace,
                request_method: 'GET',
                request_path: '/a',
              },
            });
          }
          const sandbox = await mkdtemp(path.join(tmpdir(), 'intent-drift-folder-'));
          const out = path.join(sandbox, 'out');
          const files = renderIntentsDir(buildClientIntents(builder.build().calls).intents);
          for (const [name, text] of Object.entries(files)) await writeFileInside(out, name, text);
          const top = await readdir(sandbox);
          return top.length === 0 || (top.length === 1 && top[0] === 'out');
        },
      ),
      RUNS,
    );
  });

  test('writeFileInside writes in the folder or refuses, whatever the name', async () => {
    const sandbox = await mkdtemp(path.join(tmpdir(), 'intent-drift-inside-'));
    const root = path.join(sandbox, 'root');
    await fc.assert(
      fc.asyncProperty(hostile, async (name) => {
        try {
          const written = await writeFileInside(root, name, 'x');
          return path.dirname(written) === root;
        } catch (err) {
          return isInputError(err);
        }
      }),
      RUNS,
    );
    assert.deepEqual(await readdir(sandbox), ['root']);
  });

  test('open-pr’s new intents files stay in the intents folder, even for names the gate never saw', () => {
    const declared: DeclaredIntents = {
      rules: [],
      documents: [
        {
          client: { name: 'shopper', namespace: 'shop' },
          apiVersion: 'k8s.otterize.com/v2beta1',
          file: 'deploy/intents/shopper.yaml',
          line: 1,
        },
      ],
      warnings: [],
    };
    const sources = new Map([
      [
        'deploy/intents/shopper.yaml',
        'apiVersion: k8s.otterize.com/v2beta1\nkind: ClientIntents\nmetadata:\n  name: shopper\n  namespace: shop\nspec:\n  workload:\n    name: shopper\n  targets: []\n',
      ],
    ]);
    fc.assert(
      fc.property(anyName, anyName, (client, namespace) => {
        const missing: MissingCall = {
          ...observed(client, namespace, 'orders', '/a'),
          wouldBeBlocked: false,
        };
        const edit = editIntents(sources, declared, { missing: [missing], stale: [] });
        return edit.files.every((f) => sources.has(f.file) || isInsideDirectory(f.file, 'deploy/intents'));
      }),
      RUNS,
    );
  });
});

describe('no unsafe character reaches any output', () => {
  test('every renderer, every log line, every YAML and JSON we print', () => {
    fc.assert(
      fc.property(anyName, anyName, anyPath, hostile, hostile, (client, server, badPath, warning, file) => {
        const calls = [
          observed(client, 'shop', server, badPath),
          observed('shopper', 'shop', 'orders', badPath, 'POST'),
        ];
        const declared = declaredIntents([
          rule('shopper.shop', 'orders.shop', 'GET', badPath, { file: `intents/${file}.yaml` }),
        ]);
        const drift = computeDrift(
          { calls, unattributed: [], external: [], warnings: [warning], stats: { series: 2, sources: 1 } },
          declared,
        );
        const map = { calls, unattributed: [], external: [], warnings: [], stats: { series: 2, sources: 1 } };
        const changes = drift.missing.map((c) => ({
          action: 'add' as const,
          client: c.client,
          server: c.server.name,
          method: c.method,
          path: c.path,
          file,
        }));
        const patch = `--- a/${file}\n+++ b/${file}\n@@ -1 +1 @@\n-${badPath}\n+${warning}\n`;
        const outputs: Record<string, string> = {
          text: renderTextReport(drift, { color: false }),
          markdown: renderMarkdownReport(drift),
          json: renderJsonReport(drift),
          list: renderList(map),
          dot: renderGraphDot(graphOfDrift(drift)),
          html: renderMapPage(
            mapPageData(graphOfDrift(drift), {
              source: 'metrics files capture',
              environments: {},
              onlyDrift: false,
              warnings: drift.warnings,
            }),
          ),
          comment: commentBody(drift, { suggestedPatch: patch }),
          summary: jobSummary(drift, { suggestedPatch: patch }),
          prBody: pullRequestBody(changes, patch, undefined),
          annotations: driftAnnotations(drift)
            .map((a) => `${logLine(a.title)} ${logLine(a.message)}`)
            .join('\n'),
          export: renderIntentsFile(buildClientIntents(calls).intents),
          exportJson: renderIntentsFile(buildClientIntents(calls).intents, { format: 'json' }),
          // An invalid template is refused (istiod would refuse it): the refusal is output too.
          policies: policiesOrRefusal(declared.rules),
          artifact: renderReportFile(drift, { number: 1, headSha: 'a'.repeat(40) }, ''),
        };
        for (const [what, text] of Object.entries(outputs)) {
          assert.deepEqual(rawUnsafeChars(text), [], what);
          assert.ok(!text.includes('##['), `${what}: the runner's legacy command opener`);
        }
      }),
      RUNS,
    );
  });
});

function policiesOrRefusal(rules: Parameters<typeof authorizationPolicies>[0]): string {
  try {
    return renderAuthorizationPolicies(authorizationPolicies(rules).policies);
  } catch (err) {
    if (!isInputError(err)) throw err;
    return String(err);
  }
}

describe('whatever check mode writes, comment mode posts', () => {
  const drifts = fc
    .record({
      calls: fc.array(fc.tuple(anyName, anyName, anyPath, fc.constantFrom('GET', 'POST', 'get', 'HEAD')), {
        maxLength: 8,
      }),
      rules: fc.array(
        fc.tuple(
          anyName,
          anyName,
          anyPath,
          hostile,
          fc.constantFrom('kubernetes', 'service', 'aws', 'internet'),
        ),
        { maxLength: 6 },
      ),
      warnings: fc.array(fc.oneof(hostile, fc.string({ minLength: 4000, maxLength: 5000 })), {
        maxLength: 3,
      }),
    })
    .map(({ calls, rules, warnings }): Drift => {
      const observedCalls = calls.map(([c, s, p, m]) => observed(c, 'shop', s, p, m));
      const declared = declaredIntents(
        rules.map(([c, s, p, f, type]) => ({
          ...rule('x', 'y', 'GET', p, { file: `intents/${f}.yaml`, targetType: type as 'kubernetes' }),
          client: { name: c, namespace: 'shop' },
          server: { name: type === 'aws' ? `arn:aws:s3:::${s}` : s, namespace: 'shop' },
        })),
      );
      return computeDrift(
        { calls: observedCalls, unattributed: [], external: [], warnings, stats: { series: 0, sources: 1 } },
        declared,
      );
    });

  test('the artifact parses, and its counts are the drift’s', () => {
    fc.assert(
      fc.property(
        drifts,
        fc.oneof(fc.constant(''), fc.constant('--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n')),
        (drift, patch) => {
          const text = renderReportFile(drift, { number: 7, headSha: 'b'.repeat(40) }, patch);
          const artifact = parseCommentArtifact(text, 'report.json');
          const { summary } = artifact.drift;
          assert.equal(summary.missing, drift.missing.length);
          assert.equal(summary.stale, drift.stale.length);
          assert.equal(summary.covered, drift.covered.length);
          assert.equal(summary.notChecked, drift.notChecked.length);
          assert.equal(summary.drift, drift.summary.drift);
          assert.equal(artifact.suggestedPatch, patch);
        },
      ),
      RUNS,
    );
  });

  test('with Kubernetes names, nothing is left out: long values are cut, not dropped', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(validName, validName, anyPath), { minLength: 1, maxLength: 8 }),
        (calls) => {
          const drift = computeDrift(
            {
              calls: calls.map(([c, s, p]) => observed(c, 'shop', s, p)),
              unattributed: [],
              external: [],
              warnings: [],
              stats: { series: 0, sources: 1 },
            },
            declaredIntents([]),
          );
          const artifact = parseCommentArtifact(
            renderReportFile(drift, { number: 7, headSha: 'b'.repeat(40) }, ''),
            'r',
          );
          assert.equal(artifact.drift.missing.length, drift.missing.length);
          for (const call of artifact.drift.missing) assert.ok((call.path ?? '').length <= 4096);
        },
      ),
      RUNS,
    );
  });

  test('a long path is cut under the limit with its marker, never inside a surrogate pair', () => {
    // The cut falls between the two halves of the emoji: the whole emoji goes.
    const long = `/${'x'.repeat(4_062)}\u{1F600}${'y'.repeat(1_000)}`;
    const drift = computeDrift(
      {
        calls: [observed('shopper', 'shop', 'orders', long)],
        unattributed: [],
        external: [],
        warnings: [],
        stats: { series: 0, sources: 1 },
      },
      declaredIntents([]),
    );
    const artifact = parseCommentArtifact(
      renderReportFile(drift, { number: 7, headSha: 'b'.repeat(40) }, ''),
      'r',
    );
    assert.equal(artifact.drift.missing.length, 1);
    assert.equal(artifact.drift.missing[0]!.path, `/${'x'.repeat(4_062)}…[cut 1002 chars]`);
  });

  test('a full warnings list, an entry left out and a patch left out (not a diff) still parse: both notes fit under the cap', () => {
    const drift = computeDrift(
      {
        calls: [observed('shopper', 'shop', 'orders', '/a'), observed('not a name', 'shop', 'orders', '/b')],
        unattributed: [],
        external: [],
        warnings: Array.from({ length: 50_000 }, (_, i) => `warning ${i}`),
        stats: { series: 0, sources: 1 },
      },
      declaredIntents([]),
    );
    const text = renderReportFile(drift, { number: 7, headSha: 'b'.repeat(40) }, 'not a unified diff');
    const { warnings } = parseCommentArtifact(text, 'report.json').drift;
    assert.equal(warnings.length, 50_000);
    assert.ok(warnings.some((w) => /^left out of this report .*: 1 missing/.test(w)));
    assert.ok(warnings.some((w) => /suggested patch is not a unified diff/.test(w)));
  });

  test('a report 20 bytes under the size limit, then a patch or its note: the file stays under 20 MiB', () => {
    const limit = 20 * 1024 * 1024;
    const stamp = { number: 7, headSha: 'b'.repeat(40) };
    const full = (i: number) => `/p/${i}/${'x'.repeat(1_500)}`;
    const driftOf = (paths: string[]) =>
      computeDrift(
        {
          calls: paths.map((p) => observed('shopper', 'shop', 'orders', p)),
          unattributed: [],
          external: [],
          warnings: [],
          stats: { series: 0, sources: 1 },
        },
        declaredIntents([]),
      );
    const size = (paths: string[]) => Buffer.byteLength(renderReportFile(driftOf(paths), stamp, ''));
    // Whole entries (the same size: five-digit numbers) while they leave room for a pad, then a
    // pad whose path (the size grows with it byte for byte) fills the room to 20 bytes short.
    const entries = (n: number) => Array.from({ length: n }, (_, i) => full(10_000 + i));
    const first = size(entries(1));
    const entry = size(entries(2)) - first;
    const padded = (n: number) => [...entries(Math.floor((limit - first) / entry)), `/pad/${'z'.repeat(n)}`];
    const paths = padded(100 + limit - 20 - size(padded(100)));
    assert.equal(size(paths), limit - 20);
    for (const patch of ['not a unified diff', '--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n']) {
      const text = renderReportFile(driftOf(paths), stamp, patch);
      assert.ok(Buffer.byteLength(text) <= limit, patch);
      const artifact = parseCommentArtifact(text, 'report.json');
      assert.equal(artifact.drift.summary.missing, paths.length);
    }
  });

  test('a list one over the cap of 50,000 entries: the last is left out and counted, the rest posted', () => {
    const calls = Array.from({ length: 50_001 }, (_, i) => observed('shopper', 'shop', 'orders', `/p/${i}`));
    const drift = computeDrift(
      { calls, unattributed: [], external: [], warnings: [], stats: { series: 0, sources: 1 } },
      declaredIntents([]),
    );
    const text = renderReportFile(drift, { number: 7, headSha: 'b'.repeat(40) }, '');
    assert.ok(Buffer.byteLength(text) < 20 * 1024 * 1024, 'under the size limit: only the cap leaves it out');
    const artifact = parseCommentArtifact(text, 'report.json');
    assert.equal(artifact.drift.missing.length, 50_000);
    assert.equal(artifact.drift.summary.missing, 50_001);
    assert.match(artifact.drift.warnings.at(-1)!, /left out of this report .*: 1 missing;/);
  });

  test('a report with the maximum number of entries and long values still fits', () => {
    const calls = Array.from({ length: 60_000 }, (_, i) =>
      observed('shopper', 'shop', 'orders', `/p/${i}/${'x'.repeat(400)}`),
    );
    const drift = computeDrift(
      { calls, unattributed: [], external: [], warnings: [], stats: { series: 0, sources: 1 } },
      declaredIntents([]),
    );
    const text = renderReportFile(drift, { number: 7, headSha: 'b'.repeat(40) }, '');
    assert.ok(Buffer.byteLength(text) <= 20 * 1024 * 1024);
    const artifact = parseCommentArtifact(text, 'report.json');
    assert.equal(artifact.drift.summary.missing, 60_000);
    assert.ok(artifact.drift.missing.length < 60_000);
    assert.match(artifact.drift.warnings.at(-1)!, /left out of this report .*: \d+ missing/);
  });
});
