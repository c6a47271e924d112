// The inputs as a workflow writes them, into the one settings object.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { INPUT, OUTPUT, readActionInputs } from '../../src/action/inputs.ts';
import { isInputError } from '../../src/errors.ts';

const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

describe('readActionInputs', () => {
  test('defaults, multi-line paths and comma-separated namespaces', () => {
    const s = readActionInputs(
      reader({
        'github-token': 't',
        intents: 'intents/\n# old\n  deploy/intents\n',
        namespace: 'shop, web  api',
        metrics: 'capture',
      }),
      '/repo',
    );
    assert.deepEqual(s.check.intents, ['intents/', 'deploy/intents']);
    assert.deepEqual(s.check.namespaces, ['shop', 'web', 'api']);
    assert.equal(s.check.defaultNamespace, undefined);
    assert.equal(s.check.failOn, 'missing');
    assert.equal(s.check.failOnExplicit, false, 'an empty fail-on leaves it to the config');
    assert.equal(s.check.allowEmpty, false);
    assert.equal(s.check.configFile, undefined);
    assert.equal(s.check.baselineFile, undefined);
    assert.equal(s.check.environment, undefined);
    assert.equal(s.check.source, 'metrics');
    assert.equal(s.mode, 'check');
    assert.equal(s.comment, true);
    assert.equal(s.openPr, false);
    assert.equal(s.pruneStale, false);
    assert.equal(s.prBranch, 'intent-drift/update');
    assert.equal(s.reportFile, 'intent-drift-report.json');
    assert.deepEqual(s.live, {
      cluster: 'none',
      kindConfig: undefined,
      keepCluster: false,
      istioVersion: undefined,
      traffic: undefined,
      duration: '2m',
    });
  });

  test('default-namespace: the namespace of ClientIntents that name none', () => {
    const s = readActionInputs(
      reader({ 'github-token': 't', intents: 'intents/', metrics: 'capture', 'default-namespace': ' shop ' }),
      '/repo',
    );
    assert.equal(s.check.defaultNamespace, 'shop');
  });

  test('fail-on given wins over the config; config, baseline, environment and allow-empty', () => {
    const s = readActionInputs(
      reader({
        'github-token': 't',
        intents: 'i',
        metrics: 'm',
        'fail-on': 'stale',
        config: 'ci/drift.yaml',
        baseline: 'ci/baseline.json',
        environment: 'prod',
        'allow-empty': 'true',
        namespace: 'shop\nshop,web',
      }),
      '/repo',
    );
    assert.equal(s.check.failOn, 'stale');
    assert.equal(s.check.failOnExplicit, true);
    assert.equal(s.check.configFile, 'ci/drift.yaml');
    assert.equal(s.check.baselineFile, 'ci/baseline.json');
    assert.equal(s.check.environment, 'prod');
    assert.equal(s.check.allowEmpty, true);
    assert.deepEqual(s.check.namespaces, ['shop', 'web']);
  });

  test('a duration up to 120h is taken as given', () => {
    for (const duration of ['1s', '7200m', '120h']) {
      const s = readActionInputs(
        reader({ 'github-token': 't', intents: 'intents', cluster: 'existing', duration }),
        '/repo',
      );
      assert.equal(s.live.duration, duration);
    }
  });

  test('refuses bad values with the input’s name', () => {
    const bad: [Record<string, string>, RegExp][] = [
      [{ 'fail-on': 'often' }, /^fail-on must be one of missing, stale, any, none/],
      [
        { 'default-namespace': 'Shop Floor' },
        /^default-namespace: 'Shop Floor' is not a Kubernetes namespace name/,
      ],
      [{ comment: 'yes' }, /^comment must be true or false/],
      [{ cluster: 'minikube' }, /^cluster must be one of none, kind, existing/],
      [{ 'istio-version': 'latest' }, /^istio-version: 'latest' is not a version/],
      [
        { 'istio-version': '1.21.6' },
        /^istio-version: 1\.21\.6 is older than 1\.22, the first Istio with the Telemetry v1 API/,
      ],
      [{ 'istio-version': '0.8' }, /^istio-version: 0\.8 is older than 1\.22/],
      [{ duration: '2 minutes' }, /^duration: '2 minutes' is not a duration/],
      [{ duration: '2m; sleep 999' }, /^duration: '2m; sleep 999' is not a duration/],
      [{ duration: '1h30m' }, /^duration: '1h30m' is not a duration/],
      [{ duration: 'm' }, /^duration: 'm' is not a duration/],
      // A timer waits at most 2^31-1 ms (24.8 days): a longer window would close at once.
      [{ duration: '600h' }, /^duration: '600h' is longer than 120h/],
      [{ duration: '7201m' }, /^duration: '7201m' is longer than 120h/],
      [{ duration: '0s' }, /^duration: the duration must be longer than zero/],
      [{ 'prometheus-url': 'file:///etc/passwd' }, /^prometheus-url: must be http\(s\)/],
      [{ 'prometheus-url': '/prometheus', source: 'prometheus' }, /^prometheus-url: not a URL/],
      [{ 'pr-branch': '../main' }, /^pr-branch: '..\/main' is not a valid branch name/],
      // Git refuses these ref names; one with a space or a control character is never a branch.
      [{ 'pr-branch': '/main' }, /^pr-branch: '\/main' is not a valid branch name/],
      [{ 'pr-branch': 'intent-drift/update now' }, /^pr-branch: 'intent-drift\/update now' is not a valid/],
      [{ 'pr-branch': 'update\u0007' }, /^pr-branch: 'update\\x07' is not a valid branch name/],
      [{ 'pr-branch': 'update\nmain' }, /^pr-branch: 'update\\nmain' is not a valid branch name/],
      [{ intents: '' }, /^intents is required/],
      [{ 'github-token': '' }, /^github-token is empty/],
      // Opening a pull request needs the token too: said before the check, not after it.
      [{ 'github-token': '', comment: 'false', 'open-pr': 'true' }, /^github-token is empty/],
      // mode: comment does nothing but talk to GitHub: no token is refused before the report is read.
      [{ 'github-token': '', comment: 'false', mode: 'comment' }, /^github-token is empty/],
      // Two outputs on one file: the one written last would replace the JSON report.
      [
        { 'report-file': 'out/report.json', 'sarif-file': './out/report.json' },
        /^report-file and sarif-file name the same file \(\.\/out\/report\.json\): give each its own/,
      ],
      [
        { 'junit-file': 'intent-drift-report.json' },
        /^report-file and junit-file name the same file \(intent-drift-report\.json\)/,
      ],
      [{ 'keep-cluster': 'maybe' }, /^keep-cluster must be true or false/],
      [{ 'allow-empty': 'sometimes' }, /^allow-empty must be true or false/],
      [{ namespace: 'shop,Web' }, /^namespace: "Web" is not a namespace name/],
      [
        { cluster: 'kind', workloads: 'w.yaml', metrics: 'capture' },
        /^metrics: files are not read with cluster: kind/,
      ],
      [
        { cluster: 'existing', metrics: '', snapshot: 's.json' },
        /^snapshot: files are not read with cluster: existing/,
      ],
      [
        { cluster: 'kind', source: 'metrics', metrics: '' },
        /^source: metrics reads files; with cluster: kind use sidecars, prometheus, mapper/,
      ],
      [{ cluster: 'kind', metrics: '' }, /^workloads is required with cluster: kind/],
      [{ source: 'prometheus' }, /^source: prometheus needs prometheus-url/],
      [{ source: 'snapshot' }, /^source: snapshot needs snapshot/],
      [{ metrics: '' }, /^source: metrics needs metrics/],
      // An input the source would ignore, as the CLI refuses a flag its source does not read.
      [{ snapshot: 's.json' }, /^snapshot applies to source: snapshot, but this run reads metrics;/],
      [
        { source: 'snapshot', snapshot: 's.json' },
        /^metrics applies to source: metrics, but this run reads snapshot; drop metrics or set source/,
      ],
      [
        { 'prometheus-url': 'http://p:9090' },
        /^prometheus-url applies to source: prometheus, but this run reads metrics/,
      ],
      [
        { cluster: 'existing', metrics: '', 'prometheus-url': 'http://p:9090' },
        /^prometheus-url applies to source: prometheus, but this run reads sidecars/,
      ],
      [{ since: '24h' }, /^since applies to source prometheus or snapshot, not metrics/],
      [{ 'prometheus-timeout': '2m' }, /^prometheus-timeout applies to source prometheus, not metrics/],
      [
        { source: 'prometheus', 'prometheus-url': 'http://p:9090', 'prometheus-timeout': '3h' },
        /^prometheus-timeout: 3h is longer than the limit of 60 minutes/,
      ],
      [
        { source: 'prometheus', 'prometheus-url': 'http://p:9090', since: 'yesterday' },
        /^since: "yesterday" is neither a duration/,
      ],
      [
        {
          cluster: 'kind',
          workloads: 'w.yaml',
          metrics: '',
          source: 'prometheus',
          'prometheus-url': 'http://p',
          since: '1h',
        },
        /^since: a live cluster reads over its duration/,
      ],
    ];
    for (const [inputs, message] of bad) {
      assert.throws(
        () =>
          readActionInputs(reader({ 'github-token': 't', intents: 'i', metrics: 'm', ...inputs }), '/repo'),
        (err) => isInputError(err) && message.test(err.message),
        JSON.stringify(inputs),
      );
    }
  });

  test('booleans as getBooleanInput reads them: true, True, TRUE, false, False, FALSE', () => {
    for (const [given, value] of [
      ['true', true],
      ['True', true],
      ['TRUE', true],
      ['false', false],
      ['False', false],
      ['FALSE', false],
    ] as const) {
      const s = readActionInputs(
        reader({
          'github-token': 't',
          intents: 'i',
          metrics: 'm',
          comment: given,
          'open-pr': given,
          'prune-stale': given,
          'allow-empty': given,
        }),
        '/repo',
      );
      assert.deepEqual(
        [s.comment, s.openPr, s.pruneStale, s.check.allowEmpty],
        [value, value, value, value],
        given,
      );
    }
  });

  test('since filters a snapshot as it ranges Prometheus', () => {
    const s = readActionInputs(
      reader({ 'github-token': 't', intents: 'i', snapshot: 'snap.json', since: '24h' }),
      '/repo',
    );
    assert.equal(s.check.source, 'snapshot');
    assert.equal(s.check.live.since, '24h');
  });

  test('mode: comment needs neither intents nor observed data, and takes report-file as the artifact', () => {
    const s = readActionInputs(
      reader({ 'github-token': 't', mode: 'comment', 'report-file': 'artifact/report.json' }),
      '/repo',
    );
    assert.equal(s.mode, 'comment');
    assert.equal(s.reportFile, 'artifact/report.json');
    assert.deepEqual(s.check.intents, []);
  });

  test('live sources and clusters: sidecars by default on a cluster, prometheus-url into the pipeline', () => {
    const base = { 'github-token': 't', intents: 'i' };
    const kind = readActionInputs(
      reader({
        ...base,
        cluster: 'kind',
        workloads: 'deploy/app.yaml',
        'keep-cluster': 'true',
        'istio-version': '1.30',
        traffic: './load.sh',
        duration: '90s',
      }),
      '/repo',
    );
    assert.equal(kind.check.source, 'sidecars');
    assert.deepEqual(kind.check.workloads, ['deploy/app.yaml']);
    assert.deepEqual(kind.live, {
      cluster: 'kind',
      kindConfig: undefined,
      keepCluster: true,
      istioVersion: '1.30',
      traffic: './load.sh',
      duration: '90s',
    });
    const prom = readActionInputs(
      reader({ ...base, source: 'prometheus', 'prometheus-url': 'https://prom.example:9090' }),
      '/repo',
    );
    assert.equal(prom.check.source, 'prometheus');
    assert.equal(prom.check.live.prometheusUrl, 'https://prom.example:9090');
    assert.equal(prom.check.live.since, undefined, 'Prometheus’ own default range (1h)');
    const nightly = readActionInputs(
      reader({ ...base, source: 'prometheus', 'prometheus-url': 'https://prom.example:9090', since: '24h' }),
      '/repo',
    );
    assert.equal(nightly.check.live.since, '24h');
    const patient = readActionInputs(
      reader({
        ...base,
        source: 'prometheus',
        'prometheus-url': 'https://p:9090',
        'prometheus-timeout': '2m',
      }),
      '/repo',
    );
    assert.equal(patient.check.live.prometheusTimeout, '2m');
    assert.equal(nightly.check.live.prometheusTimeout, undefined, 'the source’s default (30 s)');
    const sidecars = readActionInputs(reader({ ...base, source: 'sidecars' }), '/repo');
    assert.equal(sidecars.check.source, 'sidecars');
    assert.equal(sidecars.live.cluster, 'none');
    const snapshot = readActionInputs(reader({ ...base, snapshot: 'snap.json' }), '/repo');
    assert.equal(snapshot.check.source, 'snapshot');
  });

  test('action.yml declares exactly the inputs and outputs the code reads', async () => {
    const action = parse(await readFile(path.resolve(import.meta.dirname, '..', '..', 'action.yml'), 'utf8'));
    assert.deepEqual(Object.keys(action.inputs).sort(), Object.values(INPUT).sort());
    assert.deepEqual(Object.keys(action.outputs).sort(), Object.values(OUTPUT).sort());
    assert.equal(action.runs.using, 'node24');
    assert.equal(action.runs.main, 'dist/index.js');
    for (const [name, input] of Object.entries(action.inputs as Record<string, { description?: string }>)) {
      assert.ok(input.description && input.description.length > 10, `${name} is documented`);
    }
  });
});

describe('the copy-paste workflows in docs/workflows', () => {
  test('use only inputs the action declares, with the permissions they need', async () => {
    const { readdir } = await import('node:fs/promises');
    const root = path.resolve(import.meta.dirname, '..', '..');
    const action = parse(await readFile(path.join(root, 'action.yml'), 'utf8'));
    const dir = path.join(root, 'docs', 'workflows');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.yml'));
    assert.ok(files.includes('intent-drift-code-scanning.yml'));
    assert.ok(files.length >= 5);
    for (const file of files) {
      const workflow = parse(await readFile(path.join(dir, file), 'utf8'));
      const steps = Object.values(
        workflow.jobs as Record<string, { steps: { uses?: string; with?: object }[] }>,
      ).flatMap((job) => job.steps);
      const ours = steps.filter((s) => s.uses?.startsWith('intent-drift/intent-drift@'));
      assert.equal(ours.length, 1, file);
      for (const key of Object.keys(ours[0]!.with ?? {})) assert.ok(key in action.inputs, `${file}: ${key}`);
      const writes = Object.entries(workflow.permissions ?? {})
        .filter(([, v]) => v === 'write')
        .map(([k]) => k);
      const uses = ours[0]!.with as Record<string, unknown>;
      // On pull requests the gate reads the base branch's config through the contents API.
      const onPullRequest = 'pull_request' in (workflow.on ?? {}) || uses.mode === 'comment';
      if (onPullRequest)
        assert.ok(['read', 'write'].includes(workflow.permissions?.contents), `${file}: contents`);
      if (uses['sarif-file'] !== undefined) assert.deepEqual(writes, ['security-events'], file);
      else if (uses['open-pr'] === true) assert.deepEqual(writes.sort(), ['contents', 'pull-requests'], file);
      else if (uses.comment === false) assert.deepEqual(writes, [], `${file}: the PR run needs no write`);
      else assert.deepEqual(writes, ['pull-requests'], file);
    }
  });
});
