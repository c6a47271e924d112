// How an entry says that it could not load the program: the error's code or name and the
// missing file's base name, nothing a terminal acts on and no absolute path.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { loadFailure } from '../../src/load-program.ts';

const root = path.join(import.meta.dirname, '..', '..');
const TAIL = ': its dist/ folder is incomplete or damaged; install intent-drift again';

test('a missing module: its code and base name', () => {
  const err = Object.assign(new Error('Cannot find module /home/u/x/dist/chunks/main-AB12.js'), {
    code: 'ERR_MODULE_NOT_FOUND',
    url: 'file:///home/u/x/dist/chunks/main-AB12.js',
  });
  assert.equal(
    loadFailure(err),
    `intent-drift: cannot load its own code (ERR_MODULE_NOT_FOUND: main-AB12.js)${TAIL}`,
  );
});

test('a damaged file: the error name; characters outside file names shown as ?', () => {
  assert.equal(
    loadFailure(new SyntaxError('Unexpected token')),
    `intent-drift: cannot load its own code (SyntaxError)${TAIL}`,
  );
  const hostile = { code: 'E\u001b[2J', url: 'file:///x/ch\u202eunk\n.js' };
  assert.equal(loadFailure(hostile), `intent-drift: cannot load its own code (E??2J: ch?unk?.js)${TAIL}`);
  assert.equal(loadFailure(undefined), `intent-drift: cannot load its own code (an error)${TAIL}`);
  assert.equal(loadFailure('text'), `intent-drift: cannot load its own code (an error)${TAIL}`);
});

// The entries as the sources run them, with a resolve hook that makes the module each loads
// after the young generation's size missing (dist/ is checked by test/cli/bundle.test.ts).
test('each entry from src: the module it loads missing is exit 2, with that module named', () => {
  for (const [entry, loaded] of [
    ['src/cli/entry.ts', './cli-process.ts'],
    ['src/index.ts', './action/main.ts'],
  ] as const) {
    const hook =
      "import { registerHooks } from 'node:module';" +
      `registerHooks({ resolve(specifier, context, next) { if (specifier === ${JSON.stringify(loaded)}) {` +
      "const err = new Error('not found'); err.code = 'ERR_MODULE_NOT_FOUND';" +
      'err.url = new URL(specifier, context.parentURL).href; throw err; } return next(specifier, context); } });';
    const child = spawnSync(
      process.execPath,
      ['--import', `data:text/javascript,${encodeURIComponent(hook)}`, entry, 'demo'],
      {
        cwd: root,
        encoding: 'utf8',
        env: { PATH: process.env.PATH },
      },
    );
    assert.equal(child.status, 2, `${entry}: ${child.stderr}`);
    const file = loaded.slice(loaded.lastIndexOf('/') + 1);
    assert.equal(
      child.stderr,
      `intent-drift: cannot load its own code (ERR_MODULE_NOT_FOUND: ${file})${TAIL}\n`,
    );
  }
});
