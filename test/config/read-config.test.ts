import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { driftControls, namespacesOfEnvironment } from '../../src/config/drift-config.ts';
import { loadDriftConfig, parseDriftConfig } from '../../src/config/read-config.ts';
import { isInputError } from '../../src/errors.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = path.join(ROOT, 'fixtures', 'config');

describe('a valid config', () => {
  test('every key is read, each ignore rule with its line', async () => {
    const config = await loadDriftConfig({ cwd: FIXTURES, file: 'good.yaml' });
    assert.equal(config.file, 'good.yaml');
    assert.deepEqual(config.ignore, [
      {
        file: 'good.yaml',
        line: 3,
        client: 'shop/frontend',
        server: 'shop/orders',
        method: 'POST',
        path: '/orders',
      },
      { file: 'good.yaml', line: 8, server: 'monitoring/*' },
      { file: 'good.yaml', line: 9, method: 'GET', path: '/healthz*' },
      { file: 'good.yaml', line: 11, client: '*', path: '/users/{*}/avatar' },
    ]);
    assert.equal(config.templates, true);
    assert.equal(config.minCount, 3);
    assert.equal(config.failOn, 'any');
    assert.equal(config.clientIdle, 'fail');
    assert.deepEqual(config.overrides, [{ client: 'legacy/*', failOn: 'none', file: 'good.yaml', line: 18 }]);
    assert.deepEqual(config.environments, { shop: 'prod', 'shop-staging': 'staging' });
    assert.deepEqual(namespacesOfEnvironment(config, 'prod'), ['shop']);
    assert.deepEqual(namespacesOfEnvironment(config, 'qa'), []);
  });

  test("an environment's namespaces come sorted, whatever the config's order", () => {
    const config = parseDriftConfig(
      'environments:\n  web: prod\n  api: prod\n  shop-staging: staging\n',
      'c.yaml',
    );
    assert.deepEqual(namespacesOfEnvironment(config, 'prod'), ['api', 'web']);
  });

  test('an environment is named whole: prod is not production, nor Prod', () => {
    const config = parseDriftConfig(
      'environments:\n  web: prod\n  billing: production\n  legacy: Prod\n  shop: pro\n',
      'c.yaml',
    );
    assert.deepEqual(namespacesOfEnvironment(config, 'prod'), ['web']);
    assert.deepEqual(namespacesOfEnvironment(config, 'production'), ['billing']);
    assert.deepEqual(namespacesOfEnvironment(config, 'pro'), ['shop']);
  });

  test('an empty file, or keys set to null, give the defaults', () => {
    for (const text of ['', '# nothing\n', 'ignore:\nminCount:\n']) {
      const config = parseDriftConfig(text, 'c.yaml');
      assert.deepEqual(
        [config.ignore, config.templates, config.minCount, config.failOn, config.clientIdle],
        [[], true, 1, undefined, 'warn'],
      );
    }
  });

  test('the command line wins over the config, the config over the defaults', () => {
    const config = parseDriftConfig('failOn: stale\ntemplates: true\nminCount: 4\n', 'c.yaml');
    const fromConfig = driftControls(config);
    assert.equal(fromConfig.policy?.failOn, 'stale');
    assert.equal(fromConfig.minCount, 4);
    const fromFlags = driftControls(config, {
      failOn: 'none',
      templates: false,
      minCount: 1,
      namespaces: ['a'],
    });
    assert.deepEqual(
      [fromFlags.policy?.failOn, fromFlags.templates, fromFlags.minCount, fromFlags.namespaces],
      ['none', false, 1, ['a']],
    );
    assert.equal(driftControls(parseDriftConfig('', 'c.yaml')).policy?.failOn, 'missing');
  });
});

describe('finding the file', () => {
  test('no default file: defaults; an explicit file that is missing: InputError', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'intent-drift-config-'));
    try {
      const config = await loadDriftConfig({ cwd: dir });
      assert.equal(config.file, undefined);
      await assert.rejects(
        loadDriftConfig({ cwd: dir, file: 'nope.yaml' }),
        (err) => isInputError(err) && /^nope\.yaml: cannot read: ENOENT/.test(String(err)),
      );
      await writeFile(path.join(dir, '.intent-drift.yaml'), 'minCount: 2\n');
      const found = await loadDriftConfig({ cwd: dir });
      assert.deepEqual([found.file, found.minCount], ['.intent-drift.yaml', 2]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('bad configs: each error names file:line', async () => {
  const dir = path.join(FIXTURES, 'bad');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort();
  test('the corpus is there', () => assert.ok(files.length >= 20));
  for (const name of files) {
    test(name, async () => {
      const text = await readFile(path.join(dir, name), 'utf8');
      const expect = /^# expect: (\d+): (.*)$/m.exec(text);
      assert.ok(expect, `${name} has no "# expect:" line`);
      const [, line, message] = expect;
      await assert.rejects(loadDriftConfig({ cwd: dir, file: name }), (err) => {
        assert.ok(isInputError(err), String(err));
        assert.match(String(err), new RegExp(`^${name.replace('.', '\\.')}:${line}: ${message}`));
        return true;
      });
    });
  }
});
