// The kind cluster's create and delete against the recording runner: the name it is given is the
// one checked, a create that failed or was cut short fails the step with kind's words, only a
// cluster whose name was seen free is this run's, and a delete that fails is a warning.
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runInCluster } from '../../src/cluster/cluster-run.ts';
import { ClusterStepError } from '../../src/cluster/cluster-step.ts';
import {
  createKindCluster,
  deleteKindCluster,
  KindClusterTakenError,
} from '../../src/cluster/kind-cluster.ts';
import { kindPlan, setup } from './fake-tools.ts';

/** createKindCluster with `name`, answering whether onNameFree was called, or the error. */
async function create(ctx: ReturnType<typeof setup>['ctx'], name: string) {
  let free = false;
  const err = await createKindCluster(ctx, {
    config: undefined,
    name,
    onNameFree: () => {
      free = true;
    },
  }).catch((e: unknown) => e);
  return { free, err };
}

describe('createKindCluster', () => {
  test('the name given is the one checked: pr-42 is free beside intent-drift, and refused when taken', async () => {
    const beside = setup((line) => (line === 'kind get clusters' ? { stdout: 'intent-drift\n' } : undefined));
    const made = await create(beside.ctx, 'pr-42');
    assert.equal(made.err, undefined);
    assert.equal(made.free, true);
    assert.equal(beside.runner.lines().at(-1), 'kind create cluster --name pr-42 --wait 120s');

    const taken = setup((line) =>
      line === 'kind get clusters' ? { stdout: 'intent-drift\npr-42\n' } : undefined,
    );
    const refused = await create(taken.ctx, 'pr-42');
    assert.ok(refused.err instanceof KindClusterTakenError);
    assert.match(refused.err.message, /a kind cluster named pr-42 exists already/);
    assert.equal(refused.free, false);
    assert.deepEqual(taken.runner.lines(), ['kind get clusters']);
  });

  test("kind's deadline outlasts the --wait it gives kind for the control plane", async () => {
    const { runner, ctx } = setup();
    await create(ctx, 'intent-drift');
    const command = runner.calls.find((c) => c.args[0] === 'create')!;
    const wait = command.args[command.args.indexOf('--wait') + 1]!;
    assert.match(wait, /^\d+s$/);
    assert.ok(command.timeoutMs > Number.parseInt(wait, 10) * 1000, `${command.timeoutMs} ms`);
  });

  test("a create that fails, or is cut by its deadline after kind exited 0, fails the step with kind's words", async () => {
    for (const [answer, how] of [
      [{ code: 1, stderr: 'ERROR: failed to create cluster: docker not running\n' }, 'exited with code 1'],
      [
        { code: 0, timedOut: true, stderr: 'ERROR: failed to create cluster: docker not running\n' },
        'timed out',
      ],
    ] as const) {
      const { ctx } = setup((line) => (line.startsWith('kind create') ? answer : undefined));
      const { free, err } = await create(ctx, 'intent-drift');
      assert.ok(err instanceof ClusterStepError && !(err instanceof KindClusterTakenError), String(err));
      assert.equal(
        err.message,
        `kind cluster failed: kind create cluster ${how}:\nERROR: failed to create cluster: docker not running`,
      );
      assert.equal(free, true, 'what a failed create left is this run’s to delete');
    }
  });
});

describe('deleteKindCluster', () => {
  test('a delete that fails is a warning with its exit code and last words', async () => {
    const { runner, log, ctx } = setup(() => ({ code: 1, stderr: 'ERROR: failed to delete cluster' }));
    await deleteKindCluster(ctx, 'pr-42');
    assert.deepEqual(runner.lines(), ['kind delete cluster --name pr-42']);
    assert.deepEqual(log.warnings(), [
      'warning: could not delete the kind cluster pr-42: kind delete cluster exited with code 1:\nERROR: failed to delete cluster',
    ]);
  });

  test("a delete cut by its deadline says it timed out, with kind's last words, even after kind exited 0", async () => {
    for (const code of [null, 0]) {
      const { log, ctx } = setup(() => ({ code, timedOut: true, stderr: 'Deleting cluster "pr-42" ...\n' }));
      await deleteKindCluster(ctx, 'pr-42');
      assert.deepEqual(log.warnings(), [
        'warning: could not delete the kind cluster pr-42: kind delete cluster timed out:\nDeleting cluster "pr-42" ...',
      ]);
    }
  });

  test('kind gone by the time of the delete is a warning, never an error', async () => {
    const { log, ctx } = setup(() => 'missing');
    await deleteKindCluster(ctx, 'pr-42');
    assert.equal(log.warnings().length, 1);
    assert.match(
      log.warnings()[0]!,
      /^warning: could not delete the kind cluster pr-42: kind delete: kind is not on PATH/,
    );
  });
});

describe('the run around them', () => {
  async function workspace(): Promise<string> {
    const cwd = await mkdtemp(path.join(tmpdir(), 'intent-drift-kind-'));
    await writeFile(
      path.join(cwd, 'web.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\n',
    );
    return cwd;
  }

  test('`kind get clusters` failing: nothing was created, so nothing is deleted and no pods are asked for', async () => {
    const cwd = await workspace();
    const { runner, ctx } = setup((line) =>
      line === 'kind get clusters' ? { code: 1, stderr: 'ERROR: failed to list clusters' } : undefined,
    );
    const err = await runInCluster(ctx, kindPlan(cwd), async () => 'read').catch((e: unknown) => e);
    assert.equal(
      (err as Error).message,
      'kind cluster failed: kind get clusters exited with code 1:\nERROR: failed to list clusters',
    );
    assert.deepEqual(runner.lines().slice(3), ['kind get clusters']);
  });

  test('a failed create is deleted, with no pods asked of a cluster that never came up', async () => {
    const cwd = await workspace();
    const { runner, ctx } = setup((line) =>
      line.startsWith('kind create') ? { code: 1, stderr: 'ERROR: failed to create cluster' } : undefined,
    );
    const err = await runInCluster(ctx, kindPlan(cwd), async () => 'read').catch((e: unknown) => e);
    assert.match((err as Error).message, /^kind cluster failed: kind create cluster exited with code 1/);
    assert.deepEqual(runner.lines().slice(4), [
      'kind create cluster --name intent-drift --wait 120s',
      'kind delete cluster --name intent-drift',
    ]);
  });

  test("a delete that cannot run leaves the run's own result", async () => {
    const cwd = await workspace();
    const { log, ctx } = setup((line) => (line.startsWith('kind delete') ? 'missing' : undefined));
    assert.equal(await runInCluster(ctx, kindPlan(cwd), async () => 'read'), 'read');
    assert.match(log.warnings().join('\n'), /could not delete the kind cluster intent-drift/);
  });
});
