// JUnit XML for GitLab, Jenkins and the rest: valid per the JUnit schema Jenkins' xUnit plugin
// uses (xmllint), read back by a JUnit parser (junit2json) with the counts a CI would show.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { parse } from 'junit2json';
import { renderCiReport } from '../../src/deliver/ci-reports.ts';
import { checkDrift } from '../../src/diff/drift-controls.ts';
import type { FailPolicy } from '../../src/diff/fail-policy.ts';
import { runCli } from '../cli/run-cli.ts';
import { call, declaredIntents, NS, observedMap, rule } from '../diff/builders.ts';
import { notCheckedInputs, ROOT, scenarioInputs } from './ci-scenario.ts';
import { assertGolden } from './demo-drift.ts';

const XSD = path.join(ROOT, 'fixtures/junit/junit-10.xsd');
const XMLLINT = '/usr/bin/xmllint';

/** xmllint's verdict on the XML against the JUnit schema: '' when it validates. */
async function schemaErrors(xml: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-junit-'));
  const file = path.join(dir, 'junit.xml');
  await writeFile(file, xml);
  try {
    await promisify(execFile)(XMLLINT, ['--noout', '--schema', XSD, file]);
    return '';
  } catch (err) {
    return String((err as { stderr?: string }).stderr ?? err);
  }
}

interface Case {
  name: string;
  classname: string;
  failure?: { message: string; type: string; inner?: string }[];
  skipped?: { message: string; type: string; inner?: string }[];
}

async function casesOf(xml: string): Promise<{ suite: string; cases: Case[] }[]> {
  const report = (await parse(xml)) as { testsuite: { name: string; testcase?: Case[] }[] };
  return report.testsuite.map((s) => ({ suite: s.name, cases: s.testcase ?? [] }));
}

const verdict = (c: Case) =>
  c.failure ? 'failure' : c.skipped ? `skipped (${c.skipped[0]!.type})` : 'passed';

describe('JUnit report', {
  skip: existsSync(XMLLINT) ? false : 'xmllint not installed (Debian libxml2-utils)',
}, () => {
  const xml = renderCiReport('junit', scenarioInputs());

  test('a suite per client, a case per declared rule and per missing call', async () => {
    const suites = await casesOf(xml);
    assert.deepEqual(
      suites.map((s) => [s.suite, s.cases.map((c) => `${verdict(c)}: ${c.name}`)]),
      [
        [
          'otterize-tutorial-istio-mapping/batch',
          ['skipped (intent-not-exercised): rule POST /orders/reindex -> orders'],
        ],
        [
          'otterize-tutorial-istio-mapping/web',
          [
            'failure: missing GET /orders/{*}/items -> orders',
            'failure: missing GET /v1.2/status -> orders',
            'failure: missing GET /users/{*} -> users',
            'skipped (ignored): missing GET /healthz -> users',
            'passed: rule GET /me -> users',
            'failure: rule GET /profile -> users',
            'skipped (ignored): rule GET /old -> legacy',
            'failure: rule (any request) -> reports',
          ],
        ],
      ],
    );
    const missing = suites[1]!.cases[0]!.failure![0]!;
    assert.equal(missing.type, 'missing-intent');
    assert.match(missing.inner ?? '', /Declare it in intents\/web\.yaml:1\./);
    assert.match(
      missing.inner ?? '',
      /Suggested entry under spec\.targets:\n- kubernetes:\n {4}name: orders\n/,
    );
    assert.equal(await schemaErrors(xml), '');
    await assertGolden('controls.junit.xml', xml);
  });

  test('stale rules fail only when the fail policy fails them; skipped with the reason otherwise', async () => {
    const missingOnly = renderCiReport(
      'junit',
      scenarioInputs({ failOn: 'missing', clientIdle: 'warn', overrides: [] }),
    );
    const web = (await casesOf(missingOnly))[1]!.cases;
    const profile = web.find((c) => c.name === 'rule GET /profile -> users')!;
    assert.equal(verdict(profile), 'skipped (stale-intent)');
    assert.match(profile.skipped![0]!.message, /path-not-called.*\(not failing\)$/);
    const none = renderCiReport(
      'junit',
      scenarioInputs({ failOn: 'none', clientIdle: 'warn', overrides: [] }),
    );
    const all = (await casesOf(none)).flatMap((s) => s.cases);
    assert.equal(all.filter((c) => c.failure).length, 0);
    assert.match(none, /<testsuites name="intent-drift" tests="9" failures="0"/);
  });

  test("two clients' documents in one file, naming the same call: each rule's case is its own", async () => {
    // One file, two ClientIntents: web's rule is used, batch's (the same server, method and path) is stale.
    const declared = declaredIntents([
      rule('web', 'orders', 'GET', '/orders', { file: 'intents/all.yaml', line: 9 }),
      rule('batch', 'orders', 'GET', '/orders', { file: 'intents/all.yaml', line: 21 }),
    ]);
    const policy: FailPolicy = { failOn: 'any', clientIdle: 'fail', overrides: [] };
    const { drift } = checkDrift(
      observedMap([call('web', 'orders', 'GET', '/orders'), call('batch', 'users', 'GET', '/u')]),
      declared,
      { policy },
    );
    const out = renderCiReport('junit', {
      drift,
      declared,
      policy,
      namespaces: [],
      cwd: ROOT,
      repositoryRoot: ROOT,
    });
    assert.deepEqual(
      (await casesOf(out)).map(
        (s) => `${s.suite}: ${s.cases.map((c) => `${verdict(c)} ${c.name}`).join('; ')}`,
      ),
      [
        `${NS}/batch: failure missing GET /u -> users; failure rule GET /orders -> orders`,
        `${NS}/web: passed rule GET /orders -> orders`,
      ],
    );
  });

  test('rules of one line (flow style, or methods: [GET, POST]) each get their own case', async () => {
    // `methods: [GET, POST]` is one entry, two rules; `calls: [{name: orders}, {name: orders, type: kafka}]`
    // puts two targets on one line. Each keeps its own outcome.
    const at = { file: 'intents/web.yaml', line: 9 };
    const declared = declaredIntents([
      rule('web', 'orders', 'GET', '/orders', at),
      rule('web', 'orders', 'POST', '/orders', at),
      rule('web', 'users', null, null, { file: 'intents/web.yaml', line: 14 }),
      rule('web', 'users', null, null, { targetType: 'kafka', file: 'intents/web.yaml', line: 14 }),
    ]);
    const policy: FailPolicy = { failOn: 'any', clientIdle: 'fail', overrides: [] };
    const calls = [call('web', 'orders', 'GET', '/orders'), call('web', 'users', 'GET', '/u')];
    const { drift } = checkDrift(observedMap(calls), declared, { policy });
    const out = renderCiReport('junit', {
      drift,
      declared,
      policy,
      namespaces: [],
      cwd: ROOT,
      repositoryRoot: ROOT,
    });
    assert.equal(await schemaErrors(out), '');
    assert.deepEqual(
      (await casesOf(out)).flatMap((s) => s.cases.map((c) => `${verdict(c)}: ${c.name}`)),
      [
        'passed: rule GET /orders -> orders',
        'failure: rule POST /orders -> orders',
        'passed: rule (any request) -> users',
        'skipped (not-checked): rule (any request) -> kafka users',
      ],
    );
  });

  test('clients of one name in two namespaces: a suite each; a file name with & stays XML', async () => {
    const declared = declaredIntents([
      rule('web.shop', 'orders.shop', 'GET', '/orders', { file: 'intents/shop&pay.yaml', line: 5 }),
      rule('web.pay', 'ledger.pay', 'GET', '/ledger', { file: 'intents/shop&pay.yaml', line: 15 }),
    ]);
    const policy: FailPolicy = { failOn: 'any', clientIdle: 'warn', overrides: [] };
    const { drift } = checkDrift(observedMap([call('web.shop', 'orders.shop', 'GET', '/orders')]), declared, {
      policy,
    });
    const out = renderCiReport('junit', {
      drift,
      declared,
      policy,
      namespaces: [],
      cwd: ROOT,
      repositoryRoot: ROOT,
    });
    assert.equal(await schemaErrors(out), '');
    assert.equal(out.match(/ file="intents\/shop&amp;pay\.yaml">/g)?.length, 2, out);
    assert.deepEqual(
      (await casesOf(out)).map(
        (s) => `${s.suite}: ${s.cases.map((c) => `${verdict(c)} ${c.name}`).join('; ')}`,
      ),
      [
        'pay/web: skipped (intent-not-exercised) rule GET /ledger -> ledger',
        'shop/web: passed rule GET /orders -> orders',
      ],
    );
  });

  test("a client's suite names its first intents file; not-checked rules are skipped with their own reason", async () => {
    const out = renderCiReport('junit', notCheckedInputs());
    assert.equal(await schemaErrors(out), '');
    assert.match(
      out,
      /<testsuite name="otterize-tutorial-istio-mapping\/web" [^>]* file="intents\/web\.yaml">/,
    );
    const cases = (await casesOf(out))[0]!.cases;
    assert.deepEqual(
      cases.map((c) => `${verdict(c)}: ${c.name}`),
      [
        'failure: missing (no HTTP detail) -> orders',
        'failure: missing GET /u -> users',
        'skipped (http-detail-missing): rule GET /orders -> orders',
        'skipped (not-checked): rule (any request) -> kafka events',
        'failure: rule DELETE * -> users',
      ],
    );
    assert.equal(
      cases[3]!.skipped![0]!.message,
      'not checked: this target is not visible in Istio HTTP metrics',
    );
  });

  test('the demo: the CLI writes it, it validates, and the counts are what a CI shows', async () => {
    const run = await runCli(['demo', '--format', 'junit']);
    assert.equal(run.code, 1);
    assert.equal(await schemaErrors(run.stdout), '');
    const report = (await parse(run.stdout)) as { tests: number; failures: number };
    assert.deepEqual([report.tests, report.failures], [3, 1]);
    await assertGolden('demo.junit.xml', run.stdout);
  });

  test('names from traffic stay text: markup, CDATA ends, controls and lone surrogates', async () => {
    const hostile = '/a<b>&"\'/]]>/\u0000\u001b[31m/\ud800/\ufffe';
    const inputs = scenarioInputs(undefined, {
      calls: [call('web', 'orders', 'GET', hostile, { count: 3 })],
    });
    const out = renderCiReport('junit', inputs);
    assert.equal(await schemaErrors(out), '');
    const names = (await casesOf(out)).flatMap((s) => s.cases.map((c) => c.name));
    assert.ok(
      names.includes('missing GET /a<b>&"\'/]]>/\\x00\\x1b[31m/\ufffd/\ufffd -> orders'),
      names.join('\n'),
    );
  });

  test('characters beyond the BMP stay themselves, a lone low surrogate does not; a control character in a client name is escaped', async () => {
    const inputs = scenarioInputs(undefined, {
      calls: [call('w\u0001eb', 'orders', 'GET', '/caf\u00e9/\u{1F600}/\udc00', { count: 3 })],
    });
    const out = renderCiReport('junit', inputs);
    assert.equal(await schemaErrors(out), '');
    const suites = await casesOf(out);
    assert.ok(
      suites.some((s) => s.suite === `${NS}/w\\x01eb`),
      suites.map((s) => s.suite).join('\n'),
    );
    const names = suites.flatMap((s) => s.cases.map((c) => c.name));
    assert.ok(names.includes('missing GET /caf\u00e9/\u{1F600}/\ufffd -> orders'), names.join('\n'));
  });

  test('the schema check can fail: an unknown attribute on a test case is refused', async () => {
    assert.notEqual(await schemaErrors(xml.replace('<testcase ', '<testcase file="x" ')), '');
  });
});
