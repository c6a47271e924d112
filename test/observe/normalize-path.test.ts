import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { normalizeFully, normalizePath } from '../../src/observe/normalize-path.ts';

const CASES: [string, string][] = [
  ['/client-path', '/client-path'],
  ['/search?q=1&token=secret', '/search'],
  ['/page#frag', '/page'],
  ['/a?x=1#y', '/a'],
  ['/%7Euser/%61bc', '/~user/abc'],
  // Each end of each unreserved range is decoded; the bytes just outside them stay encoded.
  ['/%41%5A%61%7A%30%39%2D%2E%5F%7E', '/AZaz09-._~'],
  ['/a%5Fb', '/a_b'],
  ['/%40%5B%60%7B%2C%2F%3A%5E%7F', '/%40%5B%60%7B%2C%2F%3A%5E%7F'],
  ['/a%2fb', '/a%2Fb'], // `/` is reserved: stays encoded (hex upper-cased)
  ['/a%3Fb', '/a%3Fb'], // an encoded `?` is no query
  ['/a\\b\\c', '/a/b/c'],
  ['/a/./b/../c', '/a/c'],
  ['/a/b/..', '/a/'],
  ['/a/b/.', '/a/b/'],
  ['/../../x', '/x'],
  ['/%2E%2E/secret', '/secret'],
  ['/a//b', '/a//b'], // BASE does not merge slashes
  ['/%%34%31', '/A'], // decoded to a fixed point: %%34%31 -> %41 -> A
  ['', '/'],
  ['?only=query', '/'],
  ['*', '*'],
  ['/ü', '/ü'],
];

test('normalizePath cases', () => {
  for (const [raw, want] of CASES) assert.equal(normalizePath(raw), want, JSON.stringify(raw));
});

test('the shortcut for paths already normal gives what the full normalization gives', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: fc.constantFrom('/', '.', '..', '?', '#', '%', '2', 'E', '\\', 'a', '~', '') }),
      (raw) => {
        assert.equal(normalizePath(raw), normalizeFully(raw), JSON.stringify(raw));
      },
    ),
    { numRuns: 5000 },
  );
});
