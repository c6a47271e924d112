// Node.js versions: `engines` says 20, the offline commands run there (the bundle, as users run
// it, on an older Node.js when this machine has one), and the live sources that load the
// Kubernetes client say which version they need instead of crashing while loading it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { isInputError } from '../../src/errors.ts';
import { KUBE_CLIENT_NODE, requireKubeClientNode } from '../../src/observe/live/node-support.ts';
import { repoRoot } from './run-cli.ts';

const exec = promisify(execFile);
const bin = path.join(repoRoot, 'bin', 'intent-drift.js');

/** A Node.js on this machine older than the Kubernetes client needs (Debian's node 20 here). */
async function olderNode(): Promise<{ node: string; version: string } | undefined> {
  for (const node of ['/usr/bin/node', '/usr/local/bin/node', '/bin/node']) {
    if (!existsSync(node)) continue;
    const { stdout } = await exec(node, ['--version']);
    const version = stdout.trim().replace(/^v/, '');
    const [major = 0, minor = 0] = version.split('.').map(Number);
    if (major < 22 || (major === 22 && minor < 19)) return { node, version };
  }
  return undefined;
}

async function run(node: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await exec(node, [bin, ...args], {
      cwd: repoRoot,
      env: { PATH: path.dirname(node), ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('Node.js versions', () => {
  test('the live sources name the version they need', () => {
    assert.throws(
      () => requireKubeClientNode('--source sidecars', 'v20.20.2'),
      (err) =>
        isInputError(err) &&
        err.message ===
          '--source sidecars needs Node.js 22.19.0 or newer (for its Kubernetes client); this is Node.js 20.20.2. ' +
            'Upgrade Node.js, or read --metrics, --snapshot or --prometheus-url, which work on Node.js 20',
    );
    assert.throws(() => requireKubeClientNode('reset', '22.18.9'));
    for (const ok of ['22.19.0', '22.20.1', '24.0.0', 'v25.1.0']) requireKubeClientNode('x', ok);
    // Compared as numbers, part by part: 22.9 is older than 22.19, 100 newer than 22.
    for (const old of ['22.9.0', '22.1.99', '9.0.0', 'v3.30.0']) {
      assert.throws(() => requireKubeClientNode('x', old), isInputError, old);
    }
    for (const ok of ['100.0.0', '22.100.0', '23.0.0']) requireKubeClientNode('x', ok);
  });

  test('engines and the README agree on Node.js 20', async () => {
    const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8'));
    assert.equal(pkg.engines.node, '>=20');
    const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8');
    assert.match(readme, /Node\.js 20 or newer/);
    assert.ok(
      readme.includes(`Node.js ${KUBE_CLIENT_NODE.replace(/\.0$/, '')}`),
      'the README names the live sources’ version',
    );
  });

  test('on an older Node.js, the bundle runs offline and refuses live sources with exit 2', async (t) => {
    const older = await olderNode();
    if (older === undefined) {
      t.skip('no Node.js older than 22.19 on this machine');
      return;
    }
    const demo = await run(older.node, ['demo']);
    assert.equal(demo.code, 1, demo.stderr);
    assert.equal(demo.stderr, '');
    assert.match(demo.stdout, /^intent-drift: DRIFT: 1 missing, 1 stale/);
    const list = await run(older.node, ['list', '--metrics', 'fixtures/demo/capture', '--format', 'json']);
    assert.equal(list.code, 0, list.stderr);
    const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-node-'));
    const kubeconfig = path.join(dir, 'config');
    await writeFile(kubeconfig, 'apiVersion: v1\nkind: Config\n');
    for (const args of [
      ['list', '--kubeconfig', kubeconfig],
      ['list', '--mapper-url', 'http://127.0.0.1:9/query'],
      ['reset', '--mapper-url', 'http://127.0.0.1:9/query'],
    ]) {
      const live = await run(older.node, args);
      assert.equal(live.code, 2, `${args.join(' ')}: ${live.stderr}`);
      assert.match(
        live.stderr,
        new RegExp(
          `^intent-drift: .* needs Node\\.js 22\\.19\\.0 or newer .*this is Node\\.js ${older.version.replaceAll('.', '\\.')}\\. `,
        ),
      );
    }
  });

  test('npx on an older Node.js prints no engine warnings', async (t) => {
    const older = await olderNode();
    const npx = older && path.join(path.dirname(older.node), 'npx');
    if (older === undefined || npx === undefined || !existsSync(npx)) {
      t.skip('no npx beside an older Node.js');
      return;
    }
    const home = await mkdtemp(path.join(tmpdir(), 'intent-drift-npx-'));
    const { stdout, stderr } = await exec(npx, ['--offline', '--no', '--', 'intent-drift', '--version'], {
      cwd: repoRoot,
      env: {
        PATH: `${path.dirname(older.node)}:/usr/bin:/bin`,
        HOME: home,
        npm_config_cache: path.join(home, 'cache'),
      },
    });
    assert.equal(
      stdout.trim(),
      JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')).version,
    );
    assert.doesNotMatch(stderr, /EBADENGINE/);
  });
});
