// The README is the manual: the outputs it shows are what the CLI prints today, and its links
// to its own sections land on a heading.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot, runCli } from './run-cli.ts';

const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8');

/** The text of the fenced block that follows `marker` in the README. */
function blockAfter(marker: string): string {
  const at = readme.indexOf(marker);
  assert.ok(at >= 0, marker);
  const open = readme.indexOf('```\n', at);
  const close = readme.indexOf('\n```', open + 4);
  return readme.slice(open + 4, close + 1);
}

/** The lines after `command` in the fenced block that shows it (`$ intent-drift ...`). */
function outputOf(command: string): string {
  const at = readme.indexOf(`${command}\n`);
  assert.ok(at >= 0, command);
  const close = readme.indexOf('\n```', at);
  return readme.slice(at + command.length + 1, close + 1);
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to dashes. */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replaceAll(' ', '-');
}

describe('README', () => {
  test('the quick start is two commands: the demo, and the tests that .ci/run runs', async () => {
    const at = readme.indexOf('## Quick start');
    const open = readme.indexOf('```sh\n', at);
    const close = readme.indexOf('\n```', open);
    const commands = readme
      .slice(open + 6, close)
      .split('\n')
      .map((line) => line.replace(/\s+#.*$/, ''));
    assert.deepEqual(commands, ['npm ci && npx intent-drift demo', 'npm test']);
    const ci = await readFile(path.join(repoRoot, '.ci', 'run'), 'utf8');
    assert.equal(ci.trimEnd().split('\n').at(-1), 'npm test');
  });

  test('the quick start shows what `intent-drift demo` prints', async () => {
    const run = await runCli(['demo']);
    assert.equal(blockAfter('so `demo` exits 1 (failing drift) and prints:'), run.stdout);
  });

  test('the bad-input example is the one line the CLI prints', async () => {
    const args = [
      'check',
      '--metrics',
      'fixtures/demo/capture',
      '--intents',
      'fixtures/bad/intents/head-method.yaml',
    ];
    const run = await runCli(args);
    assert.equal(outputOf(`$ intent-drift ${args.join(' ')}`), run.stderr);
  });

  test('the list example without the Telemetry override is what list prints', async () => {
    const file = 'fixtures/metrics/sample-01-istio-1.7.1-sidecar-istio_requests_total.prom';
    const run = await runCli(['list', '--metrics', file]);
    assert.equal(outputOf(`$ intent-drift list --metrics ${file}`), run.stdout + run.stderr);
  });

  test('every link to a section lands on a heading', () => {
    const anchors = new Set(
      readme
        .split('\n')
        .filter((line) => /^#{1,4} /.test(line))
        .map((line) => slug(line.replace(/^#+ /, ''))),
    );
    const links = [...readme.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    assert.ok(links.length > 5);
    for (const link of links) assert.ok(anchors.has(link), `#${link}`);
  });

  test('the manual’s sections, in a new user’s order; design and development live in CONTRIBUTING.md', () => {
    const headings = readme.split('\n').filter((line) => line.startsWith('## '));
    assert.deepEqual(headings, [
      '## Quick start',
      '## Install',
      '## Where observed data comes from in CI',
      '## The GitHub Action',
      '## The CLI',
      '## Drift controls',
      '## What fails the gate',
      '## Reports',
      '## How the diff works',
      '## Troubleshooting',
      '## Limits',
      '## Security',
      '## License',
    ]);
    for (const word of ['the peer', 'design card', 'contract §'])
      assert.equal(readme.includes(word), false, word);
  });
});
