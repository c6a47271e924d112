// How a failed GitHub call is read, on errors shaped as Octokit throws them: a token GraphQL
// refuses against GraphQL failing, a read-only token against a rate limit (primary or
// secondary, whatever GitHub's words), what is worth a warning rather than a failed job, and
// GitHub's 422 details, which sit in the body's `errors` list.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  describeGitHubError,
  isBodyTooLong,
  isGraphqlRefusal,
  isNoCommitsBetween,
  isPullRequestExists,
  isTransient,
  isWriteRefused,
} from '../../../src/deliver/github/github-errors.ts';

/** Octokit's GraphqlResponseError, by the shape the code tells it by. */
function graphqlError(types: string[]): Error {
  const err = new Error('Request failed due to following response errors');
  return Object.assign(err, {
    name: 'GraphqlResponseError',
    errors: types.map((type) => ({ type, message: `${type} here` })),
  });
}

function requestError(status: number, message: string, headers: Record<string, string> = {}, data?: object) {
  return Object.assign(new Error(message), { status, response: { headers, data: data ?? { message } } });
}

describe('GraphQL refusals', () => {
  test('a refusal only when every error is one', () => {
    assert.equal(isGraphqlRefusal(graphqlError(['FORBIDDEN', 'NOT_FOUND', 'INSUFFICIENT_SCOPES'])), true);
    assert.equal(isGraphqlRefusal(graphqlError(['FORBIDDEN', 'INTERNAL'])), false);
    assert.equal(isGraphqlRefusal(graphqlError([])), false);
  });

  test('an AggregateError (a connection refused on IPv4 and IPv6) is not told as GraphQL errors', () => {
    const err = new AggregateError([new Error('connect ECONNREFUSED ::1:443')], 'connect ECONNREFUSED');
    assert.equal(describeGitHubError(err), 'connect ECONNREFUSED');
    assert.equal(isGraphqlRefusal(err), false);
  });
});

describe('refused, or rate limited', () => {
  test('only a 403 is a read-only token', () => {
    assert.equal(isWriteRefused(requestError(403, 'Resource not accessible by integration')), true);
    for (const status of [401, 404, 500])
      assert.equal(isWriteRefused(requestError(status, 'Not Found')), false, String(status));
  });

  test('a secondary rate limit (no remaining: 0) is a rate limit, worth a warning', () => {
    const err = requestError(403, 'You have exceeded a secondary rate limit. Please wait a few minutes.');
    assert.equal(isWriteRefused(err), false);
    assert.equal(isTransient(err), true);
  });

  test('a primary rate limit (remaining: 0) is one whatever its message', () => {
    const err = requestError(403, 'Forbidden', { 'x-ratelimit-remaining': '0' });
    assert.equal(isWriteRefused(err), false);
    assert.equal(isTransient(err), true);
  });

  test('429 and 5xx are transient; a refusal, a 404 or a 422 are not', () => {
    assert.equal(isTransient(requestError(429, 'secondary rate limit')), true);
    assert.equal(isTransient(requestError(502, 'Bad Gateway')), true);
    assert.equal(isTransient(requestError(403, 'Resource not accessible by integration')), false);
    assert.equal(isTransient(requestError(404, 'Not Found')), false);
    assert.equal(isTransient(requestError(422, 'Validation Failed')), false);
  });
});

describe("GitHub's 422 details", () => {
  const validation = (message: string) =>
    requestError(
      422,
      'Validation Failed',
      {},
      { message: 'Validation Failed', errors: [{ resource: 'x', message }] },
    );

  test('read from the errors list', () => {
    assert.equal(isBodyTooLong(validation('Body is too long (maximum is 65536 characters)')), true);
    assert.equal(
      isPullRequestExists(validation('A pull request already exists for acme:intent-drift.')),
      true,
    );
    assert.equal(isNoCommitsBetween(validation('No commits between main and intent-drift')), true);
    assert.equal(isBodyTooLong(validation('A pull request already exists for acme:x.')), false);
    assert.equal(
      describeGitHubError(validation('Body is too long (maximum is 65536 characters)')),
      'GitHub answered 422: Validation Failed; Body is too long (maximum is 65536 characters)',
    );
  });
});

describe('the words a warning quotes', () => {
  test("a 422's items as GitHub writes them, on one line: a message, or the resource, field and code", () => {
    const err = requestError(
      422,
      'Validation Failed',
      {},
      {
        message: 'Validation Failed',
        errors: [
          { resource: 'Issue', field: 'title', code: 'missing_field' },
          {
            resource: 'IssueComment',
            code: 'custom',
            field: 'body',
            message: 'body is too long\n(maximum is 65536 characters)',
          },
          'A pull request already exists for o:b.',
          null,
        ],
      },
    );
    assert.equal(
      describeGitHubError(err),
      'GitHub answered 422: Validation Failed; Issue title missing_field; body is too long (maximum is 65536 characters); A pull request already exists for o:b.',
    );
  });

  test('an answer without any message, or an error without one, still says something', () => {
    assert.equal(describeGitHubError(requestError(502, '', {}, {})), 'GitHub answered 502: no message');
    assert.equal(describeGitHubError(new Error('')), 'Error');
    assert.equal(
      describeGitHubError(Object.assign(new Error(''), { name: '' })),
      'an error without a message',
    );
    assert.equal(describeGitHubError(new TypeError('two\nlines')), 'two lines');
  });
});
