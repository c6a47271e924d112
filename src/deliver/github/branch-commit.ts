// Commits files to one reused branch through the REST git data API (blobs, a tree on the base
// commit's tree, a commit, the ref): no push credentials, and GitHub signs the commit because
// it has no author of ours. Each run resets the branch to one fresh commit on the base, and
// refuses to when the branch's head is a commit it did not make.
import { InputError } from '../../errors.ts';
import { asRequestError } from './github-errors.ts';
import type { GitHubClient } from './octokit.ts';

export interface BranchCommitRequest {
  owner: string;
  repo: string;
  branch: string;
  /** The commit the edited files were read from. */
  baseSha: string;
  files: { path: string; content: string }[];
  message: string;
}

export interface BranchCommitResult {
  sha: string;
  /** False when the branch already held exactly this change. */
  updated: boolean;
}

export async function commitToBranch(
  client: GitHubClient,
  req: BranchCommitRequest,
): Promise<BranchCommitResult> {
  const repo = { owner: req.owner, repo: req.repo };
  const { data: base } = await client.rest.git.getCommit({ ...repo, commit_sha: req.baseSha });
  const tree = [];
  // One write at a time: the throttling plugin queues them, and the order is the same each run.
  for (const file of req.files) {
    const { data: blob } = await client.rest.git.createBlob({
      ...repo,
      content: file.content,
      encoding: 'utf-8',
    });
    tree.push({ path: file.path, mode: '100644' as const, type: 'blob' as const, sha: blob.sha });
  }
  const { data: newTree } = await client.rest.git.createTree({ ...repo, base_tree: base.tree.sha, tree });

  const current = await branchHead(client, req);
  if (current !== undefined) {
    const { data: head } = await client.rest.git.getCommit({ ...repo, commit_sha: current });
    if (head.tree.sha === newTree.sha && head.parents[0]?.sha === req.baseSha) {
      return { sha: current, updated: false };
    }
    // The branch is reset to a fresh commit: only ever one intent-drift made, never someone's work.
    if (!isOurCommit(head)) {
      throw new InputError(
        `pr-branch '${req.branch}' is at ${current}, a commit intent-drift did not make: refusing to reset it ` +
          '(name another pr-branch, or delete that branch)',
      );
    }
  }
  const { data: commit } = await client.rest.git.createCommit({
    ...repo,
    message: req.message,
    tree: newTree.sha,
    parents: [req.baseSha],
  });
  if (current === undefined) {
    try {
      await client.rest.git.createRef({ ...repo, ref: `refs/heads/${req.branch}`, sha: commit.sha });
      return { sha: commit.sha, updated: true };
    } catch (err) {
      // Another run created it in between: take it over like an existing branch.
      if (asRequestError(err)?.status !== 422) throw err;
    }
  }
  await client.rest.git.updateRef({ ...repo, ref: `heads/${req.branch}`, sha: commit.sha, force: true });
  return { sha: commit.sha, updated: true };
}

/** The subject line of every commit this module makes. */
export function commitSubject(added: number, removed: number): string {
  return `intent-drift: declare ${added} observed calls, remove ${removed} stale rules`;
}

const OUR_SUBJECT = /^intent-drift: declare \d+ observed calls, remove \d+ stale rules$/;

/** One of ours: our subject line, one parent (we never merge). */
function isOurCommit(commit: { message: string; parents: { sha: string }[] }): boolean {
  return OUR_SUBJECT.test(commit.message.split('\n')[0] ?? '') && commit.parents.length === 1;
}

async function branchHead(client: GitHubClient, req: BranchCommitRequest): Promise<string | undefined> {
  try {
    const { data } = await client.rest.git.getRef({
      owner: req.owner,
      repo: req.repo,
      ref: `heads/${req.branch}`,
    });
    return data.object.sha;
  } catch (err) {
    if (asRequestError(err)?.status === 404) return undefined;
    throw err;
  }
}
