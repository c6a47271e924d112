// The example workflows in docs/workflows/ as a user copies them: every input they pass exists
// and is accepted, observed data comes from a real source (a kind cluster or Prometheus), the
// fork pair is guarded, PR runs are path-filtered, and the nightly one runs as a runner runs
// it against a real Prometheus and the GitHub stand-in, opening its pull request.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { readActionInputs } from '../../src/action/inputs.ts';
import { GitHubApiServer } from '../support/github-api-server.ts';
import {
  PROMETHEUS_BIN,
  type PrometheusProcess,
  startPrometheus,
  waitFor,
} from '../support/prometheus-process.ts';
import { runAction, TOKEN } from '../support/run-action.ts';
import { sidecarExposition } from '../support/sidecar-metrics.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const dir = path.join(root, 'docs', 'workflows');
type Step = { uses?: string; with?: Record<string, unknown>; env?: Record<string, string>; if?: string };
type Workflow = {
  name: string;
  on: {
    pull_request?: { paths?: string[] };
    schedule?: unknown[];
    workflow_run?: { workflows?: string[] };
  };
  jobs: Record<string, { if?: string; steps: Step[] }>;
};

const workflows: Record<string, Workflow> = {};
for (const name of (await readdir(dir)).filter((n) => n.endsWith('.yml'))) {
  workflows[name] = parse(await readFile(path.join(dir, name), 'utf8')) as Workflow;
}
const actionInputs = Object.keys(parse(await readFile(path.join(root, 'action.yml'), 'utf8')).inputs);
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps);
const ours = (w: Workflow) => steps(w).filter((s) => s.uses === 'intent-drift/intent-drift@v1');

/** `${{ ... }}` as a runner would fill it in, with stand-in values. */
function expand(value: unknown, vars: Record<string, string>): string {
  return String(value).replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, expr: string) => vars[expr] ?? 'stand-in');
}

describe('docs/workflows', () => {
  test('the five workflows are there', () => {
    assert.deepEqual(Object.keys(workflows).sort(), [
      'intent-drift-code-scanning.yml',
      'intent-drift-fork-check.yml',
      'intent-drift-fork-comment.yml',
      'intent-drift-nightly-pr.yml',
      'intent-drift-pr.yml',
    ]);
  });

  test('every input they pass exists in action.yml and is accepted as written', () => {
    for (const [name, workflow] of Object.entries(workflows)) {
      for (const step of ours(workflow)) {
        const inputs = Object.fromEntries(
          Object.entries(step.with ?? {}).map(([k, v]) => [
            k,
            expand(v, { 'vars.PROMETHEUS_URL': 'https://prometheus.example' }),
          ]),
        );
        for (const key of Object.keys(inputs)) assert.ok(actionInputs.includes(key), `${name}: ${key}`);
        const read = (input: string) => inputs[input] ?? (input === 'github-token' ? TOKEN : '');
        assert.doesNotThrow(() => readActionInputs(read, '/repo'), name);
      }
    }
  });

  test('observed data from a real source: a kind cluster or Prometheus, never a committed placeholder', () => {
    for (const [name, workflow] of Object.entries(workflows)) {
      for (const step of ours(workflow)) {
        const w = step.with ?? {};
        if (w.mode === 'comment') continue;
        assert.equal(w.metrics, undefined, `${name} reads no capture a step does not produce`);
        assert.ok(w.cluster === 'kind' || w.source === 'prometheus', name);
      }
    }
    const nightly = ours(workflows['intent-drift-nightly-pr.yml']!)[0]!;
    assert.equal(nightly.with?.source, 'prometheus');
    assert.equal(nightly.with?.since, '24h');
    assert.equal(
      nightly.env?.PROMETHEUS_TOKEN,
      ['$', '{{ secrets.PROMETHEUS_TOKEN }}'].join(''),
      'the token from a secret, not an input',
    );
    assert.ok(workflows['intent-drift-nightly-pr.yml']!.on.schedule);
  });

  test('pull-request runs are path-filtered on the intents and the manifests', () => {
    for (const name of ['intent-drift-pr.yml', 'intent-drift-fork-check.yml']) {
      const w = workflows[name]!;
      const paths = w.on.pull_request?.paths ?? [];
      const step = ours(w)[0]!;
      assert.ok(paths.includes(`${step.with?.intents}/**`), `${name}: intents`);
      assert.ok(paths.includes(`${step.with?.workloads}/**`), `${name}: workloads`);
      assert.ok(paths.includes('.intent-drift.yaml'), `${name}: the config`);
    }
  });

  test('the fork pair: one report uploaded or a failure, comments only after a verdict, on the artifact part 1 named', () => {
    const check = workflows['intent-drift-fork-check.yml']!;
    const comment = workflows['intent-drift-fork-comment.yml']!;
    const upload = steps(check).find((s) => s.uses?.startsWith('actions/upload-artifact'))!;
    assert.equal(upload.with?.['if-no-files-found'], 'error');
    assert.equal(upload.with?.path, ours(check)[0]!.with?.['report-file']);
    assert.deepEqual(comment.on.workflow_run?.workflows, [check.name]);
    const job = Object.values(comment.jobs)[0]!;
    assert.match(job.if ?? '', /workflow_run\.event == 'pull_request'/);
    assert.match(
      job.if ?? '',
      /conclusion == 'success' \|\| github\.event\.workflow_run\.conclusion == 'failure'/,
    );
    const download = steps(comment).find((s) => s.uses?.startsWith('actions/download-artifact'))!;
    assert.equal(download.with?.name, upload.with?.name);
    assert.equal(ours(comment)[0]!.with?.['report-file'], `${download.with?.path}/${upload.with?.path}`);
    assert.equal(
      steps(comment).some((s) => s.uses?.startsWith('actions/checkout')),
      false,
      'no PR code checked out',
    );
    assert.equal(ours(check)[0]!.with?.comment, false);
  });
});

const NS = 'otterize-tutorial-istio-mapping';

describe('the nightly workflow, run as a runner runs it', {
  skip: !existsSync(PROMETHEUS_BIN) && `${PROMETHEUS_BIN} missing`,
}, () => {
  let prom: PrometheusProcess;
  let sidecar: http.Server;
  let github: GitHubApiServer;
  let apiUrl: string;
  before(async () => {
    const start = Date.now();
    sidecar = http.createServer((_req, res) => {
      const count = Math.floor(100 + ((Date.now() - start) / 1000) * 50);
      res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
      res.end(
        sidecarExposition([
          {
            reporter: 'destination',
            client: 'client',
            server: 'nginx',
            namespace: NS,
            method: 'GET',
            path: '/client-path',
            count,
          },
          {
            reporter: 'destination',
            client: 'client2',
            server: 'nginx',
            namespace: NS,
            method: 'POST',
            path: '/client2-path',
            count,
          },
        ]),
      );
    });
    await new Promise<void>((r) => sidecar.listen(0, '127.0.0.1', r));
    prom = await startPrometheus([`127.0.0.1:${(sidecar.address() as AddressInfo).port}`]);
    github = new GitHubApiServer();
    apiUrl = await github.start();
  });
  after(async () => {
    await prom?.stop();
    sidecar?.closeAllConnections();
    sidecar?.close();
    await github?.stop();
  });

  test('reads Prometheus over the last 24h and opens one pull request with the missing call', async () => {
    const scraped = encodeURIComponent('min(count_over_time(istio_requests_total[5m])) >= 2');
    await waitFor('two scrapes of the sidecar', 60_000, async () => {
      const res = await fetch(`${prom.url}/api/v1/query?query=${scraped}`);
      const body = (await res.json()) as { data?: { result?: unknown[] } };
      return (body.data?.result?.length ?? 0) > 0 ? true : undefined;
    });
    // The repository the workflow expects: deploy/intents and deploy/workloads.
    const workspace = await mkdtemp(path.join(tmpdir(), 'intent-drift-nightly-'));
    await cp(path.join(root, 'fixtures/demo/intents'), path.join(workspace, 'deploy/intents'), {
      recursive: true,
    });
    await mkdir(path.join(workspace, 'deploy/workloads'));
    await cp(
      path.join(root, 'fixtures/demo/workloads.yaml'),
      path.join(workspace, 'deploy/workloads/demo.yaml'),
    );
    github.tokens.set(TOKEN, { login: 'github-actions[bot]', kind: 'installation' });
    const files: Record<string, string> = {};
    for (const name of ['client.yaml', 'client2.yaml']) {
      files[`deploy/intents/${name}`] = await readFile(path.join(workspace, 'deploy/intents', name), 'utf8');
    }
    const baseSha = github.seedCommit('main', files);

    const step = ours(workflows['intent-drift-nightly-pr.yml']!)[0]!;
    const vars = { 'vars.PROMETHEUS_URL': prom.url, 'secrets.PROMETHEUS_TOKEN': 'prom-secret-token' };
    const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, expand(v, vars)]));
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, vars)]));
    const run = await runAction({
      inputs: { 'github-token': TOKEN, ...inputs },
      env,
      apiUrl,
      workspace,
      event: { schedule: '17 3 * * *' },
      eventName: 'schedule',
      sha: baseSha,
      ref: 'refs/heads/main',
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.missing, '1');
    assert.equal(github.pulls.length, 1);
    assert.equal(
      run.outputs['pull-request-url'],
      `https://github.com/acme/shop/pull/${github.pulls[0]!.number}`,
    );
    assert.match(github.pulls[0]!.body, /`\/client2-path`/);
    // The runner is told to mask the token (::add-mask::); it appears nowhere else.
    const log = (run.stdout + run.stderr).replace('::add-mask::prom-secret-token\n', '');
    assert.ok(run.stdout.includes('::add-mask::prom-secret-token'));
    assert.doesNotMatch(log, /prom-secret-token/);
    const report = JSON.parse(await readFile(run.outputs.report!, 'utf8'));
    assert.equal(report.observedFrom.source, 'prometheus');
    assert.equal(report.observedFrom.since, '24h');
  });
});
