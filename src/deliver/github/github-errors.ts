// What a failed GitHub call means for the run: the few cases the action handles, told apart
// by status and GitHub's own error body. GraphQL failures come with HTTP 200 and an `errors`
// array; Octokit throws them as a GraphqlResponseError, which has no status at all.
export interface GitHubRequestError {
  status: number;
  message: string;
  response?: { data?: unknown; headers?: Record<string, string | undefined> };
}

export interface GraphqlFailure {
  errors: { type?: string; message?: string }[];
}

/** Octokit's GraphqlResponseError (told by shape: the bundle may hold several copies of the class). */
export function asGraphqlFailure(err: unknown): GraphqlFailure | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { name?: unknown; errors?: unknown };
  return e.name === 'GraphqlResponseError' && Array.isArray(e.errors) ? (err as GraphqlFailure) : undefined;
}

/** GraphQL's own refusal of a field to this token (FORBIDDEN, NOT_FOUND, INSUFFICIENT_SCOPES). */
export function isGraphqlRefusal(err: unknown): boolean {
  const failure = asGraphqlFailure(err);
  if (failure === undefined || failure.errors.length === 0) return false;
  return failure.errors.every((e) => REFUSALS.has(e.type ?? ''));
}

const REFUSALS = new Set(['FORBIDDEN', 'NOT_FOUND', 'INSUFFICIENT_SCOPES']);

export function asRequestError(err: unknown): GitHubRequestError | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const status = (err as { status?: unknown }).status;
  return typeof status === 'number' ? (err as GitHubRequestError) : undefined;
}

/** 403 that is not a rate limit (the throttling plugin already retried those): the token may not write. */
export function isWriteRefused(err: unknown): boolean {
  const e = asRequestError(err);
  if (e === undefined) return false;
  if (e.status !== 403) return false;
  return e.response?.headers?.['x-ratelimit-remaining'] !== '0' && !/rate limit/i.test(e.message);
}

/**
 * A failure that says nothing about the request itself: a rate limit the client already waited
 * out as long as it would (403 or 429), a server error after the retries, or no answer at all
 * (Octokit reports a network failure as a 500 without a response).
 */
export function isTransient(err: unknown): boolean {
  const e = asRequestError(err);
  if (e === undefined) return false;
  if (e.status === 429 || e.status >= 500) return true;
  return e.status === 403 && !isWriteRefused(err);
}

/** GitHub's 422 for a body over its limit. */
export function isBodyTooLong(err: unknown): boolean {
  const e = asRequestError(err);
  return e?.status === 422 && /too long|maximum is/i.test(errorDetails(e));
}

/** GitHub's 422 when a PR for the same head and base is open already. */
export function isPullRequestExists(err: unknown): boolean {
  const e = asRequestError(err);
  return e?.status === 422 && /already exists/i.test(errorDetails(e));
}

/** GitHub's 422 when the head branch brings no commit the base lacks (it was merged already). */
export function isNoCommitsBetween(err: unknown): boolean {
  const e = asRequestError(err);
  return e?.status === 422 && /no commits between/i.test(errorDetails(e));
}

/** One line for the log: status and GitHub's message, never the request (it carries the token). */
export function describeGitHubError(err: unknown): string {
  const failure = asGraphqlFailure(err);
  if (failure !== undefined) {
    const parts = failure.errors.map((x) => `${x.type ? `${x.type}: ` : ''}${oneLine(x.message ?? '')}`);
    return `GitHub GraphQL answered with errors: ${parts.join('; ')}`;
  }
  const e = asRequestError(err);
  if (e === undefined) {
    // An error without a message still says what it was.
    const text = err instanceof Error ? oneLine(err.message) || err.name : oneLine(String(err));
    return text || 'an error without a message';
  }
  // Octokit's "500" for a request that got no answer (refused, DNS, TLS, reset): GitHub said nothing.
  if (e.response === undefined) return `GitHub's API did not answer: ${oneLine(e.message)}`;
  return `GitHub answered ${e.status}: ${errorDetails(e)}`;
}

/**
 * GitHub's message and each of its `errors` on one line: a 422's item has a message (a custom
 * error) or only the resource, field and code (`Issue body missing_field`), as GitHub documents
 * its validation errors.
 */
function errorDetails(e: GitHubRequestError): string {
  const data = e.response?.data as { message?: unknown; errors?: unknown } | undefined;
  const parts = [typeof data?.message === 'string' ? data.message : e.message];
  const errors = Array.isArray(data?.errors) ? data.errors : [];
  for (const item of errors as unknown[]) {
    if (typeof item === 'string') parts.push(item);
    else if (item !== null && typeof item === 'object') {
      const { message, resource, field, code } = item as Record<string, unknown>;
      parts.push(
        typeof message === 'string'
          ? message
          : [resource, field, code].filter((x): x is string => typeof x === 'string').join(' '),
      );
    }
  }
  const text = parts
    .map(oneLine)
    .filter((p) => p !== '')
    .join('; ');
  return text || 'no message';
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
