// `cluster: kind` and `cluster: existing` apply the workloads' manifests and run their images.
// On `pull_request_target` the job holds the base repository's token (with write access unless
// the workflow narrows it) and its secrets, whoever opened the pull request: checking out a
// fork's pull request there and running its code is the known "pwn request" (GitHub Security
// Lab, "Keeping your GitHub Actions and workflows secure Part 1: Preventing pwn requests"). The
// fork-safe workflows run the cluster on `pull_request` instead, where a fork gets neither.
import type { ClusterKind } from '../cluster/cluster-settings.ts';
import type { RunContext } from '../deliver/github/run-context.ts';
import { InputError } from '../errors.ts';

/**
 * Refuses a cluster run on `pull_request_target` for a fork's pull request (or one the event
 * does not describe) unless the workspace holds GITHUB_SHA, the base branch's commit that
 * event checks out by default: anything else there may be the fork's code. `workspace` (a git
 * process) is asked only then; a workspace git cannot read is refused too.
 */
export function refuseForkCodeOnCluster(
  cluster: ClusterKind,
  context: RunContext,
  workspace: () => string | undefined,
): void {
  if (cluster === 'none' || context.eventName !== 'pull_request_target') return;
  if (context.pullRequest?.fork === false) return;
  const held = workspace();
  if (held !== undefined && held === context.sha) return;
  const what = held === undefined ? 'a commit git cannot name' : `commit ${held.slice(0, 12)}`;
  throw new InputError(
    `cluster: ${cluster} on pull_request_target, for a pull request from a fork, with ${what} checked out ` +
      `instead of the base branch's ${context.sha.slice(0, 12)} (GITHUB_SHA): it would apply manifests and run ` +
      "images the fork wrote, where this job's token and secrets are. Run the cluster check on pull_request " +
      '(docs/workflows/intent-drift-fork-check.yml), where a fork gets neither',
  );
}
