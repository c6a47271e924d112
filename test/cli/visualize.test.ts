import assert from 'node:assert/strict';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot, runCli } from './run-cli.ts';

const metrics = ['--metrics', 'fixtures/demo/capture'];
const intents = ['--intents', 'fixtures/demo/intents'];
const NS = 'otterize-tutorial-istio-mapping';

let dir = '';
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-visualize-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

describe('visualize', () => {
  test('draws the observed map as SVG', async () => {
    const out = path.join(dir, 'map.svg');
    const run = await runCli(['visualize', '-o', out, ...metrics]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /drew 2 call\(s\) and rule\(s\) between 3 node\(s\)/);
    const svg = (await readFile(out, 'utf8')).replaceAll('&#45;', '-');
    assert.match(svg, /^<\?xml/);
    assert.ok(svg.includes(`namespace ${NS}`), 'the namespace on its box');
    assert.ok(svg.includes('>nginx</text>'), 'the bare name inside it');
    assert.doesNotMatch(svg, /#d62728/, 'no intents, no verdict colours');
  });

  test('with --intents draws the drift and exits 0 once drawn; an explicit --fail-on lets drift decide', async () => {
    const out = path.join(dir, 'nested', 'drift.svg');
    const run = await runCli(['visualize', '-o', out, ...metrics, ...intents]);
    assert.equal(run.code, 0, 'the picture is written: `visualize -o x && open x` goes on');
    const svg = (await readFile(out, 'utf8')).replaceAll('&#45;', '-');
    assert.match(svg, /stroke="#d62728"/);
    assert.ok(svg.includes('POST /client2-old-path'), 'the stale rule is drawn');
    const strict = await runCli(['visualize', '-o', out, ...metrics, ...intents, '--fail-on', 'missing']);
    assert.equal(strict.code, 1, 'the demo has a missing call');
    const lenient = await runCli(['visualize', '-o', out, ...metrics, ...intents, '--fail-on', 'none']);
    assert.equal(lenient.code, 0, lenient.stderr);
  });

  test('--fail-on without --intents is bad usage: there is no drift to fail on', async () => {
    const run = await runCli(['visualize', '-o', path.join(dir, 'x.svg'), ...metrics, '--fail-on', 'any']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'intent-drift: --fail-on needs --intents with visualize\n');
  });

  test('PNG and HTML by the ending, relative to the working directory', async () => {
    const png = await runCli(
      ['visualize', '-o', 'drift.PNG', '--metrics', path.join(repoRoot, 'fixtures/demo/capture')],
      {
        cwd: dir,
      },
    );
    assert.equal(png.code, 0, png.stderr);
    const bytes = await readFile(path.join(dir, 'drift.PNG'));
    assert.deepEqual([...bytes.subarray(1, 4)], [...Buffer.from('PNG')]);
    const html = await runCli(['visualize', '-o', path.join(dir, 'map.html'), ...metrics, ...intents]);
    assert.equal(html.code, 0, html.stderr);
    const page = await readFile(path.join(dir, 'map.html'), 'utf8');
    assert.match(page, /^<!DOCTYPE html>/);
    assert.match(page, /<script type="application\/json" id="map-data">\{/);
    assert.ok(page.includes(`"label":"client2.${NS}"`));
    assert.match(page, /"source":"metrics fixtures\/demo\/capture \(\d+ series from \d+ sources\)"/);
    assert.match(page, /"kind":"blocked","rows":\[\{"call":"POST \/client2-path"/);
  });

  test('--only-drift: the picture holds only missing and stale, the page starts filtered', async () => {
    const out = path.join(dir, 'only.svg');
    const run = await runCli([
      'visualize',
      '-o',
      out,
      ...metrics,
      ...intents,
      '--only-drift',
      '--fail-on',
      'none',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /drew 2 call\(s\) and rule\(s\) between 2 node\(s\)/);
    const svg = (await readFile(out, 'utf8')).replaceAll('&#45;', '-');
    assert.ok(svg.includes('POST /client2-path'));
    assert.ok(!svg.includes('GET /client-path'), 'the covered call is left out');
    assert.ok(!svg.includes('>client</text>'), 'and its client');
    const html = path.join(dir, 'only.html');
    const page = await runCli([
      'visualize',
      '-o',
      html,
      ...metrics,
      ...intents,
      '--only-drift',
      '--fail-on',
      'none',
    ]);
    assert.equal(page.code, 0, page.stderr);
    const text = await readFile(html, 'utf8');
    assert.match(text, /"onlyDrift":true/);
    assert.match(text, /"kind":"covered"/, 'the page keeps every edge: its reader can widen the filter');
  });

  test('--only-drift without intents, or on another command, is bad usage (exit 2)', async () => {
    const run = await runCli(['visualize', '-o', path.join(dir, 'x.svg'), ...metrics, '--only-drift']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--only-drift needs --intents/);
    const other = await runCli(['check', ...metrics, ...intents, '--only-drift']);
    assert.equal(other.code, 2);
    assert.match(other.stderr, /--only-drift does not apply to check \(it applies to visualize\)/);
  });

  test('another ending is bad usage (exit 2), before reading anything', async () => {
    const out = path.join(dir, 'x.gif');
    const run = await runCli(['visualize', '-o', out, '--metrics', 'no/such/dir']);
    assert.equal(run.code, 2);
    assert.equal(
      run.stderr,
      'intent-drift: visualize -o: the file must end in .svg, .png or .html (got .gif)\n',
    );
    assert.equal(await exists(out), false);
  });

  test('without -o is bad usage (exit 2)', async () => {
    const run = await runCli(['visualize', ...metrics]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /visualize needs -o FILE/);
  });

  test('bad input is exit 2 as in check', async () => {
    const run = await runCli(['visualize', '-o', path.join(dir, 'bad.svg'), '--metrics', 'no/such/dir']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /no\/such\/dir/);
  });

  test('the help lists it', async () => {
    const run = await runCli(['help']);
    assert.match(run.stdout, /visualize +draw the observed calls/);
  });
});
