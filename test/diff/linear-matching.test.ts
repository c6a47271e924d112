// Globs and Istio path templates are matched without regular expressions built from user text
// (a config or intents file may come from a fork): here each matcher is checked against a plain
// reference on random input, and against the inputs that made the old regexes backtrack.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { matchGlob } from '../../src/diff/ignore-rules.ts';
import { matchPath, validatePathPattern } from '../../src/diff/istio-match.ts';

/** `*` as any run of characters, by dynamic programming over (glob, value) prefixes. */
function referenceGlob(glob: string, value: string): boolean {
  let row = Array.from({ length: value.length + 1 }, (_, j) => j === 0);
  for (const g of glob) {
    const next = Array.from({ length: value.length + 1 }, () => false);
    for (let j = 0; j <= value.length; j++) {
      next[j] = g === '*' ? row[j]! || (j > 0 && next[j - 1]!) : j > 0 && row[j - 1]! && value[j - 1] === g;
    }
    row = next;
  }
  return row[value.length]!;
}

/** Envoy's template semantics as a regex, for short test inputs only. */
function referenceTemplate(pattern: string, path: string): boolean {
  if (validatePathPattern(pattern) !== null) return false;
  // Current Envoy's segment characters: the pchars with `=` and `*` (istio-match.ts).
  const chars = "A-Za-z0-9\\-._~%!$&'()+,;:@=*";
  const source = pattern
    .slice(1)
    .split('/')
    .map((s) =>
      s === '{*}' ? `[${chars}]+` : s === '{**}' ? `[${chars}/]*` : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^/${source}$`).test(path);
}

describe('matching without backtracking', () => {
  test('globs agree with the reference', () => {
    const glob = fc.stringMatching(/^[ab*]{0,8}$/);
    const value = fc.stringMatching(/^[ab]{0,10}$/);
    fc.assert(
      fc.property(glob, value, (g, v) => matchGlob(g, v) === referenceGlob(g, v)),
      { numRuns: 5000 },
    );
  });

  test('templates agree with the reference', () => {
    const segment = fc.constantFrom('a', 'b', 'ab', '{*}', '{**}', '', '=', '%41');
    const template = fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => `/${s.join('/')}`);
    const path = fc
      .array(fc.constantFrom('a', 'b', 'ab', '', '=', 'x*y'), { maxLength: 6 })
      .map((s) => `/${s.join('/')}`);
    fc.assert(
      fc.property(template, path, (t, p) => matchPath(t, p) === referenceTemplate(t, p)),
      { numRuns: 5000 },
    );
  });

  test('the inputs that made the old regexes backtrack are matched at once', () => {
    // /api/*/*/*/*/*/end against 485 characters took 117 s as a regex; 20,000 here is nothing.
    const long = `/api/${'a/'.repeat(10_000)}x`;
    assert.equal(matchGlob('/api/*/*/*/*/*/end', long), false);
    assert.equal(matchGlob('*a*a*a*a*a*a*a*a*b', 'a'.repeat(20_000)), false);
    assert.equal(matchPath('/api/{*}/{*}/{*}/{**}/end', long), false);
    assert.equal(matchPath('/api/{**}', long), true);
  });
});
