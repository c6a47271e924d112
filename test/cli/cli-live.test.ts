// The CLI against live stand-ins: the API server serving the seed's demo, through the real
// @kubernetes/client-node, and the snapshot round trip `capture` -> `check --snapshot`.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type LiveCluster, liveCluster } from '../live/live-harness.ts';
import { DEMO_NS, demoCluster } from '../support/demo-cluster.ts';
import { repoRoot, runCli } from './run-cli.ts';

/** A progress line redrawn in place: a carriage return or a terminal escape. */
const redrawn = (text: string) => text.includes('\r') || text.includes('\u001b[');

describe('CLI on a live (stand-in) cluster', () => {
  let cluster: LiveCluster;
  const demo = demoCluster();
  before(async () => {
    cluster = await liveCluster({ objects: demo.objects, endpoints: demo.endpoints });
  });
  after(() => cluster.close());

  test('export --format json -n NS equals export-istio-demo.json (the Otterize export format)', async () => {
    const run = await runCli([
      'export',
      '--format',
      'json',
      '-n',
      DEMO_NS,
      '--kubeconfig',
      cluster.kubeconfig.file,
    ]);
    assert.equal(run.code, 0, run.stderr);
    const expected = JSON.parse(
      await readFile(path.join(repoRoot, 'fixtures/intents/export-istio-demo.json'), 'utf8'),
    );
    assert.deepEqual(JSON.parse(run.stdout), expected);
    assert.match(
      run.stderr,
      /read 3\/3 meshed pods in [\d.]+s/,
      'one summary line when stderr is not a terminal',
    );
    assert.equal(redrawn(run.stderr), false, run.stderr);
  });

  test('as a process whose stderr is a pipe (a CI log): the summary line only, never a redrawn one', async () => {
    const child = spawn(
      process.execPath,
      [
        path.join(repoRoot, 'src', 'cli', 'entry.ts'),
        'list',
        '-n',
        DEMO_NS,
        '--kubeconfig',
        cluster.kubeconfig.file,
      ],
      { cwd: repoRoot, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (t: string) => {
      stderr += t;
    });
    child.stdout.resume();
    const [code] = (await once(child, 'close')) as [number | null];
    assert.equal(code, 0, stderr);
    assert.match(stderr, /read 3\/3 meshed pods in [\d.]+s/);
    assert.equal(redrawn(stderr), false, stderr);
  });

  test('capture writes a snapshot that check reads back to the same verdict', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-capture-'));
    const snap = path.join(dir, 'demo.snapshot.json');
    const capture = await runCli(['capture', '-o', snap, '--kubeconfig', cluster.kubeconfig.file]);
    assert.equal(capture.code, 0, capture.stderr);
    assert.match(capture.stderr, /wrote 2 call\(s\)/);
    const check = await runCli([
      'check',
      '--snapshot',
      snap,
      '--intents',
      'fixtures/demo/intents',
      '--format',
      'json',
    ]);
    assert.equal(check.code, 1, check.stderr);
    const report = JSON.parse(check.stdout);
    assert.equal(report.missing[0].path, '/client2-path');
    assert.equal(report.missing[0].client.kind, 'Deployment');
    assert.ok(report.missing[0].firstSeen, 'snapshots stamp first and last seen');
    assert.equal(report.stale[0].path, '/client2-old-path');
  });

  test('an unreachable API server is exit 2 with one line', async () => {
    const dead = await liveCluster({ objects: [], endpoints: new Map() });
    await dead.api.close();
    const run = await runCli(['list', '--kubeconfig', dead.kubeconfig.file]);
    await dead.kubeconfig.remove();
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^intent-drift: /);
    assert.doesNotMatch(run.stderr, /stand-in-token/);
  });
});
