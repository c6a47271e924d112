// Runs the action's entry the way a runner does: a child `node src/index.ts` with INPUT_*
// variables, an event file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and GITHUB_API_URL
// pointing at the local GitHub stand-in.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '..', '..');
export const HEAD_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
/** The pull request's base commit: seed it in the stand-in (`seedCommit('main', files, BASE_SHA)`). */
export const BASE_SHA = 'b0b1b2b3b4b5b6b7b8b9c0c1c2c3c4c5c6c7c8c9';
export const TOKEN = 'ghs_stand-in-installation-token';

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
}

export interface RunOptions {
  inputs: Record<string, string>;
  apiUrl: string;
  /** The event payload; a pull_request event by default. */
  event?: Record<string, unknown>;
  eventName?: string;
  workspace?: string;
  sha?: string;
  ref?: string;
  /** Run dist/index.js instead of src/index.ts. */
  entry?: string;
  /** The step's `env:` (a workflow passes secrets this way), or NODE_OPTIONS to plant a fault. */
  env?: Record<string, string>;
}

/**
 * The inputs a runner passes when the workflow leaves them out: every input of action.yml that
 * has a default, as INPUT_* (the runner evaluates `${{ github.token }}` to the job's token).
 * Inputs without a default are not passed at all.
 */
// biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression, literally as action.yml writes it
const GITHUB_TOKEN_EXPRESSION = '${{ github.token }}';

export async function runnerDefaults(): Promise<Record<string, string>> {
  const action = parse(await readFile(path.join(root, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: unknown }>;
  };
  const defaults: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) {
    if (input.default === undefined) continue;
    defaults[name] = String(input.default).replace(GITHUB_TOKEN_EXPRESSION, TOKEN);
  }
  return defaults;
}

/** A workspace holding the demo as a repository would: intents/, capture/, workloads.yaml. */
export async function demoWorkspace(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-action-'));
  for (const name of ['intents', 'capture', 'workloads.yaml']) {
    await cp(path.join(root, 'fixtures', 'demo', name), path.join(dir, name), { recursive: true });
  }
  return dir;
}

/**
 * The demo workspace with client2's ClientIntents (the client with the missing call) kept as
 * JSON, which the intents editor never edits: its drift is left out of the suggested patch.
 */
export async function demoWorkspaceWithJsonClient2(): Promise<string> {
  const dir = await demoWorkspace();
  const yamlFile = path.join(dir, 'intents', 'client2.yaml');
  const doc = parse(await readFile(yamlFile, 'utf8'));
  await writeFile(path.join(dir, 'intents', 'client2.json'), `${JSON.stringify(doc, null, 2)}\n`);
  await rm(yamlFile);
  return dir;
}

/**
 * A workspace with fixtures/action-asymmetric: 3 covered, 2 missing, 1 stale, so that every
 * output and count of a run tells which figure it carries (the demo's 1 and 1 cannot).
 */
export async function asymmetricWorkspace(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-action-'));
  for (const name of ['intents', 'capture']) {
    await cp(path.join(root, 'fixtures', 'action-asymmetric', name), path.join(dir, name), {
      recursive: true,
    });
  }
  return dir;
}

export const ASYMMETRIC_INPUTS = { 'github-token': TOKEN, intents: 'intents', metrics: 'capture' };

export function pullRequestEvent(
  number: number,
  opts: { fork?: boolean; headSha?: string; baseSha?: string } = {},
) {
  const base = { full_name: 'acme/shop' };
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      head: {
        sha: opts.headSha ?? HEAD_SHA,
        ref: 'feature',
        repo: { full_name: opts.fork ? 'someone/shop' : 'acme/shop' },
      },
      base: { ref: 'main', sha: opts.baseSha ?? BASE_SHA, repo: base },
    },
    repository: { full_name: 'acme/shop', name: 'shop', owner: { login: 'acme' } },
  };
}

export const DEMO_INPUTS = {
  'github-token': TOKEN,
  intents: 'intents',
  metrics: 'capture',
  workloads: 'workloads.yaml',
};

export async function runAction(opts: RunOptions): Promise<ActionRun> {
  const workspace = opts.workspace ?? (await demoWorkspace());
  const runner = await mkdtemp(path.join(tmpdir(), 'intent-drift-runner-'));
  const files = {
    event: path.join(runner, 'event.json'),
    output: path.join(runner, 'output'),
    summary: path.join(runner, 'summary.md'),
  };
  await writeFile(files.event, JSON.stringify(opts.event ?? pullRequestEvent(7)));
  await writeFile(files.output, '');
  await writeFile(files.summary, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? runner,
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_EVENT_NAME: opts.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_API_URL: opts.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: opts.sha ?? HEAD_SHA,
    GITHUB_REF: opts.ref ?? 'refs/pull/7/merge',
    GITHUB_RUN_ID: '4242',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runner,
    INTENT_DRIFT_RETRY_UNIT_MS: '5',
  };
  const inputs = { ...(await runnerDefaults()), ...opts.inputs };
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  Object.assign(env, opts.env);
  const entry = opts.entry ?? path.join(root, 'src', 'index.ts');
  const child = spawn(process.execPath, [entry], { cwd: workspace, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(await readFile(files.output, 'utf8')),
    summary: await readFile(files.summary, 'utf8'),
    workspace,
  };
}

/** GITHUB_OUTPUT's `name<<DELIMITER\nvalue\nDELIMITER` records. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(pattern)) outputs[m[1]!] = m[3]!;
  return outputs;
}
