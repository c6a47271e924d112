// docs/gitlab-ci.md's job as GitLab would run it when copied: it installs intent-drift before
// calling it (the package is not on the npm registry), the command line is one the CLI accepts,
// and the JUnit file the check writes is the one GitLab reads as a test report.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { parseCommandLine } from '../../src/cli/args.ts';
import { repoRoot } from './run-cli.ts';

interface Job {
  before_script?: string[];
  script: string[];
  artifacts: { when?: string; reports: { junit: string } };
}

/** The words of a shell line, for lines with only plain words and double-quoted variables. */
function words(line: string, variables: Record<string, string>): string[] {
  return line
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/^"\$(\w+)"$/, (_, name: string) => variables[name] ?? `<unset ${name}>`));
}

test('docs/gitlab-ci.md: installs intent-drift, then runs a check whose --junit file GitLab reads', async () => {
  const doc = await readFile(path.join(repoRoot, 'docs', 'gitlab-ci.md'), 'utf8');
  const block = /```yaml\n([\s\S]*?)\n```/.exec(doc)?.[1];
  assert.ok(block, 'a yaml block');
  const job = (parse(block) as Record<string, Job>)['intent-drift'];
  assert.ok(job, 'the intent-drift job');
  const install = (job.before_script ?? []).join('\n');
  const folder = /git clone .* (\S+)$/m.exec(install)?.[1];
  assert.ok(folder, `the job clones intent-drift before running it:\n${install}`);
  assert.match(install, new RegExp(`npm ci --prefix ${folder} --omit=dev`));

  const [node, bin, ...args] = words(job.script[0] ?? '', {
    PROMETHEUS_URL: 'https://prometheus.example.com',
  });
  assert.equal(`${node} ${bin}`, `node ${folder}/bin/intent-drift.js`);
  const parsed = parseCommandLine(args, { cwd: repoRoot, colorDefault: false });
  assert.equal(parsed.command, 'check');
  assert.equal(parsed.settings.junitFile, job.artifacts.reports.junit);
  assert.equal(job.artifacts.when, 'always', 'the check exits 1 on drift: the report is kept anyway');
});
