// Which commit a report's lines are linked at: the one the workspace holds. On `pull_request`
// `actions/checkout` checks out the merge commit (GITHUB_SHA, refs/pull/N/merge), not the PR's
// head, unless told otherwise; a line read from the merge commit points elsewhere in the head's
// file when the base branch changed that file above it (GitHub's docs, events that trigger
// workflows: for pull_request, GITHUB_SHA is the last merge commit of the merge branch). So
// links go to GITHUB_SHA when the workspace holds it, and to the head otherwise (its usual
// place, and what comment mode knows).
import { execFileSync } from 'node:child_process';
import type { RunContext } from './run-context.ts';

const COMMIT_SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** The commit checked out at `cwd` (git's HEAD), or undefined when git cannot tell. */
export function workspaceCommit(cwd: string): string | undefined {
  try {
    const out = execFileSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000,
    }).trim();
    return COMMIT_SHA.test(out) ? out : undefined;
  } catch {
    // No git, not a repository, or one git will not read (another owner's): the head it is.
    return undefined;
  }
}

/**
 * The commit to link lines at: GITHUB_SHA when the workspace holds that merge commit, else the
 * head. `workspace` (a git process) is asked only on a pull request whose two commits differ.
 */
export function linkedCommit(context: RunContext, workspace: () => string | undefined): string {
  const pr = context.pullRequest;
  if (pr === undefined) return context.sha;
  if (context.sha === pr.headSha) return pr.headSha;
  return workspace() === context.sha ? context.sha : pr.headSha;
}
