// openIntentsPullRequest through the real Octokit and the stand-in: what it refuses before any
// write (the branch it checks, a GITHUB_SHA that is no commit, a path outside the repository),
// the commit's subject, and the base a run on no branch opens its PR against.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type {
  IntentChange,
  IntentsEditResult,
  IntentsFileEdit,
} from '../../../src/declare/edit-intents-types.ts';
import { createGitHubClient } from '../../../src/deliver/github/octokit.ts';
import { openIntentsPullRequest } from '../../../src/deliver/github/open-intents-pr.ts';
import type { RunContext } from '../../../src/deliver/github/run-context.ts';
import { isInputError } from '../../../src/errors.ts';
import { GitHubApiServer } from '../../support/github-api-server.ts';

const BRANCH = 'intent-drift/update';
const BEFORE = 'kind: ClientIntents\n';
const AFTER = 'kind: ClientIntents # edited\n';
let server: GitHubApiServer;
let base = '';
const client = () => createGitHubClient('app', { baseUrl: server.url, delayUnitMs: 1 });

function context(over: Partial<RunContext> = {}): RunContext {
  return {
    owner: 'acme',
    repo: 'shop',
    eventName: 'push',
    sha: base,
    branch: 'main',
    serverUrl: 'https://github.com',
    apiUrl: server.url,
    runUrl: undefined,
    pullRequest: undefined,
    workflowRun: undefined,
    ...over,
  };
}

const change = (action: IntentChange['action'], path: string): IntentChange => ({
  action,
  client: { name: 'client', namespace: 'shop' },
  server: 'nginx',
  method: 'GET',
  path,
  file: 'intents/client.yaml',
});

function edit(
  files: IntentsFileEdit[] = [{ file: 'intents/client.yaml', before: BEFORE, after: AFTER }],
): IntentsEditResult {
  return {
    files,
    changes: [change('add', '/a'), change('add', '/b'), change('remove', '/old')],
    skipped: [],
  };
}

const refused = (pattern: RegExp) => (err: unknown) => isInputError(err) && pattern.test(String(err));

before(async () => {
  server = new GitHubApiServer();
  await server.start();
});
after(() => server.stop());
beforeEach(() => {
  server.pulls.length = 0;
  server.requests.length = 0;
  server.faults.length = 0;
  server.git.refs.clear();
  server.defaultBranch = 'main';
  server.tokens.set('app', { login: 'my-app[bot]', kind: 'installation' });
  base = server.seedCommit('main', { 'intents/client.yaml': BEFORE });
});

describe('openIntentsPullRequest', () => {
  test('pr-branch naming the branch the run checks is refused before any write', async () => {
    await assert.rejects(
      openIntentsPullRequest(client(), context({ branch: BRANCH }), BRANCH, edit(), ''),
      refused(/pr-branch 'intent-drift\/update' is the branch this run checks: pick another/),
    );
    assert.deepEqual(server.writes(), []);
    assert.equal(server.git.refs.get('heads/main'), base);
  });

  test('a GITHUB_SHA that is not a whole commit SHA is refused before any write', async () => {
    for (const sha of [base.slice(0, 12), base.toUpperCase(), `${base}0`, '']) {
      await assert.rejects(
        openIntentsPullRequest(client(), context({ sha }), BRANCH, edit(), ''),
        refused(/GITHUB_SHA is not a commit SHA/),
        sha,
      );
    }
    assert.deepEqual(server.writes(), []);
  });

  test('an edited file outside the repository, or in .git, is never committed', async () => {
    for (const file of [
      '../client.yaml',
      'intents/../../x.yaml',
      '.git/config',
      'intents/.GIT/hooks/pre-commit',
    ]) {
      await assert.rejects(
        openIntentsPullRequest(
          client(),
          context(),
          BRANCH,
          edit([
            { file: 'intents/client.yaml', before: BEFORE, after: AFTER },
            { file, before: null, after: 'x' },
          ]),
          '',
        ),
        refused(/refusing to commit ".*": not a path inside the repository/),
        file,
      );
    }
    assert.deepEqual(server.writes(), []);
    assert.equal(server.git.refs.has(`heads/${BRANCH}`), false);
  });

  test("the commit's subject counts the rules added and removed; the PR goes to the checked branch", async () => {
    const result = await openIntentsPullRequest(client(), context(), BRANCH, edit(), '');
    assert.equal(result.base, 'main');
    assert.equal(result.committed, true);
    const head = server.git.commits.get(server.git.refs.get(`heads/${BRANCH}`)!)!;
    assert.equal(head.message.split('\n')[0], 'intent-drift: declare 2 observed calls, remove 1 stale rules');
    assert.deepEqual(head.parents, [base]);
    assert.deepEqual(
      server.pulls.map((p) => [p.head, p.base]),
      [[BRANCH, 'main']],
    );
    assert.equal(server.filesAt(BRANCH)['intents/client.yaml'], AFTER);
  });

  test("a run on no branch (a tag) opens its PR against the repository's default branch", async () => {
    server.defaultBranch = 'trunk';
    base = server.seedCommit('trunk', { 'intents/client.yaml': BEFORE });
    const result = await openIntentsPullRequest(client(), context({ branch: undefined }), BRANCH, edit(), '');
    assert.equal(result.base, 'trunk');
    assert.deepEqual(
      server.pulls.map((p) => [p.head, p.base]),
      [[BRANCH, 'trunk']],
    );
  });
});
