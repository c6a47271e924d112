// `list --format text|json|yaml`, and `-` for stdin where the observed data is read, run as a
// user runs them: a child process with the capture piped in.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { readMetrics } from '../../src/observe/read-metrics.ts';
import { toSnapshot } from '../../src/observe/snapshot/snapshot-format.ts';
import { repoRoot, runCli } from './run-cli.ts';

const entry = path.join(repoRoot, 'src', 'cli', 'entry.ts');
const NS = 'otterize-tutorial-istio-mapping';

function cli(
  args: string[],
  input: string | Buffer,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

async function demoCapture(): Promise<string> {
  const dir = path.join(repoRoot, 'fixtures/demo/capture');
  const { readdir } = await import('node:fs/promises');
  const files = (await readdir(dir)).sort();
  return (await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')))).join('\n');
}

describe('list --format', () => {
  test('json: the calls with the JSON report’s CALL fields', async () => {
    const run = await runCli(['list', '--metrics', 'fixtures/demo/capture', '--format', 'json']);
    assert.equal(run.code, 0, run.stderr);
    const data = JSON.parse(run.stdout);
    assert.equal(data.version, 1);
    assert.deepEqual(
      data.calls.map(
        (c: { client: { name: string }; method: string; path: string }) =>
          `${c.client.name} ${c.method} ${c.path}`,
      ),
      ['client GET /client-path', 'client2 POST /client2-path'],
    );
    assert.equal(data.calls[0].server.service.name, 'nginx-service');
    assert.deepEqual(data.warnings, []);
  });

  test('yaml says the same as json; text stays the Otterize layout', async () => {
    const json = JSON.parse(
      (await runCli(['list', '--metrics', 'fixtures/demo/capture', '--format', 'json'])).stdout,
    );
    const yaml = parse(
      (await runCli(['list', '--metrics', 'fixtures/demo/capture', '--format', 'yaml'])).stdout,
    );
    assert.deepEqual(yaml, json);
    const text = await runCli(['list', '--metrics', 'fixtures/demo/capture', '--format', 'text']);
    assert.ok(text.stdout.startsWith(`client in namespace ${NS} calls:\n`));
  });

  test('-n scopes the data as it scopes the text', async () => {
    // Two namespaces read (the demo's and shop), one asked for: only its clients' calls.
    const both = [
      'list',
      '--metrics',
      'fixtures/demo/capture',
      '--metrics',
      'fixtures/action-asymmetric/capture',
    ];
    const run = await runCli([...both, '--format', 'json', '-n', 'shop']);
    assert.equal(run.code, 0, run.stderr);
    const clients = JSON.parse(run.stdout).calls.map(
      (c: { client: { namespace: string } }) => c.client.namespace,
    );
    assert.ok(clients.length > 0);
    assert.deepEqual([...new Set(clients)], ['shop']);
    const text = await runCli([...both, '-n', 'shop']);
    assert.doesNotMatch(text.stdout, new RegExp(NS));
  });

  test('another format is exit 2 naming the allowed ones', async () => {
    const run = await runCli(['list', '--metrics', 'fixtures/demo/capture', '--format', 'markdown']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, "intent-drift: --format must be one of text, json, yaml (got 'markdown')\n");
  });
});

describe('- reads stdin', () => {
  test('--metrics -: the same calls as the files', async () => {
    const piped = await cli(['list', '--metrics', '-', '--format', 'json'], await demoCapture());
    assert.equal(piped.code, 0, piped.stderr);
    const files = await runCli(['list', '--metrics', 'fixtures/demo/capture', '--format', 'json']);
    assert.deepEqual(JSON.parse(piped.stdout).calls, JSON.parse(files.stdout).calls);
  });

  test('check --metrics -: the verdict, and the report names stdin', async () => {
    const run = await cli(
      ['check', '--metrics', '-', '--intents', 'fixtures/demo/intents'],
      await demoCapture(),
    );
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /^intent-drift: DRIFT: 1 missing, 1 stale/);
    assert.match(run.stdout, /\nobserved: sidecar metrics from stdin\n/);
  });

  test('Envoy JSON stats on stdin are told apart by content', async () => {
    const json = await readFile(path.join(repoRoot, 'fixtures/metrics/demo-envoy-json/client.json'));
    const run = await cli(['list', '--metrics', '-'], json);
    assert.equal(run.code, 0, run.stderr);
    const file = await runCli(['list', '--metrics', 'fixtures/metrics/demo-envoy-json/client.json']);
    assert.equal(run.stdout, file.stdout);
    assert.match(run.stdout, /^client in namespace /);
  });

  test('--snapshot -: a snapshot piped in', async () => {
    const map = await readMetrics(['fixtures/demo/capture'], { cwd: repoRoot });
    const snapshot = JSON.stringify(
      toSnapshot(map, { source: 'sidecars', capturedAt: new Date('2026-03-01T10:00:00Z') }),
    );
    const run = await cli(
      ['check', '--snapshot', '-', '--intents', 'fixtures/demo/intents', '--format', 'json'],
      snapshot,
    );
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.equal(report.missing[0].path, '/client2-path');
    assert.deepEqual(report.observedFrom, { source: 'snapshot', inputs: ['-'] });
  });

  test('empty stdin, stdin twice, stdin where no stream is read: exit 2', async () => {
    const empty = await cli(['list', '--metrics', '-'], '');
    assert.equal(empty.code, 2);
    assert.equal(empty.stderr, 'intent-drift: stdin: empty: no metrics on stdin\n');
    const twice = await runCli([
      'check',
      '--metrics',
      '-',
      '--metrics',
      '-',
      '--intents',
      'fixtures/demo/intents',
    ]);
    assert.match(twice.stderr, /stdin \('-'\) can be read once/);
    const intents = await runCli(['check', '--metrics', 'fixtures/demo/capture', '--intents', '-']);
    assert.equal(
      intents.stderr,
      "intent-drift: --intents does not read stdin: give a file name instead of '-'\n",
    );
  });
});
