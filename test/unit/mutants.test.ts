// The mutation catalog (scripts/mutation/mutants.ts) stays plantable: every mutant's code is in
// its file exactly once, changes it, and names test files that exist. When code moves on, this
// fails here, in npm test, instead of leaving a mutant that tests nothing.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { applyMutant } from '../../scripts/mutation/apply.ts';
import { MUTANTS } from '../../scripts/mutation/mutants.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('the mutation catalog', () => {
  test('every mutant applies exactly once, changes its file, and names existing tests', () => {
    assert.equal(new Set(MUTANTS.map((m) => m.id)).size, MUTANTS.length, 'ids are unique');
    for (const m of MUTANTS) {
      const text = readFileSync(path.join(ROOT, m.file), 'utf8');
      const mutated = applyMutant(text, m);
      assert.notEqual(mutated, undefined, `${m.id}: its code is not in ${m.file} exactly once`);
      assert.notEqual(mutated, text, `${m.id}: changes nothing`);
      for (const t of m.tests) assert.ok(existsSync(path.join(ROOT, t)), `${m.id}: no test file ${t}`);
    }
  });

  test('every bug issue 13 lists is in it, with the test meant to catch it', () => {
    const listed = MUTANTS.filter((m) => m.listed !== undefined).map((m) => m.id);
    for (const id of [
      'live/no-continue',
      'live/mapper-no-http-resources',
      'live/mapper-all-method',
      'live/owner-first-not-controller',
      'live/workloads-keyed-by-name',
      'live/kubeconfig-prefix-dropped',
      'live/no-bearer-header',
      'report/unsafe-chars-narrowed',
      'deliver/outputs-swapped',
      'deliver/no-owner-check',
      'deliver/bare-head',
      'deliver/graphql-200-errors',
    ]) {
      assert.ok(listed.includes(id), id);
    }
  });

  test('a string or a pattern that is not there exactly once is refused', () => {
    assert.equal(applyMutant('a b a', { from: 'a', to: 'x' }), undefined);
    assert.equal(applyMutant('a b', { from: 'c', to: 'x' }), undefined);
    assert.equal(applyMutant('a b', { from: 'a', to: '$&$&' }), '$&$& b', 'replacement text is literal');
    assert.equal(applyMutant('k = 1\nk = 2', { from: /^k = .*$/m, to: 'k = 0' }), undefined);
    assert.equal(applyMutant('k = 1\nj = 2', { from: /^k = .*$/m, to: 'k = 0' }), 'k = 0\nj = 2');
  });
});
