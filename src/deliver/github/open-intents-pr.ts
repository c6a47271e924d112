// open-pr: the edited intents go to one reused branch and one pull request, updated on every
// run that finds drift.

import { isRepositoryPath } from '../../contained-path.ts';
import type { IntentsEditResult } from '../../declare/edit-intents-types.ts';
import { InputError } from '../../errors.ts';
import { commitSubject, commitToBranch } from './branch-commit.ts';
import type { GitHubClient } from './octokit.ts';
import { PULL_REQUEST_TITLE, pullRequestBody } from './pull-request-body.ts';
import type { RunContext } from './run-context.ts';
import { openOrUpdatePullRequest, type PullRequestResult } from './update-pull-request.ts';

export async function openIntentsPullRequest(
  client: GitHubClient,
  context: RunContext,
  branch: string,
  edit: IntentsEditResult,
  patch: string,
): Promise<PullRequestResult & { committed: boolean; base: string }> {
  const base = context.branch ?? (await defaultBranch(client, context));
  if (base === branch)
    throw new InputError(`pr-branch '${branch}' is the branch this run checks: pick another`);
  if (!/^[0-9a-f]{40}$/.test(context.sha)) throw new InputError('GITHUB_SHA is not a commit SHA');
  // Every file is one of the repository's own paths: never `..`, an absolute path or `.git/`.
  const outside = edit.files.find((f) => !isRepositoryPath(f.file));
  if (outside !== undefined) {
    throw new InputError(`refusing to commit "${outside.file}": not a path inside the repository`);
  }
  const added = edit.changes.filter((c) => c.action === 'add').length;
  const removed = edit.changes.length - added;
  const commit = await commitToBranch(client, {
    owner: context.owner,
    repo: context.repo,
    branch,
    baseSha: context.sha,
    files: edit.files.map((f) => ({ path: f.file, content: f.after })),
    message: commitSubject(added, removed),
  });
  const pr = await openOrUpdatePullRequest(client, {
    owner: context.owner,
    repo: context.repo,
    branch,
    base,
    title: PULL_REQUEST_TITLE,
    body: pullRequestBody(edit.changes, patch, context.runUrl, edit.skipped.length),
  });
  return { ...pr, committed: commit.updated, base };
}

async function defaultBranch(client: GitHubClient, context: RunContext): Promise<string> {
  const { data } = await client.rest.repos.get({ owner: context.owner, repo: context.repo });
  return data.default_branch;
}
