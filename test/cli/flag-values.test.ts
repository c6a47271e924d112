// Each flag's value reaches its own setting, every value of a repeatable flag is kept, and a
// value or a pairing the flag cannot mean is bad usage (exit 2) rather than silently ignored:
// a flag that sets the wrong field (or none) reads another cluster, another range, or another
// token, and the verdict is about something else than what was asked.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCommandLine } from '../../src/cli/args.ts';
import { isInputError } from '../../src/errors.ts';
import type { Settings } from '../../src/settings.ts';

const ctx = { cwd: '/', colorDefault: false };

function settingsOf(argv: string[], variables: Record<string, string> = {}, colorDefault = false): Settings {
  return parseCommandLine(argv, { ...ctx, colorDefault, variables }).settings;
}

function refused(argv: string[]): string {
  try {
    parseCommandLine(argv, { ...ctx, variables: {} });
  } catch (err) {
    assert.ok(isInputError(err), String(err));
    return String(err);
  }
  assert.fail(`accepted: ${argv.join(' ')}`);
}

describe('flag values reach their own settings', () => {
  test('the sidecars: --kubeconfig, --context, --window, --pod-timeout and --concurrency each set their own field', () => {
    const live = settingsOf([
      'list',
      '--kubeconfig',
      'kube.yaml',
      '--context',
      'staging',
      '--window',
      '30s',
      '--pod-timeout',
      '5s',
      '--concurrency',
      '8',
    ]).live;
    assert.equal(live.kubeconfig, 'kube.yaml');
    assert.equal(live.context, 'staging');
    assert.equal(live.window, '30s');
    assert.equal(live.podTimeout, '5s');
    assert.equal(live.concurrency, 8);
  });

  test('Prometheus: the URL, CA, timeout and range as given; the token from the variable named', () => {
    const variables = { PROMETHEUS_TOKEN: 'default-token', MY_PROM: 'named-token' };
    const live = settingsOf(
      [
        'list',
        '--prometheus-url',
        'https://prom:9090',
        '--prometheus-token-env',
        'MY_PROM',
        '--prometheus-ca',
        'ca.pem',
        '--prometheus-timeout',
        '5s',
        '--since',
        '2h',
      ],
      variables,
    ).live;
    assert.equal(live.prometheusUrl, 'https://prom:9090');
    assert.equal(live.prometheusToken, 'named-token');
    assert.equal(live.prometheusCa, 'ca.pem');
    assert.equal(live.prometheusTimeout, '5s');
    assert.equal(live.since, '2h');
  });

  test("the mapper: its URL, and its token from the variable named (Prometheus' token untouched)", () => {
    const variables = { MAPPER_TOKEN: 'default-mapper', PROMETHEUS_TOKEN: 'prom', MY_MAPPER: 'named-mapper' };
    const live = settingsOf(
      ['list', '--mapper-url', 'http://mapper:9090', '--mapper-token-env', 'MY_MAPPER'],
      variables,
    ).live;
    assert.equal(live.mapperUrl, 'http://mapper:9090');
    assert.equal(live.mapperToken, 'named-mapper');
    assert.equal(live.prometheusToken, 'prom');
  });

  test('--since reaches a snapshot read too', () => {
    assert.equal(settingsOf(['list', '--snapshot', 'a.json', '--since', '15m']).live.since, '15m');
  });

  test('repeatable paths keep every value, in order, stdin included where it is read', () => {
    const s = settingsOf([
      'list',
      '--metrics',
      'a/',
      '--metrics',
      'b.prom',
      '--workloads',
      'w1.yaml',
      '--workloads',
      'w2.yaml',
    ]);
    assert.deepEqual(s.metrics, ['a/', 'b.prom']);
    assert.deepEqual(s.workloads, ['w1.yaml', 'w2.yaml']);
    assert.deepEqual(settingsOf(['list', '--snapshot', 'one.json', '--snapshot', '-']).snapshots, [
      'one.json',
      '-',
    ]);
  });

  test('export: --as-service, --format and -o set the export, not the check report', () => {
    const s = settingsOf(['export', '--metrics', 'a/', '--as-service', '--format', 'json', '-o', 'out.json']);
    assert.equal(s.export.asService, true);
    assert.equal(s.export.format, 'json');
    assert.equal(s.format, 'text');
    assert.equal(s.output, 'out.json');
    assert.equal(settingsOf(['export', '--metrics', 'a/']).export.asService, false);
  });

  test('--color and --no-color beat the default; given both, --no-color wins', () => {
    const check = ['check', '--metrics', 'a/', '--intents', 'i/'];
    assert.equal(settingsOf([...check, '--color'], {}, false).color, true);
    assert.equal(settingsOf([...check, '--no-color'], {}, true).color, false);
    assert.equal(settingsOf([...check, '--color', '--no-color'], {}, false).color, false);
    assert.equal(settingsOf([...check, '--no-color', '--color'], {}, true).color, false);
  });

  test('visualize --only-drift with --intents starts with the drift only', () => {
    const s = settingsOf(['visualize', '--metrics', 'a/', '--intents', 'i/', '--only-drift', '-o', 'm.html']);
    assert.equal(s.visualize.onlyDrift, true);
    assert.equal(s.output, 'm.html');
  });
});

describe('flag values and pairings that cannot mean anything are refused', () => {
  test("-o '' (an unset variable) and -o - are refused", () => {
    for (const command of [
      ['export', '--metrics', 'a/'],
      ['policies', '--intents', 'i/'],
    ]) {
      assert.equal(refused([...command, '-o', '']), '--output needs a non-empty value');
      assert.match(refused([...command, '-o', '-']), /--output does not read stdin/);
    }
  });

  test('a --source typo, --concurrency past 256, and an unknown --api-version', () => {
    assert.match(refused(['list', '--source', 'metric', '--metrics', 'a/']), /--source must be one of/);
    assert.match(refused(['list', '--kubeconfig', 'k', '--concurrency', '257']), /from 1 to 256/);
    assert.match(
      refused(['export', '--metrics', 'a/', '--api-version', 'v9']),
      /--api-version must be one of/,
    );
  });

  test('--window and --since with metrics files, which have neither, are refused', () => {
    assert.match(refused(['list', '--metrics', 'a/', '--window', '30s']), /--window/);
    assert.match(refused(['list', '--metrics', 'a/', '--since', '2h']), /--since/);
  });

  test('capture reads a live source only: --metrics is refused; policies reads --workloads', () => {
    assert.match(
      refused(['capture', '--metrics', 'a/', '-o', 'snap.json']),
      /--metrics does not apply to capture/,
    );
    assert.deepEqual(settingsOf(['policies', '--intents', 'i/', '--workloads', 'w.yaml']).workloads, [
      'w.yaml',
    ]);
  });

  test('visualize --only-drift without --intents (no drift to keep) is refused', () => {
    assert.match(
      refused(['visualize', '--metrics', 'a/', '--only-drift', '-o', 'm.svg']),
      /--only-drift needs --intents/,
    );
  });

  test('a --fail-on value is one of the four as written: a typo or capitals match no drift, so they are refused', () => {
    for (const value of ['mising', 'ANY', 'Missing']) {
      assert.match(
        refused(['check', '--metrics', 'a/', '--fail-on', value]),
        /--fail-on must be one of/,
        value,
      );
    }
    assert.equal(settingsOf(['check', '--metrics', 'a/', '--fail-on', 'stale']).failOn, 'stale');
  });

  test('--min-count 1 is the least allowed; 0 is refused', () => {
    assert.equal(settingsOf(['check', '--metrics', 'a/', '--min-count', '1']).minCount, 1);
    assert.match(refused(['check', '--metrics', 'a/', '--min-count', '0']), /of 1 or more \(got '0'\)/);
  });

  test('--baseline and --config take a file: not stdin, not an empty value', () => {
    for (const flag of ['--baseline', '--config']) {
      assert.match(refused(['check', '--metrics', 'a/', flag, '-']), /does not read stdin/, flag);
      assert.match(refused(['check', '--metrics', 'a/', flag, '']), /needs a non-empty value/, flag);
    }
  });

  test('visualize: --fail-on, --min-count and --baseline without --intents (no drift to judge) are refused', () => {
    const draw = ['visualize', '--metrics', 'a/', '-o', 'm.svg'];
    assert.equal(refused([...draw, '--fail-on', 'any']), '--fail-on needs --intents with visualize');
    assert.match(refused([...draw, '--min-count', '2']), /--min-count needs --intents with visualize/);
    assert.match(refused([...draw, '--baseline', 'b.json']), /--baseline needs --intents with visualize/);
  });

  test('--source names a source its flags must give: metrics, snapshot and prometheus each say which', () => {
    assert.match(refused(['list', '--source', 'metrics']), /--source metrics needs --metrics PATH/);
    assert.match(refused(['list', '--source', 'snapshot']), /--source snapshot needs --snapshot FILE/);
    assert.match(
      refused(['list', '--source', 'prometheus']),
      /--source prometheus needs --prometheus-url URL/,
    );
  });

  test('--metrics and --snapshot together: --metrics names the source, --snapshot is the one refused', () => {
    assert.match(
      refused(['list', '--metrics', 'a/', '--snapshot', 's.json']),
      /--snapshot applies to --source snapshot, but this run reads metrics \(named by --metrics\)/,
    );
  });
});

describe('the mapper at a URL reads no kubeconfig', () => {
  test('--kubeconfig or --context with --mapper-url is refused, not silently ignored', () => {
    for (const cluster of [
      ['--kubeconfig', 'staging.yaml'],
      ['--context', 'staging'],
    ]) {
      for (const command of [['list'], ['check', '--intents', 'i/'], ['capture', '-o', 's.json']]) {
        assert.equal(
          refused([...command, '--mapper-url', 'http://mapper:9090/query', ...cluster]),
          `${cluster[0]} does not apply with --mapper-url: the mapper is read at its URL, not through a kubeconfig; give one of them`,
          `${command[0]} ${cluster[0]}`,
        );
      }
    }
    const throughCluster = settingsOf(['list', '--source', 'mapper', '--kubeconfig', 'k', '--context', 'c']);
    assert.deepEqual([throughCluster.live.kubeconfig, throughCluster.live.context], ['k', 'c']);
  });
});

describe('the verdict switches set their settings', () => {
  test('--allow-empty on every command that reads observed calls; --fix --prune-stale on check', () => {
    for (const command of ['check', 'list', 'export', 'visualize']) {
      assert.equal(settingsOf([command, '--metrics', 'a/', '--allow-empty']).allowEmpty, true, command);
    }
    assert.equal(settingsOf(['list', '--metrics', 'a/']).allowEmpty, false);
    const fix = settingsOf(['check', '--metrics', 'a/', '--intents', 'i/', '--fix', '--prune-stale']);
    assert.equal(fix.fix, true);
    assert.equal(fix.pruneStale, true);
    assert.equal(settingsOf(['check', '--metrics', 'a/', '--fix']).pruneStale, false);
  });
});
