// One pull request per branch: updated when it is open, opened otherwise. GitHub's 422 "A pull
// request already exists" (a race with another run, or a PR the listing did not show) turns
// into an update of that PR; its 422 "No commits between" (the base holds the branch's commit
// already: a rerun after the PR was merged) into no PR at all.
import { isNoCommitsBetween, isPullRequestExists } from './github-errors.ts';
import type { GitHubClient } from './octokit.ts';

export interface PullRequestRequest {
  owner: string;
  repo: string;
  branch: string;
  base: string;
  title: string;
  body: string;
}

export type PullRequestResult =
  | { number: number; url: string; action: 'created' | 'updated' }
  /** The base already holds the branch's commit: there is nothing to open. */
  | { action: 'merged' };

export async function openOrUpdatePullRequest(
  client: GitHubClient,
  req: PullRequestRequest,
): Promise<PullRequestResult> {
  const existing = await findOpenPullRequest(client, req);
  if (existing !== undefined) return update(client, req, existing);
  try {
    const { data } = await client.rest.pulls.create({
      owner: req.owner,
      repo: req.repo,
      head: req.branch,
      base: req.base,
      title: req.title,
      body: req.body,
    });
    return { number: data.number, url: data.html_url, action: 'created' };
  } catch (err) {
    if (isNoCommitsBetween(err)) return { action: 'merged' };
    if (!isPullRequestExists(err)) throw err;
    const raced = await findOpenPullRequest(client, { ...req, base: undefined });
    if (raced === undefined) throw err;
    return update(client, req, raced);
  }
}

async function findOpenPullRequest(
  client: GitHubClient,
  req: Omit<PullRequestRequest, 'base'> & { base: string | undefined },
): Promise<number | undefined> {
  const { data } = await client.rest.pulls.list({
    owner: req.owner,
    repo: req.repo,
    head: `${req.owner}:${req.branch}`,
    ...(req.base === undefined ? {} : { base: req.base }),
    state: 'open',
    per_page: 10,
  });
  return data[0]?.number;
}

async function update(
  client: GitHubClient,
  req: PullRequestRequest,
  number: number,
): Promise<PullRequestResult> {
  const { data } = await client.rest.pulls.update({
    owner: req.owner,
    repo: req.repo,
    pull_number: number,
    title: req.title,
    body: req.body,
  });
  return { number: data.number, url: data.html_url, action: 'updated' };
}
