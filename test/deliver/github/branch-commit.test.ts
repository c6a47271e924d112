// commitToBranch through the real Octokit and the stand-in's git data API: each run's commit sits
// on the base it was given, and a branch whose head intent-drift did not make, or whose head it
// could not read, is never reset.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { commitSubject, commitToBranch } from '../../../src/deliver/github/branch-commit.ts';
import { asRequestError } from '../../../src/deliver/github/github-errors.ts';
import { createGitHubClient } from '../../../src/deliver/github/octokit.ts';
import { InputError } from '../../../src/errors.ts';
import { GitHubApiServer } from '../../support/github-api-server.ts';

const BRANCH = 'intent-drift/update';
const FILES = { 'README.md': '# shop\n', 'intents/client.yaml': 'kind: ClientIntents\n' };
let server: GitHubApiServer;
let base = '';
const client = () => createGitHubClient('app', { baseUrl: server.url, delayUnitMs: 1 });
const commit = (baseSha = base, content = 'kind: ClientIntents # edited\n') =>
  commitToBranch(client(), {
    owner: 'acme',
    repo: 'shop',
    branch: BRANCH,
    baseSha,
    files: [{ path: 'intents/client.yaml', content }],
    message: `${commitSubject(1, 0)}\n\nthe body`,
  });
const head = () => server.git.commits.get(server.git.refs.get(`heads/${BRANCH}`) ?? '');
/** Someone's commit on the branch, with this message and these parents. */
const theirs = (message: string, parents: string[]): string => {
  const sha = server.seedCommit(BRANCH, { 'notes.md': 'my work in progress\n' }, 'e'.repeat(40));
  server.git.commits.set(sha, { ...server.git.commits.get(sha)!, message, parents });
  return sha;
};

before(async () => {
  server = new GitHubApiServer();
  await server.start();
});
after(() => server.stop());
beforeEach(() => {
  server.requests.length = 0;
  server.faults.length = 0;
  server.git.refs.clear();
  server.tokens.set('app', { login: 'my-app[bot]', kind: 'installation' });
  base = server.seedCommit('main', FILES);
});

describe('commitToBranch', () => {
  test('every run commits on the base it was given, never on the branch’s last commit', async () => {
    const first = await commit();
    assert.deepEqual(head()?.parents, [base]);
    // Same base, another edit: a fresh commit on the base again.
    const second = await commit(base, 'kind: ClientIntents # edited again\n');
    assert.ok(second.updated);
    assert.notEqual(second.sha, first.sha);
    assert.deepEqual(head()?.parents, [base]);
    // The base moved on: the branch follows it.
    const moved = server.seedCommit('main', { ...FILES, 'docs.md': 'new\n' });
    await commit(moved);
    assert.deepEqual(head()?.parents, [moved]);
  });

  test('the same tree on another base is no up-to-date branch: it is committed again on that base', async () => {
    const first = await commit();
    assert.deepEqual(await commit(), { sha: first.sha, updated: false });
    // main gets a commit with the same files (an empty commit, a revert of a revert).
    const same = server.seedCommit('main', FILES, 'c'.repeat(40));
    const again = await commit(same);
    assert.ok(again.updated);
    assert.deepEqual(head()?.parents, [same]);
  });

  test('a merge commit with our subject line is not ours: refused, not reset', async () => {
    const sha = theirs(`${commitSubject(1, 0)}\n`, [base, base]);
    await assert.rejects(commit(), (err) => err instanceof InputError && /did not make/.test(err.message));
    assert.equal(server.git.refs.get(`heads/${BRANCH}`), sha);
  });

  test('a commit whose subject only starts like ours is not ours: refused, not reset', async () => {
    const sha = theirs(`${commitSubject(1, 0)}, then my own fixes to client.yaml\n`, [base]);
    await assert.rejects(commit(), (err) => err instanceof InputError && /did not make/.test(err.message));
    assert.equal(server.git.refs.get(`heads/${BRANCH}`), sha);
  });

  test('a branch head that cannot be read is an error, never taken for no branch', async () => {
    const sha = theirs('my work\n', [base]);
    server.faults.push({
      method: 'GET',
      path: /\/git\/ref\/heads\//,
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    await assert.rejects(commit(), (err) => asRequestError(err)?.status === 403);
    assert.equal(server.git.refs.get(`heads/${BRANCH}`), sha);
    assert.ok(!server.requests.some((r) => r.method === 'PATCH' || r.path.endsWith('/git/refs')));
  });

  test('creating the branch refused for another reason than "exists" is that error, with no forced update', async () => {
    server.faults.push({
      method: 'POST',
      path: /\/git\/refs$/,
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    await assert.rejects(commit(), (err) => asRequestError(err)?.status === 403);
    assert.ok(!server.requests.some((r) => r.method === 'PATCH'));
    assert.equal(server.git.refs.get(`heads/${BRANCH}`), undefined);
  });
});
