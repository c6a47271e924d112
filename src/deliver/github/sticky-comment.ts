// The one sticky PR comment: found again by the marker AND the token's own login (anyone can
// paste the marker), edited in place, created only when none of ours exists. Ours starts with
// the marker; another comment of the same login (a workflow's other step on GITHUB_TOKEN, also
// github-actions[bot]) that quotes it further down is not ours.
import { COMMENT_MARKER } from '../../report/markdown-report.ts';
import { isAuthoredBy } from './identity.ts';
import type { GitHubClient } from './octokit.ts';

export { COMMENT_MARKER };

export interface IssueRef {
  owner: string;
  repo: string;
  issue: number;
}

export interface StickyResult {
  url: string;
  id: number;
  action: 'created' | 'updated';
}

export async function findStickyComment(
  client: GitHubClient,
  where: IssueRef,
  login: string,
): Promise<{ id: number; url: string; body: string } | undefined> {
  const iterator = client.paginate.iterator(client.rest.issues.listComments, {
    owner: where.owner,
    repo: where.repo,
    issue_number: where.issue,
    per_page: 100,
  });
  for await (const page of iterator) {
    for (const comment of page.data) {
      const body = comment.body ?? '';
      if (body.startsWith(COMMENT_MARKER) && isAuthoredBy(comment.user, login)) {
        return { id: comment.id, url: comment.html_url, body };
      }
    }
  }
  return undefined;
}

/** Creates or edits our comment; unchanged text is not written again (no notification, no write). */
export async function upsertStickyComment(
  client: GitHubClient,
  where: IssueRef,
  login: string,
  body: string,
): Promise<StickyResult> {
  const existing = await findStickyComment(client, where, login);
  if (existing !== undefined) {
    if (existing.body !== body) {
      await client.rest.issues.updateComment({
        owner: where.owner,
        repo: where.repo,
        comment_id: existing.id,
        body,
      });
    }
    return { url: existing.url, id: existing.id, action: 'updated' };
  }
  const create = (retries?: number) =>
    client.rest.issues.createComment({
      owner: where.owner,
      repo: where.repo,
      issue_number: where.issue,
      body,
      ...(retries === undefined ? {} : { request: { retries } }),
    });
  try {
    // Not retried blindly: a 5xx may come after GitHub created the comment, and a second POST
    // would post it twice.
    const { data } = await create(0);
    return { url: data.html_url, id: data.id, action: 'created' };
  } catch (err) {
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status < 500) throw err;
    const made = await findStickyComment(client, where, login);
    if (made !== undefined) return { url: made.url, id: made.id, action: 'created' };
    const { data } = await create();
    return { url: data.html_url, id: data.id, action: 'created' };
  }
}
