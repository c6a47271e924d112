// The CLI's wiring of the other live sources: Otterize's mapper (a GraphQL stand-in) and
// Prometheus when it is down, with its bearer token taken from the named env var.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startBearerGate } from '../support/bearer-gate.ts';
import {
  demoMapperIntents,
  type MapperStandIn,
  startMapperServer,
} from '../support/mapper-graphql-server.ts';
import { startPrometheusApi } from '../support/prometheus-api-server.ts';
import { freePort } from '../support/prometheus-process.ts';
import { runCli } from './run-cli.ts';

describe('CLI with --mapper-url', () => {
  let mapper: MapperStandIn;
  before(async () => {
    mapper = await startMapperServer(demoMapperIntents());
  });
  after(() => mapper.close());

  test('check reads the mapper and finds the demo drift', async () => {
    const run = await runCli([
      'check',
      '--mapper-url',
      mapper.url,
      '--intents',
      'fixtures/demo/intents',
      '--format',
      'json',
    ]);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.equal(report.missing.length, 1);
    assert.equal(report.missing[0].path, '/client2-path');
    assert.equal(report.stale[0].path, '/client2-old-path');
    assert.match(report.warnings.join('\n'), /count/i, 'the mapper keeps no counts, and the report says so');
  });

  test('behind a bearer-token proxy: the token from the env var --mapper-token-env names', async () => {
    const gate = await startBearerGate(mapper.url, 'mapper-secret');
    try {
      const args = ['check', '--mapper-url', gate.url, '--intents', 'fixtures/demo/intents'];
      const ok = await runCli(args, { env: { MAPPER_TOKEN: 'mapper-secret' } });
      assert.equal(ok.code, 1, ok.stderr);
      assert.match(ok.stdout, /1 missing, 1 stale/);
      const named = await runCli([...args, '--mapper-token-env', 'MY_MAPPER'], {
        env: { MY_MAPPER: 'mapper-secret', MAPPER_TOKEN: 'not-this-one' },
      });
      assert.equal(named.code, 1, named.stderr);
      const refused = await runCli(args, { env: { MAPPER_TOKEN: 'stale-secret' } });
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /HTTP 401: not authorized/);
      assert.doesNotMatch(refused.stderr, /stale-secret/);
      assert.ok(gate.seen.filter((r) => r.authorized).length >= 2);
    } finally {
      await gate.close();
    }
  });

  test('reset asks the mapper to forget', async () => {
    const run = await runCli(['reset', '--mapper-url', mapper.url]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /forgot/);
  });
});

describe('CLI with --prometheus-url', () => {
  test('the bearer token comes from the env var --prometheus-token-env names', async () => {
    const { parseCommandLine } = await import('../../src/cli/args.ts');
    const parsed = parseCommandLine(
      ['list', '--prometheus-url', 'http://p:9090', '--prometheus-token-env', 'T'],
      {
        cwd: '/',
        colorDefault: false,
        variables: { T: 'tok', PROMETHEUS_TOKEN: 'other' },
      },
    );
    assert.equal(parsed.settings.source, 'prometheus');
    assert.equal(parsed.settings.live.prometheusToken, 'tok');
    const byDefault = parseCommandLine(['list', '--prometheus-url', 'http://p:9090'], {
      cwd: '/',
      colorDefault: false,
      variables: { PROMETHEUS_TOKEN: 'other' },
    });
    assert.equal(byDefault.settings.live.prometheusToken, 'other');
  });

  test('Prometheus down: exit 2, the URL and the reason, never the token', async () => {
    const port = await freePort();
    const run = await runCli(
      ['list', '--prometheus-url', `http://127.0.0.1:${port}`, '--prometheus-token-env', 'MY_PROM_TOKEN'],
      { env: { MY_PROM_TOKEN: 'very-secret' } },
    );
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      new RegExp(`^intent-drift: http://127\\.0\\.0\\.1:${port}/api/v1/query: cannot reach`),
    );
    assert.doesNotMatch(run.stderr, /very-secret|query=/);
  });

  test('--prometheus-timeout: a slow Prometheus fails at the limit given; no limit, zero or over an hour is refused', async () => {
    const slow = await startPrometheusApi({ series: () => [], delayMs: () => 3000 });
    try {
      const started = Date.now();
      const run = await runCli(['list', '--prometheus-url', slow.url, '--prometheus-timeout', '300ms']);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, /\/api\/v1\/query: cannot reach: timed out/);
      assert.ok(Date.now() - started < 2900, 'it waited for the answer past its timeout');
    } finally {
      await slow.close();
    }
    for (const [value, why] of [
      ['2h', /--prometheus-timeout: 2h is longer than the limit of 60 minutes/],
      ['0s', /--prometheus-timeout: the duration must be longer than zero/],
      ['soon', /--prometheus-timeout: "soon" is not a duration/],
    ] as const) {
      const run = await runCli([
        'list',
        '--prometheus-url',
        'http://127.0.0.1:9',
        '--prometheus-timeout',
        value,
      ]);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, why);
    }
  });
});
