// A checkout's symbolic links are the pull request's choice: a file of the repository that
// leads out of it (or into .git) is neither read nor written through, whatever names it (the
// config, the baseline, intents, metrics, workloads, --report, --sarif, --junit,
// --write-baseline). Paths outside the repository stay the caller's choice.
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot, runCli } from './run-cli.ts';

const SECRET = 'ghs_0123456789abcdefSECRET';
const DEMO = ['--metrics', 'capture', '--intents', 'intents', '--workloads', 'workloads.yaml'];

/** The demo as a git checkout (a `.git` folder with credentials in its config), and a folder outside it. */
async function checkout(): Promise<{ repo: string; outside: string }> {
  const top = await mkdtemp(path.join(tmpdir(), 'intent-drift-links-'));
  const repo = path.join(top, 'repo');
  const outside = path.join(top, 'outside');
  await mkdir(path.join(repo, '.git'), { recursive: true });
  await mkdir(outside);
  await writeFile(
    path.join(repo, '.git', 'config'),
    `[http]\n\textraheader = AUTHORIZATION: basic ${SECRET}\n`,
  );
  await writeFile(path.join(outside, 'secret.yaml'), `token: ${SECRET}\n`);
  await writeFile(path.join(outside, 'keep.txt'), 'untouched\n');
  for (const name of ['intents', 'capture', 'workloads.yaml']) {
    await cp(path.join(repoRoot, 'fixtures', 'demo', name), path.join(repo, name), { recursive: true });
  }
  return { repo, outside };
}

const refused = /leads out of the repository through a symbolic link: refused/;

describe('reads stay in the repository', () => {
  test('a config that is a link into .git is refused (exit 2), its text never shown', async () => {
    const { repo } = await checkout();
    await symlink('.git/config', path.join(repo, '.intent-drift.yaml'));
    const run = await runCli(['check', ...DEMO], { cwd: repo });
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /\.intent-drift\.yaml: leads into git's own folder \(\.git\): refused/);
    assert.ok(!`${run.stdout}${run.stderr}`.includes(SECRET));
  });

  test('a baseline, an intents file, a metrics file or a manifest leading outside is refused', async () => {
    const cases: [string, string[], string][] = [
      ['base.json', [...DEMO, '--baseline', 'base.json'], 'base.json'],
      ['intents/evil.yaml', DEMO, 'intents/evil.yaml'],
      ['capture/evil.prom', DEMO, 'capture/evil.prom'],
      ['manifests.yaml', [...DEMO, '--workloads', 'manifests.yaml'], 'manifests.yaml'],
      ['ci/drift.yaml', [...DEMO, '--config', 'ci/drift.yaml'], 'ci/drift.yaml'],
    ];
    for (const [link, args, shown] of cases) {
      const { repo, outside } = await checkout();
      await mkdir(path.dirname(path.join(repo, link)), { recursive: true });
      await symlink(path.join(outside, 'secret.yaml'), path.join(repo, link));
      const run = await runCli(['check', ...args], { cwd: repo });
      assert.equal(run.code, 2, `${link}: ${run.stderr}`);
      assert.match(run.stderr, new RegExp(`${shown.replace('.', '\\.')}: ${refused.source}`), link);
      assert.ok(!`${run.stdout}${run.stderr}`.includes(SECRET), link);
    }
  });

  test('a folder of intents given as a link out of the repository is refused as well', async () => {
    const { repo, outside } = await checkout();
    await cp(path.join(repo, 'intents'), path.join(outside, 'intents'), { recursive: true });
    await symlink(path.join(outside, 'intents'), path.join(repo, 'linked'));
    const run = await runCli(['check', '--metrics', 'capture', '--intents', 'linked'], { cwd: repo });
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, new RegExp(`linked: ${refused.source}`));
  });

  test('an intents glob that matches a link out of the repository is refused, its file never read', async () => {
    const { repo, outside } = await checkout();
    await symlink(path.join(outside, 'secret.yaml'), path.join(repo, 'intents', 'evil.yaml'));
    const run = await runCli(['check', '--metrics', 'capture', '--intents', 'intents/*.yaml'], { cwd: repo });
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, new RegExp(`intents/evil\\.yaml: ${refused.source}`));
    assert.ok(!`${run.stdout}${run.stderr}`.includes(SECRET));
  });

  test('a metrics folder given as a link out of the repository is refused, its files never read', async () => {
    const { repo, outside } = await checkout();
    await cp(path.join(repo, 'capture'), path.join(outside, 'capture'), { recursive: true });
    await symlink(path.join(outside, 'capture'), path.join(repo, 'linked'));
    const run = await runCli(['check', '--metrics', 'linked', '--intents', 'intents'], { cwd: repo });
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, new RegExp(`linked: ${refused.source}`));
  });

  test('links that stay inside the repository, and paths outside it, are read as before', async () => {
    const { repo, outside } = await checkout();
    await symlink('client2.yaml', path.join(repo, 'intents', 'again.yml'));
    await cp(path.join(repo, 'capture'), path.join(outside, 'capture'), { recursive: true });
    const run = await runCli(['check', '--metrics', path.join(outside, 'capture'), '--intents', 'intents'], {
      cwd: repo,
    });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /DRIFT: 1 missing, 1 stale/);
  });
});

describe('writes stay in the repository', () => {
  test('--report, --sarif, --junit and --write-baseline through a link out are refused; nothing is written', async () => {
    for (const flag of ['--report', '--sarif', '--junit', '--write-baseline']) {
      const { repo, outside } = await checkout();
      await symlink(path.join(outside, 'keep.txt'), path.join(repo, 'out.json'));
      const run = await runCli(['check', ...DEMO, flag, 'out.json'], { cwd: repo });
      assert.equal(run.code, 2, `${flag}: ${run.stderr}`);
      assert.match(run.stderr, new RegExp(`out\\.json: ${refused.source}`), flag);
      assert.equal(await readFile(path.join(outside, 'keep.txt'), 'utf8'), 'untouched\n', flag);
    }
  });

  test('export, policies and visualize -o through a link out are refused; nothing is written', async () => {
    const commands: [string[], string][] = [
      [['export', '--metrics', 'capture', '-o', 'out.yaml'], 'out.yaml'],
      [['export', '--metrics', 'capture', '--output-type', 'dir', '-o', 'outdir'], 'outdir'],
      [['policies', '--intents', 'intents', '-o', 'out.yaml'], 'out.yaml'],
      [['visualize', '--metrics', 'capture', '-o', 'out.svg'], 'out.svg'],
    ];
    for (const [args, link] of commands) {
      const { repo, outside } = await checkout();
      await symlink(link === 'outdir' ? outside : path.join(outside, 'keep.txt'), path.join(repo, link));
      const run = await runCli(args, { cwd: repo });
      assert.equal(run.code, 2, `${args[0]}: ${run.stderr}`);
      assert.match(run.stderr, new RegExp(`${link.replace('.', '\\.')}: ${refused.source}`), args[0]);
      assert.deepEqual((await readdir(outside)).sort(), ['keep.txt', 'secret.yaml'], args[0]);
      assert.equal(await readFile(path.join(outside, 'keep.txt'), 'utf8'), 'untouched\n', args[0]);
    }
  });

  test('a folder that is a link out, or a link to nothing outside, is not written through', async () => {
    const { repo, outside } = await checkout();
    await symlink(outside, path.join(repo, 'reports'));
    const viaFolder = await runCli(['check', ...DEMO, '--report', 'reports/new/r.json'], { cwd: repo });
    assert.equal(viaFolder.code, 2, viaFolder.stderr);
    assert.match(viaFolder.stderr, new RegExp(`reports/new/r\\.json: ${refused.source}`));
    await symlink(path.join(outside, 'created.json'), path.join(repo, 'dangling.json'));
    const dangling = await runCli(['check', ...DEMO, '--sarif', 'dangling.json'], { cwd: repo });
    assert.equal(dangling.code, 2, dangling.stderr);
    assert.deepEqual((await readdir(outside)).sort(), ['keep.txt', 'secret.yaml']);
  });

  test('into .git through a link is refused; a link inside the repository, or a path outside it, is written', async () => {
    const { repo, outside } = await checkout();
    await symlink('.git/hooks-report.json', path.join(repo, 'hook.json'));
    const hook = await runCli(['check', ...DEMO, '--report', 'hook.json'], { cwd: repo });
    assert.equal(hook.code, 2, hook.stderr);
    assert.match(hook.stderr, /hook\.json: leads into git's own folder \(\.git\): refused/);

    await mkdir(path.join(repo, 'out'));
    await symlink('out/report.json', path.join(repo, 'report.json'));
    const inside = await runCli(['check', ...DEMO, '--report', 'report.json'], { cwd: repo });
    assert.equal(inside.code, 1, inside.stderr);
    assert.equal(
      JSON.parse(await readFile(path.join(repo, 'out', 'report.json'), 'utf8')).summary.missing,
      1,
    );

    const elsewhere = await runCli(['check', ...DEMO, '--report', path.join(outside, 'r.json')], {
      cwd: repo,
    });
    assert.equal(elsewhere.code, 1, elsewhere.stderr);
    assert.ok((await readdir(outside)).includes('r.json'));
  });
});

describe('writes inside the repository', () => {
  test('a checkout reached through a symbolic link (a runner whose work folder is a link) is written in, new folders made', async () => {
    const { repo } = await checkout();
    const via = path.join(path.dirname(repo), 'work');
    await symlink(repo, via);
    const run = await runCli(['check', ...DEMO, '--report', 'out/new/r.json'], { cwd: via });
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(await readFile(path.join(repo, 'out', 'new', 'r.json'), 'utf8'));
    assert.equal(report.summary.missing, 1);
  });

  test('export --output-type dir -o . writes into the repository root itself', async () => {
    const { repo } = await checkout();
    const run = await runCli(['export', '--metrics', 'capture', '--output-type', 'dir', '-o', '.'], {
      cwd: repo,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.ok((await readdir(repo)).some((name) => name.endsWith('.yaml') && name !== 'workloads.yaml'));
  });

  test('a link to a link to a file yet to be written, all inside the repository, is written through', async () => {
    const { repo } = await checkout();
    await mkdir(path.join(repo, 'out'));
    await symlink('second.json', path.join(repo, 'first.json'));
    await symlink('out/final.json', path.join(repo, 'second.json'));
    const run = await runCli(['check', ...DEMO, '--report', 'first.json'], { cwd: repo });
    assert.equal(run.code, 1, run.stderr);
    assert.ok((await readdir(path.join(repo, 'out'))).includes('final.json'));
  });

  test('a refusal names the path as given, not where it lives on the runner', async () => {
    const { repo, outside } = await checkout();
    await symlink(path.join(outside, 'keep.txt'), path.join(repo, 'out.json'));
    const run = await runCli(['check', ...DEMO, '--report', 'out.json'], { cwd: repo });
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, new RegExp(`^intent-drift: out\\.json: ${refused.source}`));
    assert.ok(!run.stderr.includes(repo));
  });
});

describe('the repository by where it really is', () => {
  test('a path into the repository through another name of it (a link to the checkout) is guarded too', async () => {
    const { repo, outside } = await checkout();
    const alias = path.join(path.dirname(repo), 'alias');
    await symlink(repo, alias);
    await symlink(path.join(outside, 'keep.txt'), path.join(repo, 'out.json'));
    const run = await runCli(['check', ...DEMO, '--report', path.join(alias, 'out.json')], { cwd: repo });
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, new RegExp(refused.source));
    assert.equal(await readFile(path.join(outside, 'keep.txt'), 'utf8'), 'untouched\n');
  });
});
