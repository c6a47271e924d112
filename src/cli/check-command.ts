// `intent-drift check` and `demo`: the report in the format asked for, the report files (JSON,
// SARIF, JUnit), the baseline, and `--fix`. The exit code: 1 on failing drift; 0 once `--write-baseline` has written
// its file (unless --fail-on is given); after `--fix`, what the check says of the edited intents.
import type { FileHandle } from 'node:fs/promises';
import { writeBaselineFile } from '../config/baseline-file.ts';
import {
  PATCH_OVER_ROOM,
  patchLowerBound,
  patchWithinRoom,
  planIntentsEdit,
} from '../declare/intents-edit-plan.ts';
import { type CiReportInputs, renderCiReport, sarifOutsideWarning } from '../deliver/ci-reports.ts';
import { type CheckResult, check, recheck } from '../pipeline.ts';
import { PATCH_TOO_LONG, patchRoom, renderComment } from '../report/comment-document.ts';
import { splitStale } from '../report/drift-extras.ts';
import { renderJsonReportChunks } from '../report/json-report.ts';
import { renderTextReportChunks } from '../report/text-report.ts';
import { openInRepository, writeFileInRepository } from '../repository-links.ts';
import { repositoryRoot } from '../repository-root.ts';
import { safeLine } from '../safe-text.ts';
import type { Settings } from '../settings.ts';
import type { CliIo } from './cli-io.ts';
import { applyIntentsEdit } from './fix-intents.ts';
import { withProgress } from './progress.ts';

export async function runCheck(settings: Settings, io: CliIo): Promise<number> {
  const result = await withProgress(io, (listener) => check(settings, listener));
  if (settings.writeBaselineFile !== undefined) {
    const n = await writeBaselineFile(settings.cwd, settings.writeBaselineFile, result.beforeBaseline);
    io.writeError(
      `wrote a baseline of ${n} drift entr${n === 1 ? 'y' : 'ies'} to ${settings.writeBaselineFile}\n`,
    );
  }
  const ci: CiReportInputs = { ...result, cwd: settings.cwd, repositoryRoot: repositoryRoot(settings.cwd) };
  // The JSON report (often the largest) is rendered once for the report file and stdout, and
  // streamed to both; not under --fix, whose plan comes before the report is printed.
  const jsonToStdout = settings.format === 'json' && !settings.fix;
  await writeJsonReport(settings, result, jsonToStdout ? io : undefined);
  await writeReportFiles(settings, ci);
  const outside =
    settings.sarifFile !== undefined || settings.format === 'sarif' ? sarifOutsideWarning(ci) : undefined;
  if (outside !== undefined) io.writeError(`warning: ${safeLine(outside)}\n`);
  // The comment shows the patch only when it fits a third of it. A patch that cannot is not made
  // whole (parsing, editing and diffing every intents file of a large drift takes seconds): a
  // lower bound rules out the largest at once, and the files are edited one by one until the
  // patch passes the room.
  const plan = settings.fix
    ? await planIntentsEdit(settings.cwd, result.declared, result.drift, settings.pruneStale)
    : undefined;
  let patch: MarkdownPatch = { patch: plan?.patch ?? '', leftOut: plan?.edit.skipped.length ?? 0 };
  if (settings.format === 'markdown' && plan === undefined) {
    const within =
      patchLowerBound(result.drift, result.declared, patchRoom()) > patchRoom()
        ? PATCH_OVER_ROOM
        : await patchWithinRoom(
            settings.cwd,
            result.declared,
            result.drift,
            settings.pruneStale,
            patchRoom(),
          );
    // A patch not made: what it would leave out is not known either (--fix says).
    patch = within === PATCH_OVER_ROOM ? { patch: PATCH_TOO_LONG, leftOut: 0 } : within;
  }
  if (!jsonToStdout) {
    // Only the format asked for is rendered, and written in pieces as it is.
    for (const piece of renderReport(result, settings, ci, patch)) io.write(piece);
  }

  let exitCode = result.exitCode;
  if (settings.fix && plan !== undefined) {
    const written = await applyIntentsEdit(plan.edit, settings.intents, settings.cwd, io);
    if (written.length === 0) {
      // Drift the editor cannot write (the `not fixed:` lines) is no reason to say the intents are fine.
      io.writeError(
        plan.edit.skipped.length === 0
          ? '--fix: the intents need no change\n'
          : '--fix: nothing written: the editor can write none of the drift (the `not fixed:` lines say what to edit by hand)\n',
      );
    }
    const after = written.length === 0 ? result : await recheck(settings, result);
    // Counted as the report's headline counts: rules of clients the run never drove are not exercised, not stale.
    const { stale, notExercised } = splitStale(after.drift.stale);
    const idle = notExercised.length > 0 ? `, ${notExercised.length} not exercised` : '';
    io.writeError(
      `after the fix: ${after.drift.summary.missing} missing, ${stale.length} stale${idle}: ${after.exitCode === 1 ? 'still failing' : 'no failing drift'}` +
        `${stale.length > 0 && !settings.pruneStale ? ' (--prune-stale also removes stale rules)' : ''}\n`,
    );
    exitCode = after.exitCode;
  }
  // Writing a baseline accepts today's drift: the command succeeded once the file is written.
  if (settings.writeBaselineFile !== undefined && !settings.failOnExplicit) return 0;
  return exitCode;
}

/** The markdown report's patch (or the note that it is too long) and how many notes say what it leaves out. */
interface MarkdownPatch {
  patch: string | typeof PATCH_TOO_LONG;
  leftOut: number;
}

/** `--report` (and stdout, when given `io`): the JSON report, written chunk by chunk. */
async function writeJsonReport(
  settings: Settings,
  result: CheckResult,
  io: CliIo | undefined,
): Promise<void> {
  if (settings.reportFile === undefined && io === undefined) return;
  let report: FileHandle | undefined;
  if (settings.reportFile !== undefined) {
    report = await openInRepository(settings.cwd, settings.reportFile);
  }
  try {
    for (const chunk of renderJsonReportChunks(result.drift)) {
      if (report !== undefined) await report.write(chunk);
      io?.write(chunk);
    }
  } finally {
    await report?.close();
  }
}

/** `--sarif`, `--junit`: the same check, each written where asked. */
async function writeReportFiles(settings: Settings, ci: CiReportInputs): Promise<void> {
  const files: [string | undefined, () => string][] = [
    [settings.sarifFile, () => renderCiReport('sarif', ci)],
    [settings.junitFile, () => renderCiReport('junit', ci)],
  ];
  for (const [name, render] of files) {
    if (name === undefined) continue;
    await writeFileInRepository(settings.cwd, name, render());
  }
}

function renderReport(
  result: CheckResult,
  settings: Settings,
  ci: CiReportInputs,
  patch: MarkdownPatch,
): Iterable<string> {
  switch (settings.format) {
    case 'json':
      return renderJsonReportChunks(result.drift);
    case 'markdown':
      return [
        renderComment(result.drift, {
          suggestedPatch: patch.patch,
          patchElsewhere: '`intent-drift check --fix` applies it to the files',
          patchLeftOut: patch.leftOut,
          leftOutListed: 'see the lines starting `not fixed:` that `intent-drift check --fix` prints',
        }),
      ];
    case 'sarif':
    case 'junit':
      return [renderCiReport(settings.format, ci)];
    case 'text':
      return renderTextReportChunks(result.drift, { color: settings.color });
  }
}
