// Loading the kubeconfig: a missing file is named, whether --kubeconfig or $KUBECONFIG named it.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadKubeConfig } from '../../src/observe/live/kube-config.ts';

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
