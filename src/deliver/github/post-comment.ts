// Posting the sticky comment with the degradations GitHub forces: a read-only token (a fork's
// PR) is a warning, not a failure; so is a rate limit that outlasts the client's waits, a server
// error after its retries or an API that does not answer (the comment only reports: the job
// summary holds everything and the step's verdict stands); a body GitHub still finds too long
// is replaced by a short one.
import type { Drift } from '../../model.ts';
import type { RunHeader } from '../../report/markdown-report.ts';
import type { ActionIo } from './action-io.ts';
import { shortCommentBody } from './comment-body.ts';
import { describeGitHubError, isBodyTooLong, isTransient, isWriteRefused } from './github-errors.ts';
import { tokenIdentity } from './identity.ts';
import type { GitHubClient } from './octokit.ts';
import { type IssueRef, upsertStickyComment } from './sticky-comment.ts';

export const READ_ONLY_WARNING =
  'intent-drift: no PR comment: the token may not write to this pull request (a fork’s PR gets a read-only token). ' +
  'The job summary, annotations, outputs and JSON report are complete; to comment on fork PRs, use mode: comment ' +
  'from a workflow_run job (see the fork-safe workflow in the README).';

export const UNAVAILABLE_WARNING =
  'intent-drift: no PR comment: GitHub did not take it after the client’s retries, and an earlier comment may be ' +
  'out of date. The job summary, annotations, outputs and JSON report are complete, and the step’s result is the check’s';

/**
 * The comment's URL, or undefined when the token may not comment (warned once). `unavailable`:
 * what GitHub failing after the client's retries does; `warn` when the comment only reports
 * (check mode), `fail` when commenting is the whole job (mode: comment, which a rerun repairs).
 */
export async function postStickyComment(
  client: GitHubClient,
  io: ActionIo,
  where: IssueRef,
  body: string,
  fallback: { drift: Drift; run: RunHeader; unavailable: 'warn' | 'fail' },
): Promise<string | undefined> {
  try {
    const identity = await tokenIdentity(client);
    io.info(`commenting as ${identity.login} (identity from ${identity.via})`);
    try {
      const result = await upsertStickyComment(client, where, identity.login, body);
      io.info(`comment ${result.action}: ${result.url}`);
      return result.url;
    } catch (err) {
      if (!isBodyTooLong(err)) throw err;
      io.warning(
        `intent-drift: GitHub refused the comment as too long (${describeGitHubError(err)}); posting a short one`,
      );
      const result = await upsertStickyComment(
        client,
        where,
        identity.login,
        shortCommentBody(fallback.drift, fallback.run),
      );
      return result.url;
    }
  } catch (err) {
    if (isWriteRefused(err)) {
      // GitHub's own words too: a locked conversation or a missing `pull-requests: write` is a 403 as well.
      io.warning(`${READ_ONLY_WARNING} (${describeGitHubError(err)})`);
      return undefined;
    }
    if (fallback.unavailable === 'fail' || !isTransient(err)) throw err;
    io.warning(`${UNAVAILABLE_WARNING} (${describeGitHubError(err)})`);
    return undefined;
  }
}
