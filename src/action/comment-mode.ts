// mode: comment: the privileged half of the fork-safe split. It runs on the default branch
// (workflow_run), reads the data-only report a PR run uploaded, checks it against GitHub's own
// record of that PR, and posts the sticky comment. It never runs or checks out PR code.
import path from 'node:path';
import type { ActionIo, ActionOutcome } from '../deliver/github/action-io.ts';
import { ARTIFACT_LIMITS } from '../deliver/github/artifact-validator.ts';
import { commentBody } from '../deliver/github/comment-body.ts';
import { gateChangeLines, gateChangeNote } from '../deliver/github/gate-note.ts';
import type { GitHubClient } from '../deliver/github/octokit.ts';
import { postStickyComment } from '../deliver/github/post-comment.ts';
import { parseCommentArtifact } from '../deliver/github/report-artifact.ts';
import {
  blobLink,
  commitLink,
  type RunContext,
  type WorkflowRunInfo,
} from '../deliver/github/run-context.ts';
import { InputError, isInputError } from '../errors.ts';
import { readRegularFile } from '../regular-file.ts';
import type { ActionSettings } from './inputs.ts';
import { OUTPUT } from './inputs.ts';
import { githubClient, setCountOutputs } from './outcome.ts';
import { gateChangesOfPullRequest } from './pull-request-gate.ts';

export async function runCommentMode(
  settings: ActionSettings,
  context: RunContext,
  io: ActionIo,
): Promise<ActionOutcome> {
  const run = context.workflowRun;
  if (run === undefined) {
    throw new InputError(
      'mode: comment posts the report of another run: run it on a workflow_run event (see docs/workflows/intent-drift-fork-comment.yml)',
    );
  }
  const file = path.resolve(settings.check.cwd, settings.reportFile);
  const text = await readRegularFile(file, {
    file: settings.reportFile,
    maxBytes: ARTIFACT_LIMITS.bytes,
  }).catch((err: unknown) => {
    if (err instanceof InputError && /no such file/.test(err.message)) {
      throw new InputError('no report to comment from: download the PR run’s artifact first', {
        file: settings.reportFile,
      });
    }
    throw err;
  });
  const artifact = parseCommentArtifact(text, settings.reportFile);
  const { number, headSha } = artifact.pullRequest;
  if (run.headSha !== headSha) {
    throw new InputError(
      `the report is for commit ${headSha}, but the workflow run that made it ran on ${run.headSha}`,
    );
  }
  const client = githubClient(settings, context, io);
  const { data: pull } = await client.rest.pulls.get({
    owner: context.owner,
    repo: context.repo,
    pull_number: number,
  });
  checkSameOrigin(pull.head, run, number);
  if (pull.head.sha !== headSha) {
    // A newer push: its own run will comment; an old report must not overwrite a newer one.
    io.warning(
      `intent-drift: no comment: the report is for ${headSha}, but pull request #${number} is now at ${pull.head.sha}`,
    );
    return { failure: undefined };
  }
  setCountOutputs(io, artifact.drift);
  io.setOutput(OUTPUT.report, file);
  io.setOutput(OUTPUT.pullRequestUrl, '');
  const gateNote = await gateNoteOf(client, context, settings, io, { base: pull.base.sha, head: headSha });
  // The run that checked is the PR run (its job summary holds the whole report); this one only comments.
  const checkingRun = context.workflowRun?.url;
  const header = {
    commit: { sha: headSha, url: commitLink(context, headSha) },
    ...(checkingRun === undefined ? {} : { runUrl: checkingRun }),
  };
  const body = commentBody(artifact.drift, {
    fileLink: blobLink(context, headSha),
    suggestedPatch: artifact.suggestedPatch,
    patchLeftOut: artifact.suggestedPatchLeftOut,
    gateNote,
    ...header,
  });
  const where = { owner: context.owner, repo: context.repo, issue: number };
  const url = await postStickyComment(client, io, where, body, {
    drift: artifact.drift,
    run: header,
    unavailable: 'fail',
  });
  io.setOutput(OUTPUT.commentUrl, url ?? '');
  // The PR run already failed or passed on this drift; commenting succeeds either way.
  return { failure: undefined };
}

/**
 * Whether the pull request changes its own gate files, read here through the API rather than
 * taken from the artifact (which the PR run could have written anything into). This run only
 * comments: when the files cannot be read, the comment goes without the note, with a warning.
 */
async function gateNoteOf(
  client: GitHubClient,
  context: RunContext,
  settings: ActionSettings,
  io: ActionIo,
  commits: { base: string; head: string },
): Promise<string> {
  try {
    const changes = await gateChangesOfPullRequest(client, context, settings, commits);
    for (const line of gateChangeLines(changes)) io.info(line);
    return gateChangeNote(changes);
  } catch (err) {
    if (!isInputError(err)) throw err;
    io.warning(`intent-drift: the comment says nothing of changes to the gate files: ${String(err)}`);
    return '';
  }
}

/**
 * The PR the report names must be the one the run was made from: its head repository and branch
 * as GitHub records them for the workflow run. Otherwise a fork could copy another PR's head
 * commit and have its own report posted on that PR.
 */
function checkSameOrigin(
  head: { ref: string; repo?: { full_name: string } | null },
  run: WorkflowRunInfo,
  number: number,
): void {
  const repository = head.repo?.full_name;
  if (run.headRepository === undefined || run.headBranch === undefined) {
    throw new InputError('the workflow_run event names no head repository or branch: refusing to comment');
  }
  if (repository !== run.headRepository || head.ref !== run.headBranch) {
    throw new InputError(
      `pull request #${number} is ${repository ?? '(a deleted repository)'}:${head.ref}, but the run that made the report ran on ${run.headRepository}:${run.headBranch}: refusing to comment`,
    );
  }
}
