// How files are named in messages: relative inside the working directory, absolute outside.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { displayName, leavesDirectory } from '../../src/display-path.ts';

test('a file inside the working directory is named relative to it', () => {
  assert.equal(displayName('/repo/intents/a.yaml', '/repo'), 'intents/a.yaml');
  assert.equal(displayName('/repo/a.yaml', '/repo/'), 'a.yaml');
});

test('a file outside it, or the directory itself, is named absolutely', () => {
  assert.equal(displayName('/elsewhere/a.yaml', '/repo'), '/elsewhere/a.yaml');
  assert.equal(displayName('/repo', '/repo/sub'), '/repo');
  assert.equal(displayName('/repo', '/repo'), '/repo');
});

test('a name that starts with two dots is still inside', () => {
  assert.equal(displayName('/repo/..cache/a.prom', '/repo'), '..cache/a.prom');
  assert.equal(displayName('/repo/...', '/repo'), '...');
  assert.equal(displayName('/..x/a.yaml', '/repo'), '/..x/a.yaml');
});

test('the same names path.relative gives, for written paths of any shape (dots, empty segments, trailing slashes)', () => {
  // The definition the fast path must agree with.
  const reference = (absolute: string, cwd: string) => {
    const relative = path.relative(cwd, absolute);
    const shown = relative === '' || leavesDirectory(relative) ? absolute : relative;
    return shown.split(path.sep).join('/');
  };
  const segment = fc.constantFrom('repo', 'a', 'b.c', '.', '..', '', '..cache', '...', 'x\\y');
  const written = fc.array(segment, { minLength: 0, maxLength: 5 }).map((s) => `/${s.join('/')}`);
  fc.assert(
    fc.property(written, written, fc.array(segment, { maxLength: 4 }), (cwd, other, tail) => {
      // Inside cwd as written, and anywhere else.
      const inside = `${cwd}/${tail.join('/')}`;
      assert.equal(displayName(inside, cwd), reference(inside, cwd), `${inside} from ${cwd}`);
      assert.equal(displayName(other, cwd), reference(other, cwd), `${other} from ${cwd}`);
    }),
    { numRuns: 3000 },
  );
});
