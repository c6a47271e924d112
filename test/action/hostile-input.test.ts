// The action against hostile input: names that would commit files outside the intents folder,
// label values that would become workflow commands, a report that comment mode would refuse or
// miscount, a PR the report was not made for, and a branch open-pr did not make.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { GitHubApiServer } from '../support/github-api-server.ts';
import {
  BASE_SHA,
  DEMO_INPUTS,
  demoWorkspace,
  HEAD_SHA,
  pullRequestEvent,
  runAction,
  TOKEN,
} from '../support/run-action.ts';
import { rawUnsafeChars } from '../support/unsafe-chars.ts';

const NS = 'otterize-tutorial-istio-mapping';
const BRANCH = 'intent-drift/update';

let server: GitHubApiServer;
let apiUrl: string;

before(async () => {
  server = new GitHubApiServer();
  apiUrl = await server.start();
});
after(() => server.stop());
beforeEach(() => {
  server.comments.length = 0;
  server.pulls.length = 0;
  server.requests.length = 0;
  server.readOnly = false;
  server.git.refs.clear();
  server.tokens.set(TOKEN, { login: 'github-actions[bot]', kind: 'installation' });
  // The base commit a pull request's gate reads its config from (here: none).
  server.seedCommit('main', {}, BASE_SHA);
});

function series(labels: Record<string, string>, value = 5): string {
  const all = {
    reporter: 'source',
    source_workload: 'client',
    source_workload_namespace: NS,
    destination_workload: 'nginx',
    destination_workload_namespace: NS,
    destination_service_name: 'nginx-service',
    destination_service_namespace: NS,
    request_protocol: 'http',
    ...labels,
  };
  const text = Object.entries(all)
    .map(([k, v]) => `${k}="${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')}"`)
    .join(',');
  return `istio_requests_total{${text}} ${value}\n`;
}

/** The demo workspace with one more capture file. */
async function workspaceWith(extra: string, opts: { only?: boolean } = {}): Promise<string> {
  const workspace = await demoWorkspace();
  if (opts.only) {
    for (const name of ['client.prom', 'client2.prom']) await rm(path.join(workspace, 'capture', name));
  }
  await writeFile(path.join(workspace, 'capture', 'hostile.prom'), extra);
  return workspace;
}

/**
 * The workflow commands the runner would find in the step's output (actions/runner,
 * ActionCommand.TryParseV2 then TryParse): `::name props::data` at a line's start after white
 * space, and `##[name props]data` anywhere.
 */
function workflowCommands(
  stdout: string,
): { name: string; properties: string; data: string; line: string }[] {
  const found = [];
  for (const line of stdout.split(/\r?\n/)) {
    const trimmed = line.trimStart();
    const v2 = /^::([^ :]+)( [^:]*)?::(.*)$/.exec(trimmed);
    if (v2) {
      found.push({ name: v2[1]!, properties: v2[2] ?? '', data: v2[3]!, line });
      continue;
    }
    const v1 = /##\[([^ \]]+)([^\]]*)\](.*)/.exec(line);
    if (v1) found.push({ name: v1[1]!, properties: v1[2] ?? '', data: v1[3]!, line });
  }
  return found;
}

/**
 * No command made of outside data: only the commands the action issues (annotations, groups),
 * and the payload (`pwned`) only inside the data of our own annotations.
 */
function assertOwnCommandsOnly(stdout: string): void {
  for (const c of workflowCommands(stdout)) {
    const allowed = ['error', 'warning', 'notice', 'group', 'endgroup'].includes(c.name);
    const ours = c.data.startsWith('intent-drift') || c.properties.includes('title=intent-drift');
    assert.ok(
      allowed && (ours || !c.line.includes('pwned')),
      `a workflow command from outside data: ${c.line}`,
    );
  }
}

describe('open-pr', () => {
  const pushRun = (workspace: string) =>
    runAction({
      inputs: { ...DEMO_INPUTS, 'open-pr': 'true', 'fail-on': 'none' },
      apiUrl,
      workspace,
      event: { ref: 'refs/heads/main' },
      eventName: 'push',
      sha: seeded,
      ref: 'refs/heads/main',
    });
  let seeded = '';

  async function seed(workspace: string): Promise<void> {
    const files: Record<string, string> = {};
    for (const name of ['client.yaml', 'client2.yaml']) {
      files[`intents/${name}`] = await readFile(path.join(workspace, 'intents', name), 'utf8');
    }
    seeded = server.seedCommit('main', files);
  }

  test('a workload named ../.github/workflows/ci commits nothing outside the intents folder', async () => {
    const workspace = await workspaceWith(
      series({ source_workload: '../.github/workflows/ci', request_method: 'GET', request_path: '/x' }),
    );
    await seed(workspace);
    const run = await pushRun(workspace);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const files = Object.keys(server.filesAt(BRANCH));
    assert.ok(files.length > 0);
    for (const file of files) assert.match(file, /^intents\/[^/]+\.yaml$/, file);
    assert.match(run.stdout, /1 series left out: .*workload "\.\.\/\.github\/workflows\/ci"/);
  });

  test('a branch whose head is someone else’s commit is refused, not reset', async () => {
    const workspace = await demoWorkspace();
    await seed(workspace);
    const theirs = server.seedCommit(BRANCH, { 'notes.md': 'my work in progress\n' });
    const run = await pushRun(workspace);
    // A refusal is an error (2), not drift (1).
    assert.equal(run.code, 2, run.stdout);
    assert.match(
      run.stdout,
      /::error::intent-drift: pr-branch 'intent-drift\/update' is at [0-9a-f]{40}, a commit intent-drift did not make: refusing to reset it/,
    );
    assert.equal(server.git.refs.get(`heads/${BRANCH}`), theirs);
    assert.equal(server.pulls.length, 0);
    // Its own branch it resets and updates as before.
    server.git.refs.delete(`heads/${BRANCH}`);
    assert.equal((await pushRun(workspace)).code, 0);
    assert.equal((await pushRun(workspace)).code, 0);
  });
});

describe('workflow commands', () => {
  test('what the cluster tools print never becomes a workflow command', async () => {
    // kind, helm and kubectl that answer with lines an app's response (or a tool) could hold.
    const bin = await mkdtemp(path.join(tmpdir(), 'intent-drift-tools-'));
    const hostile = [
      '::add-mask::pwned',
      '  ::warning file=x::pwned',
      'ok ##[error]pwned',
      '\u001b]0;title\u0007',
    ];
    for (const tool of ['kind', 'helm', 'kubectl']) {
      // On stderr too: its last lines are the step's error message.
      const lines = hostile.map((l) => `'${l}'`).join(' ');
      const script = `#!/bin/sh\nprintf '%b\\n' ${lines}\nprintf '%b\\n' ${lines} '::error::pwned' >&2\n[ "$1" = version ] && exit 0\nexit 1\n`;
      await writeFile(path.join(bin, tool), script, { mode: 0o755 });
    }
    const saved = process.env.PATH;
    process.env.PATH = `${bin}:${saved}`;
    try {
      const run = await runAction({
        inputs: {
          'github-token': TOKEN,
          intents: 'intents',
          workloads: 'workloads.yaml',
          cluster: 'kind',
          comment: 'false',
        },
        apiUrl,
        workspace: await demoWorkspace(),
      });
      // A failed cluster step is an error (2), not drift (1).
      assert.equal(run.code, 2, run.stdout);
      assert.match(run.stdout, /pwned/, 'the tools’ output is logged');
      assertOwnCommandsOnly(run.stdout);
      assert.deepEqual(rawUnsafeChars(run.stdout), []);
    } finally {
      process.env.PATH = saved;
    }
  });

  test('label values never become workflow commands in the step’s output', async () => {
    const workspace = await workspaceWith(
      [
        // A call without method or path to a target with HTTP rules: noted in the log, with its Service.
        series({ destination_service_name: 'nginx-service\n::add-mask::pwned' }),
        series({
          source_workload: 'client2',
          destination_service_name: 'svc\n::warning file=x::pwned',
          request_method: 'GET',
        }),
        series({ request_method: 'GET', request_path: '/a\n::error::pwned' }),
        series({ request_method: 'GET', request_path: '/b ##[warning]pwned' }),
        series({ request_method: 'GET', request_path: '/c\u001b]0;title\u0007\u202e' }),
      ].join(''),
      { only: true },
    );
    const run = await runAction({ inputs: { ...DEMO_INPUTS, comment: 'false' }, apiUrl, workspace });
    assert.ok(run.code === 0 || run.code === 1, run.stderr);
    assertOwnCommandsOnly(run.stdout);
    assert.deepEqual(rawUnsafeChars(run.stdout), []);
  });
});

describe('mode: comment against what check mode wrote', () => {
  const workflowRun = (origin = { repo: 'someone/shop', branch: 'feature' }) => ({
    action: 'completed',
    workflow_run: {
      head_sha: HEAD_SHA,
      head_branch: origin.branch,
      head_repository: { full_name: origin.repo },
      event: 'pull_request',
      pull_requests: [],
    },
  });

  beforeEach(() => {
    server.addPull({
      number: 7,
      title: 'f',
      body: '',
      head: 'feature',
      base: 'main',
      headSha: HEAD_SHA,
      headRepo: 'someone/shop',
    });
  });

  async function prRun(workspace: string): Promise<string> {
    server.readOnly = true;
    const run = await runAction({
      inputs: { ...DEMO_INPUTS, comment: 'false' },
      apiUrl,
      workspace,
      event: pullRequestEvent(7, { fork: true }),
    });
    server.readOnly = false;
    return readFile(run.outputs.report!, 'utf8');
  }

  async function commentRun(artifact: string, event: Record<string, unknown> = workflowRun()) {
    const workspace = await demoWorkspace();
    await writeFile(path.join(workspace, 'report.json'), artifact);
    return runAction({
      inputs: { 'github-token': TOKEN, mode: 'comment', 'report-file': 'report.json' },
      apiUrl,
      workspace,
      event,
      eventName: 'workflow_run',
      ref: 'refs/heads/main',
    });
  }

  test('a request path over 4,096 characters is cut with a marker, and the comment is posted', async () => {
    const long = `/search/${'q'.repeat(5000)}`;
    const artifact = await prRun(await workspaceWith(series({ request_method: 'GET', request_path: long })));
    const run = await commentRun(artifact);
    assert.equal(run.code, 0, run.stdout);
    assert.equal(server.comments.length, 1);
    assert.match(server.comments[0]!.body, /qqqq…\[cut \d+ chars\]/);
    assert.equal(run.outputs.missing, '2');
  });

  test('the counts shown are the lists’, not the summary the artifact claims', async () => {
    const report = JSON.parse(await prRun(await demoWorkspace()));
    report.summary = { ...report.summary, missing: 0, stale: 0, covered: 99, drift: false };
    const run = await commentRun(JSON.stringify(report));
    assert.equal(run.code, 0, run.stdout);
    const body = server.comments[0]!.body;
    assert.match(body, /❌ intent-drift: 1 missing, 1 stale/);
    assert.match(body, /\b1 covered\b/);
    assert.equal(run.outputs.missing, '1');
  });

  test('a report is only posted on the PR whose head repository and branch made it', async () => {
    const artifact = await prRun(await demoWorkspace());
    for (const origin of [
      { repo: 'attacker/shop', branch: 'feature' },
      { repo: 'someone/shop', branch: 'other' },
    ]) {
      const run = await commentRun(artifact, workflowRun(origin));
      assert.equal(run.code, 2, run.stdout);
      assert.match(
        run.stdout,
        /::error::intent-drift: pull request #7 is someone\/shop:feature, but the run that made the report ran on/,
      );
    }
    server.pulls[0]!.headRepo = null;
    const deleted = await commentRun(artifact);
    assert.match(deleted.stdout, /a deleted repository/);
    const noRun = await commentRun(artifact, { action: 'completed' });
    assert.match(noRun.stdout, /run it on a workflow_run event/);
    assert.equal(server.comments.length, 0);
  });
});

describe('a checkout’s links', () => {
  test('a report, SARIF or JUnit file that is a link out of the checkout is not written through: exit 2', async () => {
    for (const input of ['report-file', 'sarif-file', 'junit-file']) {
      const workspace = await demoWorkspace();
      await mkdir(path.join(workspace, '.git'));
      const outside = path.join(await mkdtemp(path.join(tmpdir(), 'intent-drift-outside-')), 'keep.txt');
      await writeFile(outside, 'untouched\n');
      await symlink(outside, path.join(workspace, 'planted.json'));
      const run = await runAction({
        inputs: { ...DEMO_INPUTS, [input]: 'planted.json', comment: 'false' },
        apiUrl,
        event: pullRequestEvent(7),
        workspace,
      });
      assert.equal(run.code, 2, `${input}: ${run.stdout}`);
      assert.match(run.stdout, /::error::intent-drift: planted\.json: leads out of the repository/, input);
      assert.equal(await readFile(outside, 'utf8'), 'untouched\n', input);
    }
  });
});
