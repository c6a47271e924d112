// The sticky comment and the job summary: the report's markdown, then the suggested patch in a
// collapsed block. The comment always fits GitHub's 65,536 characters (rows and then the patch
// give way, with a note); the job summary keeps everything up to its 1 MiB.
import type { Drift } from '../../model.ts';
import { showControlChars } from '../../report/display-text.ts';
import { renderMarkdownReport } from '../../report/markdown-report.ts';
import type { FileLink } from '../../report/markdown-sections.ts';

/** GitHub's limit for a comment or PR body. */
export const GITHUB_BODY_LIMIT = 65_536;
/** A step's job summary is at most 1 MiB, counted in bytes: keep a margin below it. */
export const SUMMARY_LIMIT = 1_000_000;

/** The job summary's measure: UTF-8 bytes (a `…` or a CJK path takes 3 of them). */
export const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

export interface BodyOptions {
  fileLink?: FileLink;
  suggestedPatch: string;
  /** A link to the run, where the job summary holds the full report. */
  runUrl?: string;
  /** The note that the pull request changes its own gate files (gate-note.ts); '' or absent: none. */
  gateNote?: string;
  limit?: number;
  /** How size is counted against `limit` (default characters, as GitHub counts a comment). */
  measure?: (text: string) => number;
}

export function commentBody(drift: Drift, opts: BodyOptions): string {
  const limit = opts.limit ?? GITHUB_BODY_LIMIT;
  const measure = opts.measure ?? ((text: string) => text.length);
  const footer = runFooter(opts.runUrl);
  let patch = patchBlock(opts.suggestedPatch);
  // The tables matter more than the patch: the patch gets at most a third of the room.
  if (measure(patch) > limit / 3) patch = patchTooLong(opts.suggestedPatch);
  const note = opts.gateNote ?? '';
  const room = limit - measure(note) - measure(patch) - measure(footer);
  const report = renderMarkdownReport(drift, {
    maxLength: room,
    measure,
    ...(opts.fileLink ? { fileLink: opts.fileLink } : {}),
  });
  return report + note + patch + footer;
}

/** The job summary: the same content, within its limit of bytes. */
export function jobSummary(drift: Drift, opts: BodyOptions): string {
  return commentBody(drift, {
    ...opts,
    runUrl: undefined,
    limit: opts.limit ?? SUMMARY_LIMIT,
    measure: opts.measure ?? utf8Bytes,
  });
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
    shownPatch(patch.endsWith('\n') ? patch.slice(0, -1) : patch),
    fence,
    '',
    '</details>',
    '',
  ].join('\n');
}

/** The patch for reading: each line with its control, bidi and zero-width characters shown escaped. */
export function shownPatch(patch: string): string {
  return patch.split('\n').map(showControlChars).join('\n');
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
