// The action's own entry with `cluster: kind` on a PATH without the tools: the step fails with
// one line naming the missing tool, inside the folded `tools` group, before anything is created.
// (PATH is emptied on purpose: on a runner that has kind this must not create a cluster.)
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runAction } from '../support/run-action.ts';

const dist = path.resolve(import.meta.dirname, '..', '..', 'dist', 'index.js');
const inputs = {
  'github-token': 'ghs_stand-in-installation-token',
  intents: 'intents',
  workloads: 'workloads.yaml',
  cluster: 'kind',
  comment: 'false',
};
const expected =
  "::error::intent-drift: cluster kind: kind is not on PATH (GitHub's ubuntu runners have kind, helm and kubectl; elsewhere install them first)";

async function withoutTools<T>(body: () => Promise<T>): Promise<T> {
  const saved = process.env.PATH;
  process.env.PATH = '/nonexistent';
  try {
    return await body();
  } finally {
    process.env.PATH = saved;
  }
}

for (const entry of [undefined, dist]) {
  test(`cluster kind without kind on PATH: one error line (${entry === undefined ? 'src' : 'dist'})`, {
    skip: entry !== undefined && !existsSync(entry) && 'dist/ is not built',
  }, async () => {
    const run = await withoutTools(() =>
      // A push: a pull request would first read its base commit's config from the (absent) API.
      runAction({
        inputs,
        apiUrl: 'http://127.0.0.1:9',
        event: {},
        eventName: 'push',
        ref: 'refs/heads/main',
        ...(entry === undefined ? {} : { entry }),
      }),
    );
    assert.equal(run.code, 2, 'a missing tool is not drift');
    const lines = run.stdout.split('\n');
    assert.deepEqual(
      lines.filter((l) => l.startsWith('::error::')),
      [expected],
    );
    assert.deepEqual(lines.slice(0, 2), ['::group::tools', '$ kind version']);
    assert.match(lines[2]!, /^tools: failed in \d+\.\ds$/);
    assert.ok(lines.includes('::endgroup::'));
    assert.ok(!run.stdout.includes('ghs_stand-in'), 'the token never shows');
  });
}
