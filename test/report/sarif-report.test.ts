// SARIF for GitHub code scanning: valid per Microsoft's SARIF Multitool with GitHub's ingestion
// rules, one result per finding on its intents file's line, and fingerprints that survive
// moved lines, new counts and new IDs under a template.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { renderCiReport } from '../../src/deliver/ci-reports.ts';
import { computeDrift } from '../../src/diff/compute-drift.ts';
import { FINGERPRINT_KEY, relativeUri, sarifText, toSarif } from '../../src/report/sarif-report.ts';
import { runCli } from '../cli/run-cli.ts';
import { call, declaredIntents, NS, observedMap } from '../diff/builders.ts';
import { notCheckedInputs, ROOT, scenarioCalls, scenarioInputs } from './ci-scenario.ts';
import { assertGolden } from './demo-drift.ts';

const MULTITOOL = path.join(ROOT, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
  partialFingerprints: Record<string, string>;
}

function resultsOf(sarif: string): SarifResult[] {
  return JSON.parse(sarif).runs[0].results;
}

/** The Multitool's findings (SARIF rules plus GitHub's ingestion rules, GH*) on a log. */
async function multitoolFindings(sarif: string): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-sarif-'));
  const input = path.join(dir, 'report.sarif');
  const output = path.join(dir, 'validation.sarif');
  await writeFile(input, sarif);
  await promisify(execFile)(
    MULTITOOL,
    ['validate', input, '-o', output, '--rule-kind', 'Sarif;Gh', '--log', 'ForceOverwrite'],
    { timeout: 120_000 },
  );
  const log = JSON.parse(await readFile(output, 'utf8'));
  return (log.runs[0].results ?? []).map(
    (r: { ruleId: string; level?: string; message: { arguments?: string[] } }) =>
      `${r.level ?? 'warning'} ${r.ruleId} ${(r.message.arguments ?? []).join(' ')}`,
  );
}

describe('SARIF report', () => {
  const sarif = renderCiReport('sarif', scenarioInputs());

  test('the scenario: missing grouped by template, stale and not exercised, each at its line', async () => {
    const results = resultsOf(sarif);
    assert.deepEqual(
      results.map(
        (r) =>
          `${r.ruleId} ${r.level} ${r.locations?.[0]?.physicalLocation.artifactLocation.uri}:${r.locations?.[0]?.physicalLocation.region.startLine}`,
      ),
      [
        'missing-intent error intents/web.yaml:1',
        'missing-intent error intents/web.yaml:1',
        'missing-intent error intents/web.yaml:1',
        'stale-intent error intents/web.yaml:13',
        'stale-intent error intents/web.yaml:25',
        'intent-not-exercised warning intents/batch.yaml:9',
      ],
    );
    // The two IDs under /orders/{*}/items are one finding: one rule declares both.
    assert.match(results[0]!.message.text, /^GET \/orders\/\{\*\}\/items -> orders\.$/m);
    assert.match(results[0]!.message.text, /paths seen: \/orders\/1024\/items, \/orders\/1025\/items\./);
    assert.match(results[0]!.message.text, /Called 52 requests/);
    await assertGolden('controls.sarif', sarif);
  });

  test('the demo report passes the SARIF Multitool with GitHub’s rules', async () => {
    const run = await runCli(['demo', '--format', 'sarif']);
    assert.equal(run.code, 1);
    assert.deepEqual(await multitoolFindings(run.stdout), []);
    await assertGolden('demo.sarif', run.stdout);
  });

  test('the scenario passes the Multitool too, and the Multitool does catch a result without a location', async () => {
    assert.deepEqual(await multitoolFindings(sarif), []);
    const broken = JSON.parse(sarif);
    delete broken.runs[0].results[0].locations;
    const findings = await multitoolFindings(JSON.stringify(broken));
    assert.ok(
      findings.some((f) => /^error GH/.test(f)),
      findings.join('\n'),
    );
  });

  test('fingerprints stay while the drift stays: moved lines, other counts, a new ID under a template', () => {
    const before = resultsOf(sarif);
    const moved = scenarioCalls.map((c) => ({ ...c, count: c.count >= 2 ? c.count * 3 : c.count }));
    moved[1] = call('web', 'orders', 'GET', '/orders/2048/items', { count: 12 });
    const after = resultsOf(
      renderCiReport('sarif', scenarioInputs(undefined, { calls: moved, lineShift: 4 })),
    );
    const prints = (results: SarifResult[]) => results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    assert.deepEqual(prints(after), prints(before));
    assert.notDeepEqual(
      after.map((r) => r.locations?.[0]?.physicalLocation.region.startLine),
      before.map((r) => r.locations?.[0]?.physicalLocation.region.startLine),
    );
    assert.equal(new Set(prints(before)).size, before.length, 'each finding its own fingerprint');
  });

  test('levels follow the fail policy: warnings when nothing fails, errors for what does', () => {
    const none = resultsOf(
      renderCiReport('sarif', scenarioInputs({ failOn: 'none', clientIdle: 'warn', overrides: [] })),
    );
    assert.deepEqual(
      none.map((r) => r.level),
      ['warning', 'warning', 'warning', 'warning', 'warning', 'note'],
    );
    const missingOnly = resultsOf(
      renderCiReport('sarif', scenarioInputs({ failOn: 'missing', clientIdle: 'fail', overrides: [] })),
    );
    assert.deepEqual(
      missingOnly.map((r) => `${r.ruleId} ${r.level}`),
      [
        'missing-intent error',
        'missing-intent error',
        'missing-intent error',
        'stale-intent warning',
        'stale-intent warning',
        'intent-not-exercised note',
      ],
    );
    const idleFails = resultsOf(
      renderCiReport('sarif', scenarioInputs({ failOn: 'any', clientIdle: 'fail', overrides: [] })),
    );
    assert.equal(idleFails.at(-1)!.level, 'error');
    // The default clientIdle: warn, with a gate that takes stale rules: the gate warns, so does the result.
    const idleWarns = resultsOf(
      renderCiReport('sarif', scenarioInputs({ failOn: 'any', clientIdle: 'warn', overrides: [] })),
    );
    assert.equal(`${idleWarns.at(-1)!.ruleId} ${idleWarns.at(-1)!.level}`, 'intent-not-exercised warning');
  });

  test('text from traffic cannot become an embedded link or a control sequence', async () => {
    assert.equal(sarifText('/a[x](0)\\b'), '/a\\[x\\](0)\\\\b');
    // Shown escapes are escaped again, so a viewer shows `\x1b` rather than reading a backslash.
    assert.equal(sarifText('/a\u001b[31m\u202e'), '/a\\\\x1b\\[31m\\\\u202e');
    const calls = [call('web', 'orders', 'GET', '/x[click](0)\u0007/\u202egnp.exe', { count: 3 })];
    const hostile = renderCiReport('sarif', scenarioInputs(undefined, { calls }));
    const text = resultsOf(hostile)[0]!.message.text;
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is that none gets through
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u202e]/.test(text), text);
    assert.ok(text.includes('/x\\[click\\](0)\\\\x07/\\\\u202egnp.exe'), text);
    assert.deepEqual(await multitoolFindings(hostile), []);
  });

  test('a warning quoting a metric label is a notification escaped like a message', () => {
    const drift = computeDrift(
      observedMap([], { warnings: ['label [x](https://evil.example) \u001b]0;t\u0007'] }),
      declaredIntents([]),
    );
    const gate = { missing: () => true, stale: () => 'fail' as const };
    const run = (toSarif(drift, { gate }).runs as { invocations: unknown[] }[])[0]!;
    assert.deepEqual(run.invocations, [
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          { level: 'warning', message: { text: 'label \\[x\\](https://evil.example) \\\\x1b\\]0;t\\\\x07' } },
        ],
      },
    ]);
  });

  test('URIs are relative to the repository root and percent-encoded', () => {
    const inputs = scenarioInputs();
    const cwd = path.join(ROOT, 'deploy');
    inputs.declared.rules = inputs.declared.rules.map((r) => ({
      ...r,
      file: `my intents/${path.basename(r.file)}`,
    }));
    inputs.declared.documents = inputs.declared.documents.map((d) => ({
      ...d,
      file: `my intents/${path.basename(d.file)}`,
    }));
    const uris = resultsOf(
      renderCiReport('sarif', { ...scenarioInputs(), declared: inputs.declared, cwd, repositoryRoot: ROOT }),
    ).map((r) => r.locations?.[0]?.physicalLocation.artifactLocation.uri);
    assert.ok(uris.length > 0);
    // The scenario's drift still names intents/web.yaml (relative to cwd = deploy/).
    for (const uri of uris) assert.match(uri ?? '', /^deploy\/intents\/(web|batch)\.yaml$/);
    assert.equal(NS.length > 0, true);
  });
});

describe('SARIF: artifact URIs', () => {
  test('each segment of a repository path is percent-encoded: "#" and "?" are no fragment or query', () => {
    assert.equal(relativeUri('deploy/intents/client#v2.yaml'), 'deploy/intents/client%23v2.yaml');
    assert.equal(relativeUri('a b/c?d.yaml'), 'a%20b/c%3Fd.yaml');
    assert.equal(relativeUri('intents/web.yaml'), 'intents/web.yaml');
  });
});

describe('SARIF: a client without ClientIntents', () => {
  test('its missing call is shown beside another document of its namespace, and says it needs one of its own', () => {
    const inputs = scenarioInputs(undefined, {
      calls: [...scenarioCalls, call('cron', 'orders', 'GET', '/reindex')],
    });
    const cron = resultsOf(renderCiReport('sarif', inputs)).filter((r) => r.message.text.includes('cron'));
    assert.deepEqual(
      cron.map(
        (r) =>
          `${r.locations?.[0]?.physicalLocation.artifactLocation.uri}:${r.locations?.[0]?.physicalLocation.region.startLine}`,
      ),
      ['intents/web.yaml:1'],
    );
    assert.match(
      cron[0]!.message.text,
      new RegExp(`\\ncron\\.${NS} has no ClientIntents yet: add a document for it\\.`),
    );
  });
});

describe('SARIF: rules not checked', () => {
  test('a note for a rule whose calls carry no method or path, none for a target Istio metrics never show', () => {
    assert.deepEqual(
      resultsOf(renderCiReport('sarif', notCheckedInputs())).map(
        (r) =>
          `${r.ruleId} ${r.level} ${r.locations?.[0]?.physicalLocation.region.startLine} ${r.message.text.split('\n')[0]}`,
      ),
      ['stale-intent error 7 DELETE * -> users.', 'http-detail-missing note 12 GET /orders -> orders.'],
    );
  });
});
