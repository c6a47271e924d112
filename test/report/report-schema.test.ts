// docs/report.schema.json is the JSON report's reference: every report intent-drift writes (the
// CLI's demo, the golden files, the action's artifact on a pull request) validates against it,
// and it refuses what the report never holds.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { runCli } from '../cli/run-cli.ts';
import { GitHubApiServer } from '../support/github-api-server.ts';
import {
  BASE_SHA,
  DEMO_INPUTS,
  demoWorkspaceWithJsonClient2,
  runAction,
  TOKEN,
} from '../support/run-action.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const schema = JSON.parse(await readFile(path.join(root, 'docs', 'report.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function assertValid(report: unknown, what: string): void {
  const ok = validate(report);
  assert.ok(ok, `${what}: ${JSON.stringify(validate.errors, null, 2)}`);
}

describe('the JSON report schema', () => {
  test('the demo report validates', async () => {
    const run = await runCli(['demo', '--format', 'json']);
    assert.equal(run.code, 1);
    assertValid(JSON.parse(run.stdout), 'demo --format json');
  });

  test('every golden JSON report validates', async () => {
    const dir = path.join(root, 'test', 'golden', 'report');
    const names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
    assert.ok(names.length >= 2, 'the golden JSON reports are found');
    for (const name of names) assertValid(JSON.parse(await readFile(path.join(dir, name), 'utf8')), name);
  });

  describe('the action’s report artifact on a pull request', () => {
    let server: GitHubApiServer;
    let apiUrl: string;
    before(async () => {
      server = new GitHubApiServer();
      apiUrl = await server.start();
      server.tokens.set(TOKEN, { login: 'github-actions[bot]', kind: 'installation' });
      // The pull request's base commit, where the action reads the gate's config.
      server.seedCommit('main', {}, BASE_SHA);
    });
    after(() => server.stop());

    test('validates, with pullRequest and suggestedPatch', async () => {
      const run = await runAction({ inputs: { ...DEMO_INPUTS, comment: 'false' }, apiUrl });
      const report = JSON.parse(await readFile(run.outputs.report!, 'utf8'));
      assert.equal(report.pullRequest.number, 7);
      assert.equal(typeof report.suggestedPatch, 'string');
      assertValid(report, 'the action’s report');
    });

    test('validates with suggestedPatchLeftOut (a client declared in JSON, which the editor leaves)', async () => {
      const workspace = await demoWorkspaceWithJsonClient2();
      const run = await runAction({ inputs: { ...DEMO_INPUTS, comment: 'false' }, apiUrl, workspace });
      const report = JSON.parse(await readFile(run.outputs.report!, 'utf8'));
      assert.equal(report.suggestedPatchLeftOut, 1);
      assertValid(report, 'the action’s report');
    });
  });

  test('refuses what no report holds: an unknown field, a wrong reason, a missing count', async () => {
    const demo = JSON.parse((await runCli(['demo', '--format', 'json'])).stdout);
    const broken = [
      { ...demo, surprise: true },
      { ...demo, stale: [{ ...demo.stale[0], reason: 'never' }] },
      { ...demo, missing: [{ ...demo.missing[0], extra: 1 }] },
      { ...demo, summary: { ...demo.summary, missing: undefined } },
      { ...demo, version: 2 },
      { ...demo, suggestedPatchLeftOut: 0 },
    ];
    for (const report of broken) {
      assert.equal(validate(JSON.parse(JSON.stringify(report))), false, JSON.stringify(report).slice(0, 80));
    }
  });
});
