// mode: check: run the pipeline, then deliver everywhere the run may: JSON report, job
// summary, annotations and outputs always; the sticky comment on a pull request; the
// auto-opened PR when asked.

import { checkInCluster } from '../cluster/cluster-check.ts';
import type { ClusterLog } from '../cluster/cluster-step.ts';
import { createProcessRunner } from '../cluster/command-runner.ts';
import type { IntentsEditResult } from '../declare/edit-intents-types.ts';
import { planIntentsEdit } from '../declare/intents-edit-plan.ts';
import { renderCiReport, sarifOutsideWarning } from '../deliver/ci-reports.ts';
import type { ActionIo, ActionOutcome } from '../deliver/github/action-io.ts';
import { ANNOTATIONS_SHOWN, driftAnnotations } from '../deliver/github/annotations.ts';
import { linkedCommit, workspaceCommit } from '../deliver/github/checked-out.ts';
import { commentBody, jobSummary } from '../deliver/github/comment-body.ts';
import { gateChangeLines, gateChangeNote } from '../deliver/github/gate-note.ts';
import { openIntentsPullRequest } from '../deliver/github/open-intents-pr.ts';
import { postStickyComment } from '../deliver/github/post-comment.ts';
import { renderReportFile } from '../deliver/github/report-artifact.ts';
import { blobLink, type RunContext, runHeader } from '../deliver/github/run-context.ts';
import { type CheckResult, check, type GateFiles } from '../pipeline.ts';
import { writeFileInRepository } from '../repository-links.ts';
import { refuseForkCodeOnCluster } from './fork-code-guard.ts';
import type { ActionSettings } from './inputs.ts';
import { OUTPUT } from './inputs.ts';
import { failureLine, githubClient, setCountOutputs } from './outcome.ts';
import { pullRequestGate } from './pull-request-gate.ts';

/** Notes about drift the patch cannot express, printed one per line up to this many. */
const MAX_SKIPPED_NOTES = 50;

export async function runCheckMode(
  settings: ActionSettings,
  context: RunContext,
  given: ActionIo,
): Promise<ActionOutcome> {
  // GitHub annotates only the first ten warnings of a step: those printed before the drift's
  // own take slots from the stale rules, and are counted.
  let warned = 0;
  const io: ActionIo = {
    ...given,
    warning: (message) => {
      warned++;
      given.warning(message);
    },
  };
  refuseForkCodeOnCluster(settings.live.cluster, context, () => workspaceCommit(settings.check.cwd));
  // On a pull request the base commit's config and baseline gate it (read before the long part).
  const gate = await pullRequestGate(settings, context, io);
  const result =
    settings.live.cluster === 'none'
      ? await check(settings.check, undefined, gate?.files)
      : await checkLiveCluster(settings, io, gate?.files);
  const { drift, declared } = result;
  for (const warning of drift.warnings) io.warning(`intent-drift: ${warning}`);
  for (const line of gateChangeLines(gate?.changes ?? [])) io.warning(`intent-drift: ${line}`);
  const gateNote = gateChangeNote(gate?.changes ?? []);
  setCountOutputs(io, drift);

  const { edit, patch } = await planIntentsEdit(settings.check.cwd, declared, drift, settings.pruneStale);
  for (const note of edit.skipped.slice(0, MAX_SKIPPED_NOTES)) io.info(`not in the suggested patch: ${note}`);
  if (edit.skipped.length > MAX_SKIPPED_NOTES) {
    io.info(`not in the suggested patch: ${edit.skipped.length - MAX_SKIPPED_NOTES} more`);
  }
  // Said in the comment too: without it a reader takes the patch for the whole fix.
  const leftOut = edit.skipped.length;
  const pr = context.pullRequest;

  const reportPath = await writeFileInRepository(
    settings.check.cwd,
    settings.reportFile,
    renderReportFile(drift, pr && { number: pr.number, headSha: pr.headSha }, patch, leftOut),
  );
  io.setOutput(OUTPUT.report, reportPath);
  await writeCiReports(settings, result, io);

  const checked = pr?.headSha ?? context.sha;
  // Lines are linked where they were read: the merge commit when that is what was checked out.
  const fileLink = blobLink(
    context,
    linkedCommit(context, () => workspaceCommit(settings.check.cwd)),
  );
  const header = runHeader(context, checked);
  await io.writeSummary(
    jobSummary(drift, { fileLink, suggestedPatch: patch, patchLeftOut: leftOut, gateNote, ...header }),
  );
  // The failing verdict (printed last, as an error) keeps one of the ten error slots.
  const slots = {
    errors: ANNOTATIONS_SHOWN - (result.exitCode === 1 ? 1 : 0),
    warnings: ANNOTATIONS_SHOWN - warned,
  };
  for (const annotation of driftAnnotations(drift, slots)) io.annotate(annotation);

  io.setOutput(OUTPUT.commentUrl, '');
  if (pr !== undefined && settings.comment) {
    const client = githubClient(settings, context, io);
    const body = commentBody(drift, {
      fileLink,
      suggestedPatch: patch,
      patchLeftOut: leftOut,
      gateNote,
      ...header,
    });
    const where = { owner: context.owner, repo: context.repo, issue: pr.number };
    const url = await postStickyComment(client, io, where, body, {
      drift,
      run: header,
      unavailable: 'warn',
    });
    io.setOutput(OUTPUT.commentUrl, url ?? '');
  }

  io.setOutput(OUTPUT.pullRequestUrl, '');
  if (settings.openPr) await deliverPullRequest(settings, context, io, edit, patch);

  return { failure: result.exitCode === 1 ? failureLine(drift, result.failOn) : undefined };
}

async function deliverPullRequest(
  settings: ActionSettings,
  context: RunContext,
  io: ActionIo,
  edit: IntentsEditResult,
  patch: string,
): Promise<void> {
  if (context.pullRequest !== undefined) {
    io.info('open-pr: skipped on a pull request run (use it on push, schedule or workflow_dispatch)');
    return;
  }
  if (edit.files.length === 0) {
    // Drift the editor cannot write is no reason to say the intents are fine.
    const n = edit.skipped.length;
    io.info(
      n === 0
        ? 'open-pr: the intents need no change'
        : `open-pr: no pull request: the editor can write none of the drift (${n === 1 ? 'the note' : `the ${n} notes`} above, starting "not in the suggested patch:", ${n === 1 ? 'says' : 'say'} what to edit by hand)`,
    );
    return;
  }
  const client = githubClient(settings, context, io);
  const pr = await openIntentsPullRequest(client, context, settings.prBranch, edit, patch);
  if (pr.action === 'merged') {
    io.info(
      `open-pr: ${pr.base} already holds the edit on ${settings.prBranch} (GitHub: no commits between them): no pull request opened`,
    );
    return;
  }
  io.info(`pull request ${pr.action}: ${pr.url}${pr.committed ? '' : ' (branch already up to date)'}`);
  io.setOutput(OUTPUT.pullRequestUrl, pr.url);
}

/** `sarif-file` and `junit-file`: the same check for code scanning and CI test reports. */
async function writeCiReports(settings: ActionSettings, result: CheckResult, io: ActionIo): Promise<void> {
  const { cwd, sarifFile, junitFile } = settings.check;
  const inputs = { ...result, cwd, repositoryRoot: cwd };
  const outside = sarifFile === undefined ? undefined : sarifOutsideWarning(inputs);
  if (outside !== undefined) io.warning(`intent-drift: ${outside}`);
  for (const [name, format] of [
    [sarifFile, 'sarif'],
    [junitFile, 'junit'],
  ] as const) {
    if (name === undefined) continue;
    await writeFileInRepository(cwd, name, renderCiReport(format, inputs));
  }
}

/** `cluster: kind|existing`: the tools run as child processes, their output in the step's log. */
function checkLiveCluster(
  settings: ActionSettings,
  io: ActionIo,
  gate: GateFiles | undefined,
): Promise<CheckResult> {
  const log = groupedLog(io);
  const runner = createProcessRunner({ log: (line) => io.info(line), secrets: [settings.token] });
  return checkInCluster(settings, { runner, log, check: (s, onProgress) => check(s, onProgress, gate) });
}

/** The cluster steps' log: folded groups, tool output as info lines (escaped by the io). */
export function groupedLog(io: ActionIo): ClusterLog {
  return {
    info: (line) => io.info(line),
    warning: (line) => io.warning(line),
    startGroup: (title) => io.startGroup(title),
    endGroup: () => io.endGroup(),
  };
}
