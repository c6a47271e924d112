// A file at a commit through the real Octokit and the stand-in's contents API: base64 wrapped in
// lines, the raw media type above 1 MB, and the answers that must not read as "no file".
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createGitHubClient } from '../../../src/deliver/github/octokit.ts';
import {
  MAX_REPOSITORY_FILE_BYTES,
  readRepositoryFileBytes,
} from '../../../src/deliver/github/repository-file.ts';
import { InputError } from '../../../src/errors.ts';
import { GitHubApiServer } from '../../support/github-api-server.ts';
import { INLINE_CONTENT_LIMIT } from '../../support/github-contents-routes.ts';

let server: GitHubApiServer;
let sha = '';
const client = () => createGitHubClient('app', { baseUrl: server.url, delayUnitMs: 1 });
const bytesAt = (path: string, ref = sha) =>
  readRepositoryFileBytes(client(), { owner: 'acme', repo: 'shop', path, ref });
const at = async (path: string, ref = sha) => (await bytesAt(path, ref))?.toString('utf8');
/**
 * A large file, whole. Not assert.equal or deepEqual: a failing one prints and diffs megabytes,
 * which takes minutes (the mutation runner's limit) on a loaded machine.
 */
const assertLarge = (text: string | undefined, expected = LARGE) =>
  assert.ok(
    text === expected,
    `${text?.length ?? 'no'} characters, starting ${JSON.stringify(text?.slice(0, 40))}; expected ${expected.length}`,
  );
const assertLargeBytes = (bytes: Buffer | undefined, expected: Buffer) =>
  assert.ok(
    bytes?.equals(expected),
    `${bytes?.length ?? 'no'} bytes, starting ${bytes?.subarray(0, 16).toString('hex')}; expected ${expected.length}`,
  );
// Long enough for several base64 lines, with UTF-8 beyond ASCII.
const CONFIG = `# gate of the shop — é, ü, 漢字\n${'ignore:\n  - server: "monitoring/*"\n'.repeat(20)}`;
const LARGE = `{"version": 1, "missing": [${'{"client": "shop/a"},'.repeat(INLINE_CONTENT_LIMIT / 20)}{}]}\n`;

before(async () => {
  server = new GitHubApiServer();
  await server.start();
});
after(() => server.stop());
beforeEach(() => {
  server.requests.length = 0;
  // A fault a test planted and did not meet must not reach the next one.
  server.faults.length = 0;
  server.tokens.set('app', { login: 'my-app[bot]', kind: 'installation' });
  sha = server.seedCommit('main', { '.intent-drift.yaml': CONFIG, 'ci/baseline.json': LARGE });
});

describe('readRepositoryFileBytes', () => {
  test('decodes GitHub’s base64, wrapped in lines of 60 characters', async () => {
    assert.equal(await at('.intent-drift.yaml'), CONFIG);
    const answer = server.requests[0]!;
    assert.equal(answer.path, '/repos/acme/shop/contents/.intent-drift.yaml');
    assert.equal(answer.query.get('ref'), sha);
  });

  test('a file over 1 MB comes without content, and is asked for again raw', async () => {
    assertLarge(await at('ci/baseline.json'));
    assert.deepEqual(
      server.requests.map((r) => r.accept),
      ['application/vnd.github.v3+json', 'application/vnd.github.v3.raw'],
    );
  });

  test('a large file is read raw at the commit asked for, not at the branch’s newer head', async () => {
    const newer = LARGE.replace('shop/a', 'shop/b');
    server.seedCommit('main', { 'ci/baseline.json': newer });
    assertLarge(await at('ci/baseline.json'));
    assert.deepEqual(
      server.requests.map((r) => r.query.get('ref')),
      [sha, sha],
    );
  });

  test('a file of exactly the size limit is read; one byte more is refused before its bytes are asked for', async () => {
    const limit = Buffer.alloc(MAX_REPOSITORY_FILE_BYTES, 0x20);
    sha = server.seedCommit('main', {
      'limit.json': limit,
      'over.json': Buffer.alloc(MAX_REPOSITORY_FILE_BYTES + 1, 0x20),
    });
    assert.equal((await bytesAt('limit.json'))?.length, MAX_REPOSITORY_FILE_BYTES);
    server.requests.length = 0;
    await assert.rejects(
      bytesAt('over.json'),
      (err) =>
        err instanceof InputError && /over\.json at [0-9a-f]{7} is larger than 16 MiB/.test(err.message),
    );
    assert.equal(server.requests.length, 1);
  });

  test('a raw answer served as UTF-8 text comes back as the same UTF-8 bytes', async () => {
    const text = `${CONFIG}${' '.repeat(INLINE_CONTENT_LIMIT)}`;
    const contents = /\/contents\/big\.yaml$/;
    server.faults.push(
      {
        method: 'GET',
        path: contents,
        status: 200,
        body: { type: 'file', encoding: 'none', size: Buffer.byteLength(text), content: '' },
      },
      {
        method: 'GET',
        path: contents,
        status: 200,
        raw: text,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      },
    );
    assertLargeBytes(await bytesAt('big.yaml'), Buffer.from(text, 'utf8'));
  });

  test('the bytes as stored: a UTF-16 file stays UTF-16, inline and raw', async () => {
    const small = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('failOn: none\n', 'utf16le')]);
    const large = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.alloc(INLINE_CONTENT_LIMIT + 2, 0x20)]);
    sha = server.seedCommit('main', { 'small.yaml': small, 'large.yaml': large });
    assert.deepEqual(await bytesAt('small.yaml'), small);
    assertLargeBytes(await bytesAt('large.yaml'), large);
  });

  test('no such file: undefined; a directory: an error', async () => {
    assert.equal(await at('missing.yaml'), undefined);
    await assert.rejects(
      at('ci'),
      (err) => err instanceof InputError && /ci at [0-9a-f]{7} is a directory/.test(err.message),
    );
  });

  test('an unknown commit and a token without contents access are errors, never "no file"', async () => {
    await assert.rejects(at('.intent-drift.yaml', 'f'.repeat(40)), /No commit found for the ref f{40}/);
    server.tokens.set('app', { login: 'my-app[bot]', kind: 'installation', contents: 'none' });
    await assert.rejects(at('.intent-drift.yaml'), /GitHub answered 403: .*the token needs `contents: read`/);
  });

  test('a token GitHub does not accept (401) is said to be that, not a missing permission', async () => {
    server.tokens.delete('app');
    const err = await at('.intent-drift.yaml').catch((e: unknown) => e);
    assert.ok(err instanceof InputError);
    assert.match(err.message, /GitHub answered 401: Bad credentials: GitHub does not accept the token/);
    assert.doesNotMatch(err.message, /contents: read/);
  });
});
