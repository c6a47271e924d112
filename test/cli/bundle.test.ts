// The CLI as users run it: bin/intent-drift.js over the committed bundle in dist/ (code split
// into chunks), in a child process. `npm run check-dist` (CI) keeps dist/ equal to src/.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { repoRoot } from './run-cli.ts';

const run = promisify(execFile);
const bin = path.join(repoRoot, 'bin', 'intent-drift.js');

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd,
      env: { PATH: process.env.PATH },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test('the bundled demo runs from any working directory and finds its fixtures', async () => {
  const elsewhere = await mkdtemp(path.join(tmpdir(), 'intent-drift-bundle-'));
  const result = await cli(['demo', '--format', 'json'], elsewhere);
  assert.equal(result.code, 1, result.stderr);
  const report = JSON.parse(result.stdout);
  assert.equal(report.summary.missing, 1);
  assert.equal(report.stale[0].file, 'fixtures/demo/intents/client2.yaml');
});

test('the bundled CLI reports bad input as exit 2 with file:line', async () => {
  const result = await cli(
    ['check', '--metrics', 'fixtures/demo/capture', '--intents', 'fixtures/bad/intents/head-method.yaml'],
    repoRoot,
  );
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^intent-drift: fixtures\/bad\/intents\/head-method\.yaml:16: /);
});

test('the bundled CLI finds its metrics worker (dist/metrics-worker.js) and gets the same report', async () => {
  const args = [
    'check',
    '--metrics',
    'fixtures/demo/capture',
    '--intents',
    'fixtures/demo/intents',
    '--format',
    'json',
  ];
  const inPlace = await cli(args, repoRoot);
  const withWorker = await run(process.execPath, [bin, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, INTENT_DRIFT_METRICS_WORKER_MIN_BYTES: '0' },
  }).catch((err: { code: number; stdout: string; stderr: string }) => err);
  assert.equal(inPlace.code, 1, inPlace.stderr);
  assert.equal(withWorker.stderr, '');
  assert.equal(withWorker.stdout, inPlace.stdout);
  assert.equal(JSON.parse(withWorker.stdout).summary.missing, 1);
});

test("the bundle carries the yaml package's ES build, without its per-token process.env lookup", async () => {
  const dist = path.join(repoRoot, 'dist');
  const files = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.js'));
  const yamlParser = [];
  for (const file of files) {
    const text = await readFile(path.join(dist, file), 'utf8');
    assert.ok(!text.includes('LOG_TOKENS'), `${file} holds the Node.js build of yaml`);
    if (text.includes('Not a YAML token')) yamlParser.push(file);
  }
  assert.equal(yamlParser.length, 1, 'the yaml parser should be bundled exactly once');
});

test('an offline check loads no network module: node:http, https, zlib and undici stay unloaded', async () => {
  // Importing node:http from an ES module reads all its exports, which loads undici: tens of
  // milliseconds on every run. Only the live sources (their own chunks) need the network.
  const report = 'process.on("exit",()=>process.stderr.write(JSON.stringify(process.moduleLoadList)))';
  const args = ['--import', `data:text/javascript,${report}`, bin, 'demo', '--format', 'text'];
  const result = await run(process.execPath, args, { cwd: repoRoot }).catch(
    (err: { code: number; stdout: string; stderr: string }) => err,
  );
  const loaded = JSON.parse(result.stderr) as string[];
  assert.ok(loaded.includes('NativeModule fs'), 'the list names the built-in modules loaded');
  const network = loaded.filter((m) =>
    /^NativeModule (https?|http2|zlib|internal\/deps\/undici\/undici)$/.test(m),
  );
  assert.deepEqual(network, []);
});

// A copy of bin/ and dist/ with the file each entry loads after setting the young generation
// deleted: Node alone would exit 1, which reads as drift.
async function withoutLoadedChunk(entry: string): Promise<{ dir: string; missing: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-partial-'));
  await cp(path.join(repoRoot, 'bin'), path.join(dir, 'bin'), { recursive: true });
  await cp(path.join(repoRoot, 'dist'), path.join(dir, 'dist'), { recursive: true });
  const text = await readFile(path.join(dir, 'dist', entry), 'utf8');
  const loaded = /import\("\.\/chunks\/([\w-]+\.js)"\)/.exec(text)?.[1];
  assert.ok(loaded !== undefined, `dist/${entry} loads no chunk by a dynamic import`);
  await rm(path.join(dir, 'dist', 'chunks', loaded));
  return { dir, missing: loaded };
}

test('a CLI or action whose dist/ lost the file it loads exits 2 and names that file', async () => {
  for (const [entry, script] of [
    ['cli.js', ['bin/intent-drift.js', 'demo']],
    ['index.js', ['dist/index.js']],
  ] as const) {
    const { dir, missing } = await withoutLoadedChunk(entry);
    try {
      const result = await run(process.execPath, [...script], {
        cwd: dir,
        env: { PATH: process.env.PATH },
      }).then(
        (r) => ({ code: 0, ...r }),
        (err: { code: number; stdout: string; stderr: string }) => err,
      );
      assert.equal(result.code, 2, `${entry}: ${result.stderr}`);
      assert.equal(
        result.stderr,
        `intent-drift: cannot load its own code (ERR_MODULE_NOT_FOUND: ${missing}): its dist/ folder is incomplete or damaged; install intent-drift again\n`,
      );
      assert.ok(!result.stderr.includes(dir), 'no absolute path');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
});
