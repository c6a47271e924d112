// `cluster: kind` and `cluster: existing` apply the workloads' manifests and run their images.
// Some events run a job with the base repository's token (with write access unless the
// workflow narrows it) and its secrets, whoever caused them: `pull_request_target`,
// `workflow_run` and `issue_comment` (GitHub's docs, events that trigger workflows). Checking
// out a fork's code there and running it is the known "pwn request" (GitHub Security Lab,
// "Keeping your GitHub Actions and workflows secure Part 1: Preventing pwn requests"). The
// fork-safe workflows run the cluster on `pull_request` instead, where a fork gets neither.
import type { ClusterKind } from '../cluster/cluster-settings.ts';
import type { RunContext } from '../deliver/github/run-context.ts';
import { InputError } from '../errors.ts';

const PRIVILEGED_EVENTS: ReadonlySet<string> = new Set([
  'pull_request_target',
  'workflow_run',
  'issue_comment',
]);

/** Whether the event says the code it is about is this repository's own (not a fork's). */
function ownCode(context: RunContext): boolean {
  if (context.eventName === 'pull_request_target') return context.pullRequest?.fork === false;
  if (context.eventName === 'workflow_run') {
    return context.workflowRun?.headRepository === `${context.owner}/${context.repo}`;
  }
  // issue_comment: the payload does not say whose a pull request's head is.
  return false;
}

/**
 * Refuses a cluster run on an event that holds the base repository's token and secrets, when
 * the code may be a fork's, unless the workspace holds GITHUB_SHA: the default branch's (or
 * the base branch's) commit these events check out by default, which no fork wrote. `workspace`
 * (a git process) is asked only then; a workspace git cannot read is refused too.
 */
export function refuseForkCodeOnCluster(
  cluster: ClusterKind,
  context: RunContext,
  workspace: () => string | undefined,
): void {
  if (cluster === 'none' || !PRIVILEGED_EVENTS.has(context.eventName) || ownCode(context)) return;
  const held = workspace();
  if (held !== undefined && held === context.sha) return;
  const what = held === undefined ? 'a commit git cannot name' : `commit ${held.slice(0, 12)}`;
  throw new InputError(
    `cluster: ${cluster} on ${context.eventName}, for code that may be a fork's, with ${what} checked out ` +
      `instead of ${context.sha.slice(0, 12)} (GITHUB_SHA): it would apply manifests and run images a fork ` +
      "may have written, where this job's token and secrets are. Run the cluster check on pull_request " +
      '(docs/workflows/intent-drift-fork-check.yml), where a fork gets neither',
  );
}
