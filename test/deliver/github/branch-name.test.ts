import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { branchNameProblem } from '../../../src/deliver/github/branch-name.ts';

/** git itself: whether `git check-ref-format --branch NAME` takes the name. */
function gitTakes(name: string): boolean {
  const run = spawnSync('git', ['check-ref-format', '--branch', name], { encoding: 'utf8' });
  if (run.error) throw run.error;
  return run.status === 0;
}

describe('pr-branch names: what git takes for a branch', () => {
  test('each rule says why', () => {
    const cases: [string, string | undefined][] = [
      ['intent-drift/update', undefined],
      ['team_a/intents-2026.12', undefined],
      ['a/HEAD', undefined],
      ['update now', 'use letters, digits, ".", "_", "-" and "/" only'],
      ['-update', 'a branch name cannot start with "-"'],
      ['HEAD', 'HEAD is not a branch name'],
      ['a..b', 'it holds ".."'],
      ['update.', 'a branch name cannot end with "."'],
      ['a//b', 'it starts or ends with "/", or holds "//"'],
      ['/main', 'it starts or ends with "/", or holds "//"'],
      ['main/', 'it starts or ends with "/", or holds "//"'],
      ['.hidden', 'its part ".hidden" starts with "."'],
      ['a/.b', 'its part ".b" starts with "."'],
      ['x.lock', 'its part "x.lock" ends with ".lock"'],
      ['a.lock/b', 'its part "a.lock" ends with ".lock"'],
    ];
    for (const [name, problem] of cases) assert.equal(branchNameProblem(name), problem, name);
  });

  // The oracle is the git on this machine: every name of up to three pieces over these pieces,
  // then random longer ones. A name intent-drift takes and git refuses would be a 422 from
  // GitHub after the whole check; one git takes and intent-drift refuses, a needless error.
  const pieces = ['a', '.', '/', '-', '_', '.lock', 'HEAD'];

  test('agrees with git check-ref-format --branch on every name of up to three pieces', () => {
    const names = new Set<string>();
    for (const x of pieces) {
      names.add(x);
      for (const y of pieces) {
        names.add(x + y);
        for (const z of pieces) names.add(x + y + z);
      }
    }
    const disagree = [...names].filter((name) => (branchNameProblem(name) === undefined) !== gitTakes(name));
    assert.deepEqual(disagree, []);
    assert.ok(names.size > 300, `${names.size} names`);
  });

  test('agrees with git on random longer names', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 4, maxLength: 9 }), (parts) => {
        const name = parts.join('');
        assert.equal(branchNameProblem(name) === undefined, gitTakes(name), name);
      }),
      { numRuns: 100 },
    );
  });
});
