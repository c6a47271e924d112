// The workflows users copy (docs/workflows/): a job that holds a token that can write runs only
// actions pinned by commit SHA, keeps no checkout credentials, and the privileged commenter never
// checks out the PR's code.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';

const dir = path.resolve(import.meta.dirname, '..', '..', 'docs', 'workflows');
const SHA = /@[0-9a-f]{40}$/;

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  concurrency?: { group?: string; 'cancel-in-progress'?: boolean };
  permissions?: Record<string, string>;
  jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>;
}

const workflows = readdirSync(dir)
  .filter((f) => f.endsWith('.yml'))
  .map((file) => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    return { file, text, workflow: parse(text) as Workflow };
  });

function privileged(workflow: Workflow, job: Workflow['jobs'][string]): boolean {
  const permissions = { ...workflow.permissions, ...job.permissions };
  return (
    Object.values(permissions).includes('write') ||
    'workflow_run' in workflow.on ||
    'pull_request_target' in workflow.on
  );
}

test('there are the five example workflows', () => {
  assert.deepEqual(workflows.map((w) => w.file).sort(), [
    'intent-drift-code-scanning.yml',
    'intent-drift-fork-check.yml',
    'intent-drift-fork-comment.yml',
    'intent-drift-nightly-pr.yml',
    'intent-drift-pr.yml',
  ]);
});

test('privileged jobs pin every third-party action by commit SHA, and say to pin intent-drift too', () => {
  for (const { file, text, workflow } of workflows) {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      if (!privileged(workflow, job)) continue;
      for (const step of job.steps) {
        if (step.uses === undefined || step.uses.startsWith('./')) continue;
        if (step.uses.startsWith('intent-drift/intent-drift@')) {
          assert.match(text, /Pin intent-drift like any action given a write token/, `${file}: ${name}`);
          continue;
        }
        assert.match(step.uses, SHA, `${file}: ${name}: ${step.uses}`);
      }
    }
  }
});

test('a checkout in a job that can write keeps no credentials', () => {
  for (const { file, workflow } of workflows) {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      for (const step of job.steps) {
        if (!step.uses?.startsWith('actions/checkout@') || !privileged(workflow, job)) continue;
        assert.equal(step.with?.['persist-credentials'], false, `${file}: ${name}`);
      }
    }
  }
});

test('the privileged commenter never checks out code and runs intent-drift in comment mode', () => {
  const comment = workflows.find((w) => w.file === 'intent-drift-fork-comment.yml')!;
  const steps = Object.values(comment.workflow.jobs).flatMap((j) => j.steps);
  assert.ok(!steps.some((s) => s.uses?.startsWith('actions/checkout')));
  assert.ok(
    steps.some((s) => s.uses?.startsWith('intent-drift/intent-drift@') && s.with?.mode === 'comment'),
  );
  assert.ok('workflow_run' in comment.workflow.on);
});

test('workflows that post the sticky comment run one at a time per pull request', () => {
  // Two runs at once would each find no comment of ours and each create one.
  const groups: Record<string, RegExp> = {
    'intent-drift-pr.yml': /\$\{\{ github\.event\.pull_request\.number \}\}/,
    'intent-drift-fork-comment.yml':
      /\$\{\{ github\.event\.workflow_run\.head_repository\.full_name \}\}-\$\{\{ github\.event\.workflow_run\.head_branch \}\}/,
  };
  for (const [file, group] of Object.entries(groups)) {
    const { workflow } = workflows.find((w) => w.file === file)!;
    assert.match(workflow.concurrency?.group ?? '', group, file);
  }
});

test("the README's workflow snippets check out without keeping credentials, as these workflows do", () => {
  const readme = readFileSync(path.resolve(dir, '..', '..', 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
  let checkouts = 0;
  for (const block of blocks) {
    const doc = parse(block) as unknown;
    // A snippet is a whole workflow fragment (`steps:`) or a list of steps.
    const steps = (Array.isArray(doc) ? doc : ((doc as { steps?: unknown })?.steps ?? [])) as Step[];
    for (const step of steps) {
      if (!step?.uses?.startsWith('actions/checkout@')) continue;
      checkouts++;
      assert.equal(step.with?.['persist-credentials'], false, block);
    }
  }
  assert.ok(checkouts >= 3, `found ${checkouts} checkouts in the README's snippets`);
});
