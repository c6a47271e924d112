// The sticky comment and the job summary: the comment document (src/report/comment-document.ts)
// within GitHub's limits. The comment always fits GitHub's 65,536 characters (rows and then the
// patch give way, with a note); the job summary keeps everything up to its 1 MiB.
import type { Drift } from '../../model.ts';
import { renderComment } from '../../report/comment-document.ts';
import { type RunHeader, renderMarkdownReport } from '../../report/markdown-report.ts';
import type { FileLink } from '../../report/markdown-sections.ts';

/** GitHub's limit for a comment or PR body. */
export const GITHUB_BODY_LIMIT = 65_536;
/** A step's job summary is at most 1 MiB, counted in bytes: keep a margin below it. */
export const SUMMARY_LIMIT = 1_000_000;

/** The job summary's measure: UTF-8 bytes (a `…` or a CJK path takes 3 of them). */
export const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

export interface BodyOptions extends RunHeader {
  fileLink?: FileLink;
  suggestedPatch: string;
  /** How many notes say what the patch leaves out (comment-document.ts); absent: none. */
  patchLeftOut?: number;
  /** The note that the pull request changes its own gate files (gate-note.ts); '' or absent: none. */
  gateNote?: string;
  limit?: number;
  /** How size is counted against `limit` (default characters, as GitHub counts a comment). */
  measure?: (text: string) => number;
}

export function commentBody(drift: Drift, opts: BodyOptions): string {
  return renderComment(drift, { ...opts, limit: opts.limit ?? GITHUB_BODY_LIMIT });
}

/** The job summary: the same content, within its limit of bytes. */
export function jobSummary(drift: Drift, opts: BodyOptions): string {
  const { runUrl: _inTheRunAlready, ...rest } = opts;
  return renderComment(drift, {
    ...rest,
    limit: opts.limit ?? SUMMARY_LIMIT,
    documentName: 'the job summary',
    patchElsewhere: 'it is in the JSON report',
    measure: opts.measure ?? utf8Bytes,
  });
}

/** The fallback when GitHub still refuses the body (422): the verdict and where to read the rest. */
export function shortCommentBody(drift: Drift, run: RunHeader): string {
  return renderMarkdownReport(drift, { maxLength: 1000, ...run });
}
