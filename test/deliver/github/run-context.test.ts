// What the action reads of where it runs: the repository, the branch, the URLs, and the pull
// request or workflow_run of the event file. The fork flag and the run's own page decide what
// the action trusts, so each is read from the runner's payload as GitHub writes it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { blobLink, readRunContext, runHeader } from '../../../src/deliver/github/run-context.ts';
import { InputError } from '../../../src/errors.ts';

const HEAD = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const BASE = 'b0b1b2b3b4b5b6b7b8b9c0c1c2c3c4c5c6c7c8c9';

async function eventFile(payload: unknown): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-run-context-'));
  const file = path.join(dir, 'event.json');
  await writeFile(file, JSON.stringify(payload));
  return file;
}

const env = (more: Record<string, string> = {}) => ({ GITHUB_REPOSITORY: 'acme/shop', ...more });

const pullRequest = (headRepo: { full_name: string } | null, number: unknown = 7) => ({
  pull_request: {
    number,
    head: { sha: HEAD, repo: headRepo },
    base: { sha: BASE, repo: { full_name: 'acme/shop' } },
  },
});

test('a pull request: its number, head and base commits; a fork, and a deleted fork, are forks', async () => {
  const own = readRunContext(
    env({ GITHUB_EVENT_PATH: await eventFile(pullRequest({ full_name: 'acme/shop' })) }),
  );
  assert.deepEqual(own.pullRequest, { number: 7, headSha: HEAD, baseSha: BASE, fork: false });
  const fork = readRunContext(
    env({ GITHUB_EVENT_PATH: await eventFile(pullRequest({ full_name: 'someone/shop' })) }),
  );
  assert.equal(fork.pullRequest?.fork, true);
  // A fork deleted after its pull request was opened: GitHub sends `head.repo: null`.
  const deleted = readRunContext(env({ GITHUB_EVENT_PATH: await eventFile(pullRequest(null)) }));
  assert.equal(deleted.pullRequest?.fork, true, 'a deleted fork is still a fork');
  // Not a pull request GitHub wrote: no number, no pull request.
  const odd = readRunContext(
    env({ GITHUB_EVENT_PATH: await eventFile(pullRequest({ full_name: 'acme/shop' }, '7')) }),
  );
  assert.equal(odd.pullRequest, undefined);
});

test('GITHUB_REPOSITORY must name an owner and a repository', () => {
  for (const repository of ['', 'acme', 'acme/', '/shop']) {
    assert.throws(() => readRunContext({ GITHUB_REPOSITORY: repository }), InputError, repository);
  }
});

test('the branch only from refs/heads; URLs without a trailing slash; the run page from GITHUB_RUN_ID', () => {
  assert.equal(readRunContext(env({ GITHUB_REF: 'refs/heads/feature/x' })).branch, 'feature/x');
  assert.equal(readRunContext(env({ GITHUB_REF: 'refs/tags/v1' })).branch, undefined);
  assert.equal(readRunContext(env({ GITHUB_REF: 'refs/pull/7/merge' })).branch, undefined);
  const ghes = readRunContext(
    env({
      GITHUB_SERVER_URL: 'https://ghe.example.com/',
      GITHUB_API_URL: 'https://ghe.example.com/api/v3/',
      GITHUB_RUN_ID: '42',
    }),
  );
  assert.equal(ghes.serverUrl, 'https://ghe.example.com');
  assert.equal(ghes.apiUrl, 'https://ghe.example.com/api/v3');
  assert.equal(ghes.runUrl, 'https://ghe.example.com/acme/shop/actions/runs/42');
  const dotCom = readRunContext(env());
  assert.equal(dotCom.serverUrl, 'https://github.com');
  assert.equal(dotCom.apiUrl, 'https://api.github.com');
  assert.equal(dotCom.runUrl, undefined);
});

test("a workflow_run's head repository and branch; its page kept only when it is one of this GitHub's", async () => {
  const run = (html_url: unknown, head_repository: unknown = { full_name: 'someone/shop' }) =>
    eventFile({ workflow_run: { head_sha: HEAD, head_branch: 'feature', head_repository, html_url } });
  const page = 'https://github.com/acme/shop/actions/runs/99';
  assert.deepEqual(readRunContext(env({ GITHUB_EVENT_PATH: await run(page) })).workflowRun, {
    headSha: HEAD,
    headRepository: 'someone/shop',
    headBranch: 'feature',
    url: page,
  });
  const deleted = readRunContext(env({ GITHUB_EVENT_PATH: await run(page, null) })).workflowRun;
  assert.equal(deleted?.headRepository, undefined);
  for (const other of [
    'https://github.com.evil.example/acme/shop/actions/runs/99',
    'https://github.com/acme/shop/actions/runs/99 [here](https://evil.example)',
    'https://github.com/acme/shop/actions/runs/99\n',
    'http://github.com/acme/shop/actions/runs/99',
    99,
  ]) {
    const read = readRunContext(env({ GITHUB_EVENT_PATH: await run(other) })).workflowRun;
    assert.equal(read?.url, undefined, String(other));
    assert.equal(read?.headSha, HEAD);
  }
});

test('an unreadable event file reads as no event; blob links encode each path segment', async () => {
  const missing = readRunContext(env({ GITHUB_EVENT_PATH: path.join(tmpdir(), 'no-such-event.json') }));
  assert.equal(missing.pullRequest, undefined);
  assert.equal(missing.workflowRun, undefined);
  const link = blobLink(readRunContext(env()), HEAD)('intents/a b#c?.yaml', 3);
  assert.equal(link, `https://github.com/acme/shop/blob/${HEAD}/intents/a%20b%23c%3F.yaml#L3`);
});

test("an event file that is a FIFO or past GitHub's payload size is not read, and reads as no event", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-run-context-'));
  // A FIFO nobody writes to: reading it would wait forever.
  const fifo = path.join(dir, 'event.fifo');
  execFileSync('mkfifo', [fifo]);
  assert.equal(readRunContext(env({ GITHUB_EVENT_PATH: fifo })).pullRequest, undefined);
  // A valid pull_request event padded past 32 MiB (GitHub caps a payload at 25 MB).
  const big = path.join(dir, 'big.json');
  await writeFile(
    big,
    `${JSON.stringify(pullRequest({ full_name: 'acme/shop' }))}${' '.repeat(33 * 1024 * 1024)}`,
  );
  assert.equal(readRunContext(env({ GITHUB_EVENT_PATH: big })).pullRequest, undefined);
  // The same event within the size is read.
  const small = path.join(dir, 'small.json');
  await writeFile(small, `${JSON.stringify(pullRequest({ full_name: 'acme/shop' }))}${' '.repeat(1024)}`);
  assert.equal(readRunContext(env({ GITHUB_EVENT_PATH: small })).pullRequest?.number, 7);
});

test('a pull request or workflow_run without a head commit is none; fields of the wrong type are unset', async () => {
  const read = async (payload: unknown) =>
    readRunContext(env({ GITHUB_EVENT_PATH: await eventFile(payload) }));
  assert.equal((await read({ pull_request: { number: 7, base: { sha: BASE } } })).pullRequest, undefined);
  assert.equal((await read({ pull_request: { number: 7, head: { sha: 7 } } })).pullRequest, undefined);
  const odd = await read({ pull_request: { number: 7, head: { sha: HEAD }, base: { sha: 12 } } });
  assert.equal(odd.pullRequest?.baseSha, undefined);
  assert.equal((await read({ workflow_run: { head_branch: 'feature' } })).workflowRun, undefined);
  assert.equal(
    (await read({ workflow_run: { head_sha: 1, head_branch: 'feature' } })).workflowRun,
    undefined,
  );
  const run = (await read({ workflow_run: { head_sha: HEAD, head_branch: ['feature'] } })).workflowRun;
  assert.deepEqual(run, { headSha: HEAD, headRepository: undefined, headBranch: undefined });
});

test('a run header names the commit only when there is one', () => {
  const context = readRunContext(env({ GITHUB_RUN_ID: '42' }));
  const runUrl = 'https://github.com/acme/shop/actions/runs/42';
  assert.deepEqual(runHeader(context, ''), { runUrl });
  assert.deepEqual(runHeader(context, HEAD), {
    commit: { sha: HEAD, url: `https://github.com/acme/shop/commit/${HEAD}` },
    runUrl,
  });
});
