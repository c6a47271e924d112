// The templater's second pass (src/diff/path-variance.ts) on cases the main tests leave open:
// where {**} may not start (the root, a version, a {*}), a tail needing many first segments and
// collapsing once, and a position varying only among paths equal on both sides of it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { templatePaths } from '../../src/diff/path-template.ts';

const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa'];

/** A tree of many depths and many first segments under `prefix`: {**} material. */
const tree = (prefix: string) => [
  ...WORDS.slice(0, 6).map((w) => `${prefix}/${w}/x.css`),
  ...WORDS.slice(0, 6).map((w) => `${prefix}/${w}.png`),
];

const unchanged = (paths: string[]) => [...templatePaths(paths)].filter(([raw, t]) => raw !== t);

describe('where a tail may not collapse', () => {
  test('never {**} right after a version, nor at the root', () => {
    for (const paths of [tree('/v1'), tree('/v2beta1'), tree('')]) {
      for (const [, template] of templatePaths(paths))
        assert.equal(template.includes('{**}'), false, template);
    }
  });

  test('never {**} right after a {*}: the tree under each of two numbered users stays', () => {
    const paths = ['1001', '1002'].flatMap((u) => tree(`/users/${u}`));
    const templates = new Set(templatePaths(paths).values());
    assert.deepEqual(
      [...templates].filter((t) => t.includes('{**}')),
      [],
    );
  });

  test('many tails of several depths under too few first segments stay raw', () => {
    const paths = [
      ...['p-a1', 'p-b2', 'p-c3', 'p-d4', 'p-e5'].map((p) => `/s/one/${p}`),
      ...['p-f6', 'p-g7', 'p-h8', 'p-i9', 'p-j0'].map((p) => `/s/two/${p}/q`),
    ];
    for (const [, template] of templatePaths(paths)) assert.equal(template.includes('{**}'), false, template);
  });

  test('nine distinct tails of two depths under five first segments are one too few for {**}', () => {
    const paths = [
      ...WORDS.slice(0, 5).map((w) => `/static/${w}.png`),
      ...WORDS.slice(0, 4).map((w) => `/static/${w}/x.css`),
    ];
    paths.push('/health'); // ten paths, so the count of tails is what decides
    for (const [, template] of templatePaths(paths)) assert.equal(template.includes('{**}'), false, template);
    const ten = [...paths, `/static/${WORDS[4]}/x.css`];
    for (const [raw, template] of templatePaths(ten))
      assert.equal(template, raw === '/health' ? raw : '/static/{**}');
  });

  test('a tail collapsed under a deeper prefix is not widened to the prefix above it', () => {
    const paths = [...tree('/f/a'), '/f/b', '/f/c', '/f/d', '/f/e'];
    const templates = templatePaths(paths);
    for (const p of tree('/f/a')) assert.equal(templates.get(p), '/f/a/{**}');
    for (const p of ['/f/b', '/f/c', '/f/d', '/f/e']) assert.equal(templates.get(p), p);
  });
});

describe('a position varies only among paths equal on both sides of it', () => {
  test('one code under each of five resources stays', () => {
    const paths = ['users', 'orders', 'items', 'carts', 'books'].map((r, i) => `/${r}/c-x${i}`);
    assert.deepEqual(unchanged(paths), []);
  });

  test('codes followed by five different endpoints stay', () => {
    const paths = ['edit', 'view', 'delete', 'show', 'list'].map((e, i) => `/c-x${i}/${e}`);
    assert.deepEqual(unchanged(paths), []);
  });

  test('a position sees the collapse before it in the same round: the values left under a raw prefix are too few', () => {
    const xs = ['x-a1', 'x-b2', 'x-c3', 'x-d4', 'x-e5'];
    const ys = ['y-a1', 'y-b2', 'y-c3', 'y-d4', 'y-e5'];
    const paths = [...xs.map((x) => `/o/${x}/p/${ys[0]}`), ...ys.slice(1).map((y) => `/o/${xs[0]}/p/${y}`)];
    const templates = templatePaths(paths);
    for (const x of xs) assert.equal(templates.get(`/o/${x}/p/${ys[0]}`), `/o/{*}/p/${ys[0]}`);
    for (const y of ys.slice(1)) assert.equal(templates.get(`/o/${xs[0]}/p/${y}`), `/o/${xs[0]}/p/${y}`);
  });

  test('paths with and without a trailing slash are counted apart', () => {
    const paths = ['c-a1', 'c-b2', 'c-c3']
      .map((c) => `/k/${c}/`)
      .concat(['c-d4', 'c-e5'].map((c) => `/k/${c}`));
    // Ten paths in all, so the templater compares them.
    paths.push('/health', '/ready', '/login', '/logout', '/status');
    assert.deepEqual(unchanged(paths), []);
  });
});
