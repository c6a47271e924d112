// A cluster run applies manifests and runs images: on pull_request_target, workflow_run and
// issue_comment, where the job holds the base repository's token and secrets, code that may be
// a fork's gets none unless the workspace holds GITHUB_SHA.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { refuseForkCodeOnCluster } from '../../src/action/fork-code-guard.ts';
import type { ClusterKind } from '../../src/cluster/cluster-settings.ts';
import type { RunContext } from '../../src/deliver/github/run-context.ts';
import { InputError } from '../../src/errors.ts';
import { GitHubApiServer } from '../support/github-api-server.ts';
import {
  BASE_SHA,
  demoWorkspace,
  HEAD_SHA,
  pullRequestEvent,
  runAction,
  TOKEN,
} from '../support/run-action.ts';

const context = (eventName: string, fork: boolean | undefined, headRepository?: string): RunContext => ({
  owner: 'acme',
  repo: 'shop',
  eventName,
  sha: BASE_SHA,
  branch: undefined,
  serverUrl: 'https://github.com',
  apiUrl: 'https://api.github.com',
  runUrl: undefined,
  pullRequest: fork === undefined ? undefined : { number: 7, headSha: HEAD_SHA, baseSha: BASE_SHA, fork },
  workflowRun:
    headRepository === undefined ? undefined : { headSha: HEAD_SHA, headRepository, headBranch: 'feature' },
});

describe('refuseForkCodeOnCluster', () => {
  /** Whether the guard refuses, and whether it asked git what the workspace holds. */
  const decide = (cluster: ClusterKind, ctx: RunContext, held: string | undefined) => {
    let asked = false;
    try {
      refuseForkCodeOnCluster(cluster, ctx, () => {
        asked = true;
        return held;
      });
      return { refused: false, asked };
    } catch (err) {
      assert.ok(err instanceof InputError, String(err));
      return { refused: true, asked, message: err.message };
    }
  };

  test("a fork's pull request on pull_request_target: only with the base commit checked out", () => {
    for (const cluster of ['kind', 'existing'] as const) {
      const headOut = decide(cluster, context('pull_request_target', true), HEAD_SHA);
      assert.equal(headOut.refused, true, cluster);
      assert.match(
        headOut.message!,
        new RegExp(
          `^cluster: ${cluster} on pull_request_target, for code that may be a fork's, with commit ${HEAD_SHA.slice(0, 12)} checked out instead of ${BASE_SHA.slice(0, 12)} \\(GITHUB_SHA\\)`,
        ),
      );
      assert.match(headOut.message!, /Run the cluster check on pull_request/);
      assert.deepEqual(decide(cluster, context('pull_request_target', true), BASE_SHA), {
        refused: false,
        asked: true,
      });
      // Not a repository git can read: what is there is unknown, so refused.
      const unknown = decide(cluster, context('pull_request_target', true), undefined);
      assert.equal(unknown.refused, true);
      assert.match(unknown.message!, /with a commit git cannot name checked out/);
      // An event without its pull request: treated as a fork's.
      assert.equal(decide(cluster, context('pull_request_target', undefined), HEAD_SHA).refused, true);
    }
  });

  test('workflow_run and issue_comment too, unless the run was of this repository’s own code', () => {
    assert.equal(decide('kind', context('workflow_run', undefined, 'someone/shop'), HEAD_SHA).refused, true);
    assert.equal(decide('kind', context('workflow_run', undefined), HEAD_SHA).refused, true);
    assert.deepEqual(decide('kind', context('workflow_run', undefined, 'acme/shop'), HEAD_SHA), {
      refused: false,
      asked: false,
    });
    const comment = decide('existing', context('issue_comment', undefined), HEAD_SHA);
    assert.equal(comment.refused, true);
    assert.match(comment.message!, /^cluster: existing on issue_comment, for code that may be a fork's/);
    assert.equal(decide('kind', context('issue_comment', undefined), BASE_SHA).refused, false);
  });

  test('anything else runs, without asking git', () => {
    const cases: [ClusterKind, RunContext][] = [
      ['none', context('pull_request_target', true)],
      ['kind', context('pull_request_target', false)],
      ['kind', context('pull_request', true)],
      ['existing', context('push', undefined)],
    ];
    for (const [cluster, ctx] of cases) {
      assert.deepEqual(
        decide(cluster, ctx, HEAD_SHA),
        { refused: false, asked: false },
        `${cluster} ${ctx.eventName}`,
      );
    }
  });
});

describe('the action on pull_request_target with cluster: kind', () => {
  let server: GitHubApiServer;
  let apiUrl: string;
  let bin: string;
  let calls: string;
  before(async () => {
    server = new GitHubApiServer();
    apiUrl = await server.start();
    server.tokens.set(TOKEN, { login: 'github-actions[bot]', kind: 'installation' });
    server.seedCommit('main', {}, BASE_SHA);
    // kind, helm and kubectl that note each call and fail: a run that reaches them is seen.
    bin = await mkdtemp(path.join(tmpdir(), 'intent-drift-tools-'));
    calls = path.join(bin, 'calls.log');
    await writeFile(calls, '');
    for (const tool of ['kind', 'helm', 'kubectl']) {
      await writeFile(path.join(bin, tool), `#!/bin/sh\necho "${tool} $*" >> '${calls}'\nexit 1\n`, {
        mode: 0o755,
      });
    }
  });
  after(() => server.stop());

  /** A run on a fork's pull request, GITHUB_SHA (the base branch's commit) being `sha`. */
  const run = (workspace: string, sha = BASE_SHA) =>
    runAction({
      inputs: { 'github-token': TOKEN, intents: 'intents', workloads: 'workloads.yaml', cluster: 'kind' },
      apiUrl,
      workspace,
      eventName: 'pull_request_target',
      event: pullRequestEvent(7, { fork: true, baseSha: sha }),
      sha,
      ref: 'refs/heads/main',
      env: { PATH: `${bin}:${process.env.PATH ?? ''}` },
    });

  /** The demo workspace as a git repository of one commit, and that commit.  */
  async function repositoryAt(): Promise<{ dir: string; head: string }> {
    const dir = await demoWorkspace();
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd: dir,
        encoding: 'utf8',
      }).trim();
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'pr');
    return { dir, head: git('rev-parse', 'HEAD') };
  }

  test("the fork's code checked out: exit 2 before any cluster tool or API call", async () => {
    const { dir, head } = await repositoryAt();
    const requests = server.requests.length;
    const result = await run(dir);
    assert.equal(result.code, 2, result.stdout);
    const errors = result.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    assert.equal(errors.length, 1, result.stdout);
    assert.match(
      errors[0]!,
      new RegExp(
        `cluster: kind on pull_request_target, for code that may be a fork's, with commit ${head.slice(0, 12)}`,
      ),
    );
    assert.equal(await readFile(calls, 'utf8'), '', 'no cluster tool ran');
    assert.equal(server.requests.length, requests, 'no API request');
  });

  test('the base commit checked out: the cluster step runs', async () => {
    const { dir, head } = await repositoryAt();
    // GITHUB_SHA names what the workspace holds; the gate reads that commit's config.
    server.seedCommit('main', {}, head);
    const result = await run(dir, head);
    assert.doesNotMatch(result.stdout, /for code that may be a fork's/);
    assert.notEqual(await readFile(calls, 'utf8'), '', `a cluster tool ran:\n${result.stdout}`);
  });
});
