import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  acceptedPathFor,
  isPathTemplate,
  matchMethod,
  matchPath,
  matchString,
  pathRefusal,
  readAsPattern,
  validatePathPattern,
} from '../../src/diff/istio-match.ts';

describe('matchString', () => {
  const cases: [pattern: string, value: string, expected: boolean][] = [
    ['abc', 'abc', true],
    ['abc', 'abcd', false],
    ['abc', 'ab', false],
    ['abc*', 'abc', true],
    ['abc*', 'abcd', true],
    ['abc*', 'ab', false],
    ['*abc', 'abc', true],
    ['*abc', 'xabc', true],
    ['*abc', 'abcx', false],
    ['*', 'x', true],
    ['*', '', false],
    ['a*c', 'abc', false],
    ['a*c', 'a*c', true],
    // A leading `*` is read first (istio matcher/string.go): `*abc*` is the suffix `abc*`.
    ['*abc*', 'xabc*', true],
    ['*abc*', '*abcx', false],
  ];
  for (const [pattern, value, expected] of cases) {
    test(`${JSON.stringify(pattern)} vs ${JSON.stringify(value)} -> ${expected}`, () => {
      assert.equal(matchString(pattern, value), expected);
    });
  }
});

describe('matchPath', () => {
  const cases: [pattern: string, path: string, expected: boolean][] = [
    ['/client-path', '/client-path', true],
    ['/client-path', '/client-path/', false],
    ['/client-path', '/CLIENT-PATH', false],
    ['/api/*', '/api/users', true],
    ['/api/*', '/api/', true],
    ['/api/*', '/api', false],
    ['/api*', '/api', true],
    ['*', '/', true],
    ['*', '', false],
    ['*.js', '/static/app.js', true],
    ['/a/*/b', '/a/x/b', false],
    ['/a/*/b', '/a/*/b', true],
    ['/users/{*}/orders', '/users/42/orders', true],
    ['/users/{*}/orders', '/users/42/7/orders', false],
    ['/users/{*}/orders', '/users//orders', false],
    ['/users/{*}/orders', '/users/42/orders/', false],
    ['/users/{*}', '/users/42', true],
    ['/users/{*}', '/users/42/', false],
    ['/users/{*}', '/users/', false],
    ['/users/{*}/', '/users/42/', true],
    ['/users/{*}/', '/users/42', false],
    ['/files/{**}', '/files/a/b/c.txt', true],
    ['/files/{**}', '/files/a', true],
    ['/files/{**}', '/files/', true],
    ['/files/{**}', '/files', false],
    ['/files/{**}', '/filesx/a', false],
    ['/{**}', '/', true],
    ['/{**}', '/anything/at/all', true],
    ['/foo/{**}/', '/foo/bar/', true],
    ['/foo/{**}/', '/foo//', true],
    ['/foo/{**}/', '/foo/bar', false],
    ['/foo/{*}/bar/{**}', '/foo/buzz/bar/', true],
    ['/foo/{*}/bar/{**}', '/foo/buzz/bar/baz', true],
    ['/{**}/index.html', '/a/b/index.html', true],
    ['/{**}/index.html', '/index.html', false],
    ['/{**}/index.html', '/a/b/main.js', false],
    ['/files/{**}/meta', '/files/a/b/data', false],
    // Envoy matches the whole path, and a request path of `*` (OPTIONS *) has no leading `/`.
    ['/{**}', '*', false],
    ['/{**}', 'a/b', false],
    // Envoy's literal set holds `=` (Envoy 1.28+) and `*` (1.35+, Istio 1.27+; envoy#39169).
    ['/k/{*}', '/k/a=b', true],
    ['/files/{*}', '/files/YWJjZA==', true],
    ['/k/{*}', '/k/a*b', true],
    ['/anything/{**}', '/anything/*abc', true],
    ['/k/{*}', '/k/a b', false],
    ['/k/{*}', '/k/a"b', false],
    ['/k/{*}', '/k/a.b-c_d~e%20:@', true],
    ['/a{*}', '/ab', false],
    ['/{**}/a/{*}', '/x/a/y', false],
    ['/a/{*}*', '/a/b', false],
  ];
  for (const [pattern, path, expected] of cases) {
    test(`${pattern} vs ${path} -> ${expected}`, () => {
      assert.equal(matchPath(pattern, path), expected);
    });
  }
});

describe('readAsPattern', () => {
  test('a called path holding `*`, `{` or `}` would not mean itself in a rule', () => {
    for (const path of ['/admin/*', '/a/{id}', '/a}', '/a{', '*'])
      assert.equal(readAsPattern(path), true, path);
    for (const path of ['/admin', '/a/b.c', '/', '/a=b%20']) assert.equal(readAsPattern(path), false, path);
  });
});

describe('matchMethod', () => {
  test('is case-sensitive', () => {
    assert.equal(matchMethod('GET', 'GET'), true);
    assert.equal(matchMethod('GET', 'get'), false);
    assert.equal(matchMethod('get', 'GET'), false);
    assert.equal(matchMethod('GET', 'POST'), false);
  });
  test('takes the string-match forms', () => {
    assert.equal(matchMethod('*', 'DELETE'), true);
    assert.equal(matchMethod('P*', 'PATCH'), true);
  });
});

describe('validatePathPattern', () => {
  const valid = [
    '/a',
    '/api/*',
    '*',
    '/a/*/b',
    '/users/{*}/orders',
    '/files/{**}',
    '/{**}',
    '/foo/{**}/',
    '/{**}/index.html',
    // istiod's validLiteral (pkg/config/security) holds `=`: a literal segment may too.
    '/k=v/{*}',
  ];
  for (const pattern of valid) {
    test(`${pattern} is valid`, () => assert.equal(validatePathPattern(pattern), null));
  }
  const invalid: [pattern: string, reason: RegExp][] = [
    ['', /empty/],
    ['/a{*}', /whole segment/],
    ['/{*}b/c', /whole segment/],
    ['/a/{**}/b/{*}', /last operator/],
    ['/{**}/{**}', /last operator/],
    ['/a/*/{*}', /"\*" outside/],
    ['/a/{*}*', /whole segment/],
    ['/a//{*}', /empty segment/],
    ['/a/{id}/{*}', /whole segment/],
    ['users/{*}', /start with/],
    ['/a b/{*}', /characters/],
    ['/users/{id}', /holds "\{" or "\}"/],
    ['/a/{**x}', /holds "\{" or "\}"/],
    ['/a}', /holds "\{" or "\}"/],
  ];
  for (const [pattern, reason] of invalid) {
    test(`${JSON.stringify(pattern)} is invalid`, () => {
      assert.match(validatePathPattern(pattern) ?? 'valid', reason);
    });
  }
  // istiod's CheckValidPathTemplate trims the outer slashes before it checks; Envoy's
  // parsePathPatternSyntax refuses what it lets through.
  const byEnvoy = ['users/{*}', '//a/{*}', '/a/{*}//'];
  for (const pattern of byEnvoy) {
    test(`${pattern} is refused by Envoy, not istiod`, () => {
      assert.equal(pathRefusal(pattern)?.refusedBy, 'envoy');
    });
  }
  test("every other refusal is istiod's", () => {
    for (const [pattern] of invalid.filter(([p]) => !byEnvoy.includes(p)))
      assert.equal(pathRefusal(pattern)?.refusedBy, 'istiod', pattern);
  });
  test('acceptedPathFor offers a valid path only where one is plain to see', () => {
    assert.equal(acceptedPathFor('/users/{id}'), '/users/{*}');
    assert.equal(acceptedPathFor('/items/v{*}'), '/items/{*}');
    assert.equal(acceptedPathFor('items//{*}'), '/items/{*}');
    assert.equal(acceptedPathFor('/a/*/{*}'), '/a/{*}/{*}');
    assert.equal(acceptedPathFor('/a/{**}/b/{*}'), undefined);
    assert.equal(acceptedPathFor('/users/{id}/*'), undefined);
    // Nothing to offer for a path Istio already accepts.
    assert.equal(acceptedPathFor('/users/{*}'), undefined);
    assert.equal(acceptedPathFor('/api/*'), undefined);
  });
  test('an invalid template never matches, even its own text', () => {
    for (const [pattern] of invalid.filter(([p]) => isPathTemplate(p)))
      assert.equal(matchPath(pattern, pattern), false, pattern);
  });
});

describe('matcher properties', () => {
  const segment = fc.stringMatching(/^[A-Za-z0-9._~-]{1,8}$/);
  const plainPath = fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => `/${s.join('/')}`);
  const anyText = fc.string({ maxLength: 20 });

  test('an exact pattern matches itself', () => {
    const noEdgeStar = anyText.filter((v) => !v.startsWith('*') && !v.endsWith('*'));
    fc.assert(fc.property(noEdgeStar, (value) => matchString(value, value)));
    fc.assert(fc.property(plainPath, (path) => matchPath(path, path)));
  });

  test('p* matches p followed by anything', () => {
    fc.assert(
      fc.property(anyText, anyText, (prefix, rest) => {
        fc.pre(prefix !== '' && !prefix.startsWith('*'));
        return matchString(`${prefix}*`, prefix + rest);
      }),
    );
  });

  test('*s matches anything followed by s', () => {
    fc.assert(
      fc.property(anyText, anyText, (head, suffix) => {
        fc.pre(suffix !== '');
        return matchString(`*${suffix}`, head + suffix);
      }),
    );
  });

  test('{*} never matches a segment holding "/"', () => {
    fc.assert(
      fc.property(plainPath, segment, segment, (prefix, left, right) => {
        return !matchPath(`${prefix}/{*}/end`, `${prefix}/${left}/${right}/end`);
      }),
    );
  });

  test('{*} matches any one non-empty plain segment', () => {
    fc.assert(
      fc.property(plainPath, segment, (prefix, one) => matchPath(`${prefix}/{*}`, `${prefix}/${one}`)),
    );
  });

  test('{**} matches any rest of the path, zero segments included', () => {
    fc.assert(
      fc.property(plainPath, fc.array(segment, { maxLength: 4 }), (prefix, rest) => {
        return matchPath(`${prefix}/{**}`, `${prefix}/${rest.join('/')}`);
      }),
    );
  });

  test('a pattern without wildcards matches x exactly when it equals x', () => {
    const noWildcard = fc.string({ maxLength: 12 }).filter((s) => !s.includes('*'));
    fc.assert(
      fc.property(
        noWildcard,
        noWildcard,
        (pattern, value) => matchPath(pattern, value) === (pattern === value),
      ),
    );
    fc.assert(
      fc.property(
        plainPath,
        plainPath,
        (pattern, value) => matchPath(pattern, value) === (pattern === value),
      ),
    );
  });
});
