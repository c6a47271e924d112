// The sticky comment and the job summary: the report's markdown, then the suggested patch in a
// collapsed block. The comment always fits GitHub's 65,536 characters (rows and then the patch
// give way, with a note); the job summary keeps everything up to its 1 MiB.
import type { Drift } from '../../model.ts';
import { renderMarkdownReport } from '../../report/markdown-report.ts';
import type { FileLink } from '../../report/markdown-sections.ts';

/** GitHub's limit for a comment or PR body. */
export const GITHUB_BODY_LIMIT = 65_536;
/** A step's job summary is at most 1 MiB; leave room for what else the job writes. */
export const SUMMARY_LIMIT = 900_000;

export interface BodyOptions {
  fileLink?: FileLink;
  suggestedPatch: string;
  /** A link to the run, where the job summary holds the full report. */
  runUrl?: string;
  /** The note that the pull request changes its own gate files (gate-note.ts); '' or absent: none. */
  gateNote?: string;
  limit?: number;
}

export function commentBody(drift: Drift, opts: BodyOptions): string {
  const limit = opts.limit ?? GITHUB_BODY_LIMIT;
  const footer = runFooter(opts.runUrl);
  let patch = patchBlock(opts.suggestedPatch);
  // The tables matter more than the patch: the patch gets at most a third of the room.
  if (patch.length > limit / 3) patch = patchTooLong(opts.suggestedPatch);
  const note = opts.gateNote ?? '';
  const room = limit - note.length - patch.length - footer.length;
  const report = renderMarkdownReport(drift, {
    maxLength: room,
    ...(opts.fileLink ? { fileLink: opts.fileLink } : {}),
  });
  return report + note + patch + footer;
}

export function jobSummary(drift: Drift, opts: BodyOptions): string {
  return commentBody(drift, { ...opts, runUrl: undefined, limit: opts.limit ?? SUMMARY_LIMIT });
}

/** The fallback when GitHub still refuses the body (422): the verdict and where to read the rest. */
export function shortCommentBody(drift: Drift, runUrl: string | undefined): string {
  const report = renderMarkdownReport(drift, { maxLength: 1000 });
  return report + runFooter(runUrl);
}

function patchBlock(patch: string): string {
  if (patch === '') return '';
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(patch) + 1));
  const files = (patch.match(/^\+\+\+ /gm) ?? []).length;
  return [
    '',
    `<details><summary>Suggested patch of the intents (${files} ${files === 1 ? 'file' : 'files'})</summary>`,
    '',
    `${fence}diff`,
    patch.endsWith('\n') ? patch.slice(0, -1) : patch,
    fence,
    '',
    '</details>',
    '',
  ].join('\n');
}

function patchTooLong(patch: string): string {
  const lines = patch.split('\n').length;
  return `\n> The suggested patch (${lines} lines) is too long for a comment: it is in the job summary.\n`;
}

function runFooter(runUrl: string | undefined): string {
  return runUrl === undefined ? '' : `\n<sub>[Full report in the job summary](${runUrl})</sub>\n`;
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}
