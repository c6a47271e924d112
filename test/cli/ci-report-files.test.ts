// SARIF and JUnit beside the usual report: the CLI's --sarif and --junit, and the action's
// sarif-file and junit-file inputs, write the same check the text report shows.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'junit2json';
import { GitHubApiServer } from '../support/github-api-server.ts';
import { DEMO_INPUTS, demoWorkspace, runAction, TOKEN } from '../support/run-action.ts';
import { runCli } from './run-cli.ts';

describe('CI report files', () => {
  test('check --sarif --junit --report write all three in one run, and print the text report', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'intent-drift-ci-'));
    const run = await runCli([
      'demo',
      '--sarif',
      path.join(out, 'drift.sarif'),
      '--junit',
      path.join(out, 'reports/junit.xml'),
      '--report',
      path.join(out, 'report.json'),
    ]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^intent-drift: DRIFT: 1 missing, 1 stale/);
    const sarif = JSON.parse(await readFile(path.join(out, 'drift.sarif'), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.deepEqual(
      sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId),
      ['missing-intent', 'stale-intent'],
    );
    const junit = (await parse(await readFile(path.join(out, 'reports/junit.xml'), 'utf8'))) as {
      failures: number;
    };
    assert.equal(junit.failures, 1);
    assert.equal(JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')).summary.missing, 1);
  });

  test('--junit alone is written, without --sarif before it', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'intent-drift-ci-'));
    const run = await runCli(['demo', '--junit', path.join(out, 'junit.xml')]);
    assert.equal(run.code, 1, run.stderr);
    const junit = (await parse(await readFile(path.join(out, 'junit.xml'), 'utf8'))) as { failures: number };
    assert.equal(junit.failures, 1);
  });

  test('paths are from the repository root when the check runs in a subfolder', async () => {
    const repo = await demoWorkspace();
    await mkdir(path.join(repo, '.git'));
    await mkdir(path.join(repo, 'deploy'));
    const sub = path.join(repo, 'deploy');
    await writeFile(path.join(sub, 'note.txt'), 'the check runs from here');
    const run = await runCli(
      ['check', '--metrics', '../capture', '--intents', '../intents', '--format', 'sarif'],
      { cwd: sub },
    );
    const uris = JSON.parse(run.stdout).runs[0].results.map(
      (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.locations[0]!.physicalLocation.artifactLocation.uri,
    );
    assert.deepEqual(uris, ['intents/client2.yaml', 'intents/client2.yaml']);
    assert.doesNotMatch(run.stderr, /outside the repository/);
  });

  test('intents outside the repository: SARIF still written, and a warning says code scanning cannot place them', async () => {
    const elsewhere = await demoWorkspace();
    const repo = await mkdtemp(path.join(tmpdir(), 'intent-drift-repo-'));
    await mkdir(path.join(repo, '.git'));
    const run = await runCli(
      [
        'check',
        '--metrics',
        path.join(elsewhere, 'capture'),
        '--intents',
        path.join(elsewhere, 'intents'),
        '--format',
        'sarif',
      ],
      { cwd: repo },
    );
    assert.equal(run.code, 1, run.stderr);
    assert.equal(JSON.parse(run.stdout).runs[0].results.length, 2);
    assert.match(
      run.stderr,
      /^warning: SARIF: .*intents\/client\.yaml and 1 more lie outside the repository \(.*\): code scanning cannot place their results; give intents paths inside it\n$/m,
    );
    const text = await runCli(
      ['check', '--metrics', path.join(elsewhere, 'capture'), '--intents', path.join(elsewhere, 'intents')],
      { cwd: repo },
    );
    assert.doesNotMatch(text.stderr, /outside the repository/, 'only a SARIF report is told');
  });

  describe('the action', () => {
    let server: GitHubApiServer;
    let apiUrl: string;
    before(async () => {
      server = new GitHubApiServer();
      apiUrl = await server.start();
      server.tokens.set(TOKEN, { login: 'github-actions[bot]', kind: 'installation' });
    });
    after(() => server.stop());

    test('sarif-file and junit-file are written in the workspace, next to the JSON report', async () => {
      const run = await runAction({
        inputs: {
          ...DEMO_INPUTS,
          comment: 'false',
          'sarif-file': 'out/drift.sarif',
          'junit-file': 'out/junit.xml',
        },
        apiUrl,
        event: { ref: 'refs/heads/main' },
        eventName: 'push',
        ref: 'refs/heads/main',
      });
      assert.equal(run.code, 1);
      const sarif = JSON.parse(await readFile(path.join(run.workspace, 'out/drift.sarif'), 'utf8'));
      const uri = sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
      assert.equal(uri, 'intents/client2.yaml');
      const xml = await readFile(path.join(run.workspace, 'out/junit.xml'), 'utf8');
      assert.match(xml, /<testsuites name="intent-drift" tests="3" failures="1"/);
    });

    test('sarif-file naming the JSON report’s file is refused (exit 2), not silently overwritten', async () => {
      const run = await runAction({
        inputs: { ...DEMO_INPUTS, comment: 'false', 'sarif-file': 'intent-drift-report.json' },
        apiUrl,
        event: { ref: 'refs/heads/main' },
        eventName: 'push',
        ref: 'refs/heads/main',
      });
      assert.equal(run.code, 2, run.stdout);
      assert.match(run.stdout, /report-file and sarif-file name the same file \(intent-drift-report\.json\)/);
    });
  });
});
