// `intent-drift check --format json | head`: the reader closes the pipe after a few bytes, and
// every later write fails with EPIPE. That is the reader's choice, not a failure of the check:
// the CLI stops writing and exits with the verdict's code (1, drift), with no "internal error".
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { repoRoot } from './run-cli.ts';

const entry = path.join(repoRoot, 'src', 'cli', 'entry.ts');
const dir = mkdtempSync(path.join(tmpdir(), 'closed-pipe-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// 3,000 missing calls: a JSON report of well over a pipe's 64 KiB buffer.
const NS = 'shop';
const lines = Array.from(
  { length: 3000 },
  (_, i) =>
    `istio_requests_total{reporter="destination",source_workload="web",source_workload_namespace="${NS}",` +
    `destination_workload="api",destination_workload_namespace="${NS}",destination_service_name="api",` +
    `destination_service_namespace="${NS}",request_protocol="http",request_method="GET",request_path="/p${i}"} 1`,
);
writeFileSync(path.join(dir, 'capture.prom'), `${lines.join('\n')}\n`);
writeFileSync(
  path.join(dir, 'web.yaml'),
  `apiVersion: k8s.otterize.com/v2beta1
kind: ClientIntents
metadata:
  name: web
  namespace: ${NS}
spec:
  workload:
    name: web
  targets:
    - kubernetes:
        name: api
        http:
          - path: /p0
            methods: [GET]
`,
);

function runClosingEarly(args: string[]): Promise<{ code: number | null; stderr: string; read: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...args], { cwd: dir, env: { PATH: process.env.PATH } });
    let stderr = '';
    let read = 0;
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    // Like `head -c 100`: take the first chunk, then close our end of the pipe.
    child.stdout.once('data', (d: Buffer) => {
      read = d.length;
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, read }));
  });
}

for (const format of ['json', 'text']) {
  test(`check --format ${format} into a pipe closed after the first chunk: exit 1 (drift), no internal error`, async () => {
    const run = await runClosingEarly([
      'check',
      '--metrics',
      'capture.prom',
      '--intents',
      'web.yaml',
      '--format',
      format,
    ]);
    assert.ok(run.read > 0, 'the reader got the start of the report');
    assert.doesNotMatch(run.stderr, /internal error|EPIPE/);
    assert.equal(run.code, 1, run.stderr);
  });
}
