// How files are named in messages: relative inside the working directory, absolute outside.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { displayName } from '../../src/display-path.ts';

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
