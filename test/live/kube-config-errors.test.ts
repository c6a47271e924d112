// Loading the kubeconfig: a missing file is named, whether --kubeconfig or $KUBECONFIG named it;
// a file YAML cannot read, an unknown --context and no current cluster are one clear line each;
// the API server is named without credentials.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { isInputError } from '../../src/errors.ts';
import { apiServerOf, loadKubeConfig } from '../../src/observe/live/kube-config.ts';

test('a missing kubeconfig file is named: from --kubeconfig and from $KUBECONFIG', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-kubeconfig-'));
  const missing = path.join(dir, 'no-such-kubeconfig');
  const saved = process.env.KUBECONFIG;
  try {
    assert.throws(
      () => loadKubeConfig({ kubeconfig: missing }),
      (err: Error) => {
        assert.equal(String(err), `${missing}: no such file`);
        return true;
      },
    );
    process.env.KUBECONFIG = missing;
    assert.throws(
      () => loadKubeConfig(),
      (err: Error) => {
        assert.equal(String(err), `${missing}: cannot load the kubeconfig: no such file`);
        return true;
      },
    );
  } finally {
    if (saved === undefined) delete process.env.KUBECONFIG;
    else process.env.KUBECONFIG = saved;
    await rm(dir, { recursive: true, force: true });
  }
});

/** A kubeconfig file in a fresh folder; the folder is removed after `use`. */
async function withKubeconfig(lines: string[], use: (file: string) => void | Promise<void>): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-kubeconfig-'));
  try {
    const file = path.join(dir, 'config');
    await writeFile(file, `${lines.join('\n')}\n`);
    await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const CONFIG = [
  'apiVersion: v1',
  'kind: Config',
  'clusters:',
  '  - name: c',
  '    cluster: { server: "https://ops:hunter2@10.0.0.1:6443/k8s/clusters/c-1?token=sk-QUERY" }',
  '  - name: d',
  '    cluster: { server: "https://10.0.0.2:6443" }',
  'users: [{ name: u, user: { token: sk-SECRET } }]',
  'contexts:',
  '  - { name: prod, context: { cluster: c, user: u } }',
  '  - { name: dev, context: { cluster: d, user: u } }',
];

test("a kubeconfig YAML cannot read: one line naming the problem, never the file's text", async () => {
  await withKubeconfig(
    [
      'apiVersion: v1',
      'users:',
      '  - name: u',
      '    user:',
      '      token: sk-SECRET-TOKEN',
      '      bad: [unclosed',
    ],
    (file) => {
      assert.throws(
        () => loadKubeConfig({ kubeconfig: file }),
        (err: Error) => {
          assert.match(String(err), new RegExp(`^${file}: cannot load the kubeconfig: \\S`));
          assert.doesNotMatch(String(err), /SECRET|\n/);
          return true;
        },
      );
    },
  );
});

test('an unknown --context lists the contexts there are; a kubeconfig without a current one says to pick one', async () => {
  await withKubeconfig([...CONFIG, 'current-context: prod'], (file) => {
    assert.throws(
      () => loadKubeConfig({ kubeconfig: file, context: 'staging' }),
      (err: Error) => String(err) === '--context staging: no such context in the kubeconfig (has: prod, dev)',
    );
  });
  await withKubeconfig(CONFIG, (file) => {
    assert.throws(
      () => loadKubeConfig({ kubeconfig: file }),
      (err: Error) =>
        isInputError(err) && String(err) === 'the kubeconfig names no current cluster: use --context',
    );
    assert.equal(apiServerOf(loadKubeConfig({ kubeconfig: file, context: 'dev' })), 'https://10.0.0.2:6443');
  });
});

test('the API server named in messages: its path prefix, never a user, password or query string', async () => {
  await withKubeconfig([...CONFIG, 'current-context: prod'], (file) => {
    assert.equal(apiServerOf(loadKubeConfig({ kubeconfig: file })), 'https://10.0.0.1:6443/k8s/clusters/c-1');
  });
});
