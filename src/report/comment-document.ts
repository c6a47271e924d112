// The pull-request comment as the action posts it: the report's markdown, the note that the pull
// request changes its own gate (when it does), then the suggested patch of the intents in a
// collapsed block. It always fits the given limit: rows give way first, and a patch longer than
// a third of the room is replaced by a note. `demo --format markdown` prints the same document.
import type { Drift } from '../model.ts';
import { showControlChars } from './display-text.ts';
import { DEFAULT_MAX_LENGTH, type RunHeader, renderMarkdownReport } from './markdown-report.ts';
import type { FileLink } from './markdown-sections.ts';

export interface CommentOptions extends RunHeader {
  fileLink?: FileLink;
  /**
   * A unified diff of the intents files ('' when nothing would change), or `too-long` when the
   * caller knew without making it that it could not fit (patchRoom).
   */
  suggestedPatch: string | typeof PATCH_TOO_LONG;
  /** The whole document stays within this many characters. */
  limit?: number;
  /** Where to find the whole patch when it is too long here (default: `it is in the job summary`). */
  patchElsewhere?: string;
  /** What the document is, in the note on a patch too long for it (default: `a comment`). */
  documentName?: string;
  /** Markdown that says the pull request changes its own gate files; '' or absent: none. */
  gateNote?: string;
  /**
   * How many notes the intents editor left about drift it could not write into the patch (a
   * client whose name cannot have ClientIntents, calls without HTTP detail on an HTTP target, …).
   * Absent or 0: the patch holds all the missing calls.
   */
  patchLeftOut?: number;
  /** Where those notes are listed (default: the run's log, where each starts `not in the suggested patch:`). */
  leftOutListed?: string;
  /** How size is counted against `limit` (default characters, as GitHub counts a comment). */
  measure?: (text: string) => number;
}

/** Where the action's notes about drift left out of the patch are. */
export const LEFT_OUT_IN_THE_LOG = "see the lines starting `not in the suggested patch:` in the run's log";

/** A patch not made because it could not fit the comment anyway. */
export const PATCH_TOO_LONG = 'too-long';

/** The tables matter more than the patch: the patch gets at most a third of the room. */
export function patchRoom(limit = DEFAULT_MAX_LENGTH): number {
  return limit / 3;
}

export function renderComment(drift: Drift, opts: CommentOptions): string {
  const limit = opts.limit ?? DEFAULT_MAX_LENGTH;
  const measure = opts.measure ?? ((text: string) => text.length);
  const given = opts.suggestedPatch;
  let patch = given === PATCH_TOO_LONG ? '' : patchBlock(given);
  if (given === PATCH_TOO_LONG || measure(patch) > patchRoom(limit)) {
    patch = patchTooLong(
      given === PATCH_TOO_LONG ? undefined : given,
      opts.documentName,
      opts.patchElsewhere,
    );
  }
  patch += leftOutNote(opts.patchLeftOut ?? 0, given === '', opts.leftOutListed);
  const note = opts.gateNote ?? '';
  const report = renderMarkdownReport(drift, {
    maxLength: limit - measure(note) - measure(patch),
    measure,
    ...(opts.fileLink ? { fileLink: opts.fileLink } : {}),
    ...(opts.commit ? { commit: opts.commit } : {}),
    ...(opts.runUrl ? { runUrl: opts.runUrl } : {}),
  });
  return report + note + patch;
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
    ...(/\r\n/.test(patch) ? ['', CRLF_NOTE] : []),
    '',
  ].join('\n');
}

/**
 * Said under a patch of a file with CRLF line ends: the patch is shown with LF (a page cannot
 * hand a CR over in a copy, and an escaped `\r` made the patch apply to nothing).
 */
export const CRLF_NOTE =
  '> The patch is shown with LF line ends, but the intents file uses CRLF: `git apply --ignore-whitespace` applies it (its new lines with LF), and `intent-drift check --fix` makes the same edit keeping CRLF.';

/**
 * The patch for reading: each line with its control, bidi and zero-width characters shown
 * escaped, except a line end's CR (CRLF files), which is dropped.
 */
export function shownPatch(patch: string): string {
  return patch
    .split('\n')
    .map((line) => showControlChars(line.endsWith('\r') ? line.slice(0, -1) : line))
    .join('\n');
}

function patchTooLong(
  patch: string | undefined,
  documentName = 'a comment',
  elsewhere = 'it is in the job summary',
): string {
  const size = patch === undefined ? '' : ` (${patch.split('\n').length} lines)`;
  return `\n> The suggested patch${size} is too long for ${documentName}: ${elsewhere}.\n`;
}

/**
 * The note that the patch does not hold all the drift: without it a reader takes the patch for
 * the whole fix. The notes themselves name workloads, so they stay in the log, not the comment.
 */
function leftOutNote(count: number, noPatch: boolean, listed = LEFT_OUT_IN_THE_LOG): string {
  if (count <= 0) return '';
  const reasons = `${count} ${count === 1 ? 'reason' : 'reasons'}: ${listed}`;
  return noPatch
    ? `\n> **No suggested patch:** the intents editor cannot write this drift (${reasons}).\n`
    : `\n> **Not all of the drift is in the suggested patch:** the intents editor cannot write some of it (${reasons}).\n`;
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}
