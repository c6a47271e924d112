// The GitHub layer in process, through the real Octokit against the stand-in: identity of
// each token kind, the sticky comment's search, and GitHub's error bodies.
import assert from 'node:assert/strict';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  asRequestError,
  describeGitHubError,
  isBodyTooLong,
  isTransient,
  isWriteRefused,
} from '../../../src/deliver/github/github-errors.ts';
import { ACTIONS_BOT_LOGIN, isAuthoredBy, tokenIdentity } from '../../../src/deliver/github/identity.ts';
import { createGitHubClient, MAX_RATE_LIMIT_WAIT_S } from '../../../src/deliver/github/octokit.ts';
import { findStickyComment, upsertStickyComment } from '../../../src/deliver/github/sticky-comment.ts';
import { closedPortUrl } from '../../support/closed-port.ts';
import { GitHubApiServer } from '../../support/github-api-server.ts';

let server: GitHubApiServer;
const where = { owner: 'acme', repo: 'shop', issue: 3 };
const client = (token: string) => createGitHubClient(token, { baseUrl: server.url, delayUnitMs: 1 });

before(async () => {
  server = new GitHubApiServer();
  await server.start();
});
after(() => server.stop());
beforeEach(() => {
  server.comments.length = 0;
  server.requests.length = 0;
  server.faults.length = 0;
  server.readOnly = false;
  server.tokens.set('pat', { login: 'octo-bot', kind: 'user' });
  server.tokens.set('app', { login: 'my-app[bot]', kind: 'installation' });
});

describe('tokenIdentity', () => {
  test('a personal token by GET /user, an installation token by GraphQL viewer', async () => {
    assert.deepEqual(await tokenIdentity(client('pat')), { login: 'octo-bot', via: 'rest' });
    assert.deepEqual(await tokenIdentity(client('app')), { login: 'my-app[bot]', via: 'graphql' });
  });

  test('falls back to github-actions[bot] when neither answers: GraphQL refuses with HTTP 200', async () => {
    server.tokens.set('narrow', { login: 'narrow-app[bot]', kind: 'installation', viewerForbidden: true });
    assert.deepEqual(await tokenIdentity(client('narrow')), { login: ACTIONS_BOT_LOGIN, via: 'fallback' });
    const graphql = server.requests.filter((r) => r.path === '/graphql');
    assert.equal(graphql.length, 1, 'asked GraphQL once, not retried');
    // An HTTP 403 on /graphql (a proxy, an outage page) is a refusal too.
    server.faults.push({
      method: 'POST',
      path: /^\/graphql$/,
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    assert.deepEqual(await tokenIdentity(client('app')), { login: ACTIONS_BOT_LOGIN, via: 'fallback' });
  });

  test('GraphQL errors that are not refusals stay errors, told in one line', async () => {
    server.faults.push({
      method: 'POST',
      path: /^\/graphql$/,
      status: 200,
      body: {
        errors: [
          { type: 'INTERNAL', message: 'Something went wrong\nwhile executing your query.' },
          { type: 'TIMEOUT', message: 'Timeout on validation of query' },
        ],
      },
    });
    const err = await tokenIdentity(client('app')).catch((e: unknown) => e);
    assert.ok(err instanceof Error);
    assert.equal(
      describeGitHubError(err),
      'GitHub GraphQL answered with errors: INTERNAL: Something went wrong while executing your query.; TIMEOUT: Timeout on validation of query',
    );
    assert.ok(!isWriteRefused(err));
  });

  test('the GraphQL stand-in answers as GitHub: validation errors with HTTP 200, only selected fields', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { authorization: 'token app', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { logn } }' }),
    });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    assert.equal(body.errors[0]?.message, "Field 'logn' doesn't exist on type 'User'");
    assert.equal(body.errors[0]?.extensions.code, 'undefinedField');
    const data = await client('app').graphql<{ me: object }>('query { me: viewer { login } }');
    assert.deepEqual(data, { me: { login: 'my-app[bot]' } });
  });

  test('a bad token is an error, not a fallback', async () => {
    await assert.rejects(tokenIdentity(client('nope')), (err) => {
      assert.equal(describeGitHubError(err), 'GitHub answered 401: Bad credentials');
      return true;
    });
  });

  test('isAuthoredBy accepts the [bot] suffix only on bot accounts', () => {
    assert.ok(isAuthoredBy({ login: 'my-app[bot]', type: 'Bot' }, 'my-app'));
    assert.ok(!isAuthoredBy({ login: 'my-app[bot]', type: 'User' }, 'my-app'));
    assert.ok(!isAuthoredBy({ login: 'mallory', type: 'User' }, 'my-app[bot]'));
    assert.ok(!isAuthoredBy(null, 'x'));
  });
});

describe('the sticky comment', () => {
  test('found by marker and author across pages, created once, then edited', async () => {
    for (let i = 0; i < 150; i++)
      server.addComment(3, i === 5 ? '<!-- intent-drift --> fake' : `hi ${i}`, {
        login: 'dev',
        type: 'User',
      });
    const gh = client('app');
    assert.equal(await findStickyComment(gh, where, 'my-app[bot]'), undefined);
    const first = await upsertStickyComment(gh, where, 'my-app[bot]', '<!-- intent-drift -->\none');
    assert.equal(first.action, 'created');
    const second = await upsertStickyComment(gh, where, 'my-app[bot]', '<!-- intent-drift -->\ntwo');
    assert.equal(second.action, 'updated');
    assert.equal(second.id, first.id);
    assert.equal(server.comments.filter((c) => c.user.login === 'my-app[bot]').length, 1);
    assert.equal(server.comments.find((c) => c.id === first.id)?.body, '<!-- intent-drift -->\ntwo');
    assert.equal(server.comments[5]?.body, '<!-- intent-drift --> fake');
  });

  test('a comment of the same login that quotes the marker further down is not ours', async () => {
    const quoting = 'intent-drift said:\n> <!-- intent-drift -->\n> DRIFT';
    server.addComment(3, quoting, { login: 'my-app[bot]', type: 'Bot' });
    const gh = client('app');
    assert.equal(await findStickyComment(gh, where, 'my-app[bot]'), undefined);
    const made = await upsertStickyComment(gh, where, 'my-app[bot]', '<!-- intent-drift -->\none');
    assert.equal(made.action, 'created');
    assert.equal(server.comments[0]?.body, quoting);
    assert.equal(server.comments.length, 2);
    assert.equal((await findStickyComment(gh, where, 'my-app[bot]'))?.id, made.id);
  });

  test('GitHub’s refusals are told apart: read-only 403, too-long 422, rate limits are not refusals', async () => {
    server.readOnly = true;
    const refused = await upsertStickyComment(client('app'), where, 'my-app[bot]', 'x').catch(
      (e: unknown) => e,
    );
    assert.ok(isWriteRefused(refused));
    assert.equal(describeGitHubError(refused), 'GitHub answered 403: Resource not accessible by integration');
    server.readOnly = false;
    server.maxBodyLength = 10;
    const tooLong = await upsertStickyComment(client('app'), where, 'my-app[bot]', 'x'.repeat(11)).catch(
      (e: unknown) => e,
    );
    server.maxBodyLength = 65_536;
    assert.ok(isBodyTooLong(tooLong));
    assert.ok(!isWriteRefused(tooLong));
    assert.ok(
      !isWriteRefused({
        status: 403,
        message: 'API rate limit exceeded',
        response: { headers: { 'x-ratelimit-remaining': '0' } },
      }),
    );
  });

  test('a rate limit that does not lift gives up after the retries', async () => {
    const limited = {
      method: 'GET',
      path: /\/issues\/3\/comments$/,
      status: 403,
      body: {
        message: 'API rate limit exceeded',
        documentation_url: 'https://docs.github.com/rest',
        status: '403',
      },
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) },
      times: 10,
    };
    server.faults.push(limited);
    const logs: string[] = [];
    const gh = createGitHubClient('app', { baseUrl: server.url, delayUnitMs: 1, log: (m) => logs.push(m) });
    await assert.rejects(findStickyComment(gh, where, 'my-app[bot]'));
    assert.equal(server.requests.length, 3, 'the first try and two retries');
    assert.match(logs.at(-1)!, /giving up/);
  });

  test('a retry-after of exactly the longest wait is waited out; the log names the request without its query', async () => {
    for (let i = 0; i < 150; i++) server.addComment(3, `hi ${i}`, { login: 'dev', type: 'User' });
    // The second page, asked by the link GitHub sent: a URL with a query string.
    server.faults.push({
      method: 'GET',
      path: /\/issues\/3\/comments$/,
      query: /(^|&)page=2(&|$)/,
      status: 429,
      body: { message: 'You have exceeded a secondary rate limit.', status: '429' },
      headers: { 'retry-after': String(MAX_RATE_LIMIT_WAIT_S) },
    });
    const logs: string[] = [];
    const gh = createGitHubClient('app', { baseUrl: server.url, delayUnitMs: 1, log: (m) => logs.push(m) });
    assert.equal(await findStickyComment(gh, where, 'my-app[bot]'), undefined);
    assert.deepEqual(
      server.requests.map((r) => r.query.get('page') ?? '1'),
      ['1', '2', '2'],
    );
    assert.deepEqual(logs, [
      `GitHub secondary rate limit on GET ${server.url}/repos/acme/shop/issues/3/comments: retrying in ${MAX_RATE_LIMIT_WAIT_S}s`,
    ]);
  });

  test('a retry-after longer than the longest wait is not waited out: one try, then the error', async () => {
    server.faults.push({
      method: 'POST',
      path: /\/issues\/3\/comments$/,
      status: 429,
      body: { message: 'You have exceeded a secondary rate limit.', status: '429' },
      headers: { 'retry-after': String(MAX_RATE_LIMIT_WAIT_S * 30) },
      times: 10,
    });
    const logs: string[] = [];
    const gh = createGitHubClient('app', { baseUrl: server.url, delayUnitMs: 1, log: (m) => logs.push(m) });
    const err = await upsertStickyComment(gh, where, 'my-app[bot]', 'x').catch((e: unknown) => e);
    assert.equal(asRequestError(err)?.status, 429);
    assert.equal(server.requests.filter((r) => r.method === 'POST').length, 1, 'not tried again');
    assert.match(logs.at(-1)!, /secondary rate limit on POST .*: not waiting 3600s \(over 120s\): giving up/);
  });

  test('a 422 is an answer, not tried again', async () => {
    server.faults.push({
      method: 'GET',
      path: /\/repos\/acme\/shop$/,
      status: 422,
      body: { message: 'Validation Failed', status: '422' },
      times: 10,
    });
    const err = await client('app')
      .rest.repos.get({ owner: 'acme', repo: 'shop' })
      .catch((e: unknown) => e);
    assert.equal(asRequestError(err)?.status, 422);
    assert.equal(server.requests.length, 1);
  });

  test("a request's own signal still aborts it, under the client's time limit", async () => {
    const gh = client('app');
    const signal = AbortSignal.abort();
    const err = await gh.rest.repos
      .get({ owner: 'acme', repo: 'shop', request: { signal } })
      .catch((e: unknown) => e);
    assert.ok(err instanceof Error);
    assert.equal(server.requests.length, 0, 'never sent');
  });

  test('an API that does not answer is told as such, not as GitHub’s 500', async () => {
    const gh = createGitHubClient('app', { baseUrl: await closedPortUrl(), delayUnitMs: 1 });
    const err = await gh.rest.repos.get({ owner: 'acme', repo: 'shop' }).catch((e: unknown) => e);
    assert.ok(isTransient(err));
    assert.match(describeGitHubError(err), /^GitHub's API did not answer: .*ECONNREFUSED/);
  });

  test('an API that takes the connection and never answers times out, is retried, then told as unanswered', {
    timeout: 30_000,
  }, async () => {
    const hung: Socket[] = [];
    const silent = createServer((socket) => hung.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const gh = createGitHubClient('app', {
        baseUrl: `http://127.0.0.1:${port}`,
        delayUnitMs: 1,
        requestTimeoutMs: 200,
      });
      const err = await gh.rest.repos.get({ owner: 'acme', repo: 'shop' }).catch((e: unknown) => e);
      assert.ok(isTransient(err));
      assert.match(describeGitHubError(err), /^GitHub's API did not answer: .*timeout/);
      assert.ok(hung.length > 1, 'tried again');
    } finally {
      for (const socket of hung) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  test('an unknown route is GitHub’s 404', async () => {
    const err = await client('app')
      .request('GET /repos/acme/shop/teleport')
      .catch((e: unknown) => e);
    assert.equal(describeGitHubError(err), 'GitHub answered 404: Not Found');
  });
});
