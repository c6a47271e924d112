// One step of the life cycle: its log group closed whatever happens, and the one failure message
// it gives (the tool, how it ended, its last stderr lines), as the recording runner answers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ClusterStepError,
  failureDetail,
  inStep,
  lastLines,
  mustRun,
  runTool,
} from '../../src/cluster/cluster-step.ts';
import type { Command, CommandRunner } from '../../src/cluster/command-runner.ts';
import { RecordingLog, setup, stepContext } from './fake-tools.ts';

const HELM: Command = { program: 'helm', args: ['upgrade', '--install', 'istiod'], timeoutMs: 1000 };

describe('inStep', () => {
  test('a step that fails still closes its group, after saying it failed', async () => {
    const { log, ctx } = setup();
    const err = await inStep(ctx, 'Istio', async () => {
      log.info('installing');
      throw new Error('helm failed');
    }).catch((e: unknown) => e);
    assert.equal((err as Error).message, 'helm failed');
    assert.deepEqual(log.entries, ['group: Istio', 'installing', 'Istio: failed in 1.0s', 'endgroup']);
  });

  test('a step that succeeds answers its value, its time in seconds', async () => {
    const { log, ctx } = setup();
    assert.equal(await inStep(ctx, 'tools', async () => 7), 7);
    assert.deepEqual(log.entries, ['group: tools', 'tools: done in 1.0s', 'endgroup']);
  });
});

describe('runTool and mustRun', () => {
  test('a tool that cannot start fails the step with the reason', async () => {
    const log = new RecordingLog();
    const runner: CommandRunner = {
      run: async () => {
        throw Object.assign(new Error('spawn helm EACCES'), { code: 'EACCES' });
      },
    };
    const err = await runTool(stepContext(runner, log), 'Istio', HELM).catch((e: unknown) => e);
    assert.ok(err instanceof ClusterStepError);
    assert.equal(err.message, 'Istio failed: helm could not start: spawn helm EACCES');
    assert.equal(err.step, 'Istio');
  });

  test('a tool not on PATH: one line saying where to get it', async () => {
    const { ctx } = setup(() => 'missing');
    const err = await runTool(ctx, 'Istio', HELM).catch((e: unknown) => e);
    assert.ok(err instanceof ClusterStepError);
    assert.match(err.message, /^Istio: helm is not on PATH \(GitHub's ubuntu runners have kind, helm/);
  });

  test('mustRun: a command cut by its deadline fails, though it had exited 0 (its children held the output)', async () => {
    const { ctx } = setup(() => ({ code: 0, timedOut: true, stderr: 'waiting for pods\n' }));
    const err = await mustRun(ctx, 'Istio (istio/istiod)', HELM).catch((e: unknown) => e);
    assert.ok(err instanceof ClusterStepError);
    assert.equal(
      err.message,
      'Istio (istio/istiod) failed: helm upgrade --install timed out:\nwaiting for pods',
    );
    const ok = setup(() => ({ code: 0, stdout: 'deployed' }));
    assert.equal((await mustRun(ok.ctx, 'Istio', HELM)).stdout, 'deployed');
  });

  test('mustRun: a command ended for writing more than is read fails, though it exited 0 on the signal', async () => {
    const { ctx } = setup(() => ({ code: 0, outputTooLarge: true }));
    const get = {
      program: 'kubectl',
      args: ['get', 'pods', '--output', 'json'],
      timeoutMs: 1000,
      readOutput: true,
    };
    const err = await mustRun(ctx, 'Telemetry', get).catch((e: unknown) => e);
    assert.ok(err instanceof ClusterStepError);
    assert.equal(
      err.message,
      'Telemetry failed: kubectl get pods wrote more than 16 MiB, more than is read, and was ended',
    );
  });
});

describe('failureDetail', () => {
  const result = { code: 1, stdout: '', stderr: '', timedOut: false };

  test('names the program and its first two arguments, and how it ended', () => {
    assert.equal(failureDetail(HELM, result), 'helm upgrade --install exited with code 1');
    assert.equal(
      failureDetail(HELM, { ...result, code: null, timedOut: true }),
      'helm upgrade --install timed out',
    );
    assert.equal(
      failureDetail(HELM, { ...result, code: null }),
      'helm upgrade --install exited with code null (killed)',
    );
  });

  test("a command whose arguments are the user's is named by its program alone", () => {
    const traffic: Command = {
      program: 'sh',
      args: ['-c', 'curl -H "token: s3cret"'],
      timeoutMs: 1,
      quietArgs: true,
    };
    assert.equal(failureDetail(traffic, { ...result, code: 2 }), 'sh exited with code 2');
  });

  test('quotes the last five lines of stderr that say something, without their trailing blanks', () => {
    const stderr = 'one\ntwo  \r\n\n  \nthree\t\nfour\nfive\nsix \n\n';
    assert.equal(
      failureDetail(HELM, { ...result, stderr }),
      'helm upgrade --install exited with code 1:\ntwo\nthree\nfour\nfive\nsix',
    );
    assert.deepEqual(lastLines('a  \r\n  b \r\n', 5), ['a', '  b']);
  });
});
