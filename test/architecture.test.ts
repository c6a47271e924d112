// The folders are the architecture: each may import only the rooms beneath it, nothing imports in
// a circle (type-only imports included), and no file grows past what one concept needs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { importCycles, readSourceModules, specifiersOf } from '../scripts/import-graph.ts';

const root = path.resolve(import.meta.dirname, '..');
const modules = readSourceModules(root);
const MAX_LINES = 350;

/** The modules at the top of src/ that every stage may use. */
const SHARED = [
  'kubernetes-names',
  'errors',
  'model',
  'order',
  'settings',
  'version',
  'display-path',
  'safe-text',
  'regular-file',
  'contained-path',
  'repository-root',
  'repository-links',
];

/** What each folder may import besides itself and SHARED; `pipeline` is the orchestration. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  yaml: [],
  observe: [],
  diff: [],
  config: ['yaml', 'diff'],
  declare: ['yaml', 'diff'],
  report: ['diff'],
  deliver: ['declare', 'diff', 'report'],
  cluster: ['observe', 'yaml', 'pipeline'],
  cli: [
    'pipeline',
    'demo-settings',
    'observe',
    'declare',
    'diff',
    'config',
    'report',
    'yaml',
    'deliver',
    'young-generation',
    'load-program',
  ],
  action: ['pipeline', 'observe', 'declare', 'diff', 'config', 'report', 'yaml', 'deliver', 'cluster'],
  pipeline: ['observe', 'declare', 'diff', 'config', 'yaml'],
  /** The embedded demo's folder and settings (`intent-drift demo`). */
  'demo-settings': [],
  /** V8's young generation, set by the two entries before they load the rest. */
  'young-generation': [],
  /** How the two entries load the rest: a file that cannot be loaded is exit 2. */
  'load-program': [],
  index: ['action', 'young-generation', 'load-program'],
};

/** `src/cli/main.ts` → `cli`; `src/pipeline.ts` → `pipeline`. */
function roomOf(file: string): string {
  const parts = file.split('/');
  return parts.length > 2 ? parts[1]! : path.posix.basename(file, '.ts');
}

describe('architecture', () => {
  test('the reader finds every kind of import', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "export { c } from './c.ts';",
      "export type { D } from './d.ts';",
      "const e = await import('./e.ts');",
      "import './f.ts';",
      'import {\n  g,\n  type H,\n} from "./g.ts";',
    ].join('\n');
    assert.deepEqual(specifiersOf(text), [
      './a.ts',
      '../b.ts',
      './c.ts',
      './d.ts',
      './e.ts',
      './f.ts',
      './g.ts',
    ]);
  });

  test('the cycle finder sees a cycle through type-only imports and a self-import', () => {
    const edges = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    assert.deepEqual(importCycles(edges), [['a', 'b', 'c'], ['e']]);
  });

  test('src/ has no import cycle', () => {
    const edges = new Map(modules.map((m) => [m.file, m.imports]));
    assert.deepEqual(importCycles(edges), []);
  });

  test('every relative import names a file that exists', () => {
    const files = new Set(modules.map((m) => m.file));
    // Data imported as JSON (the CRD's schemas) is not a module of the graph, but must exist.
    const exists = (i: string) => files.has(i) || (i.endsWith('.json') && existsSync(path.join(root, i)));
    const broken = modules.flatMap((m) =>
      m.imports.filter((i) => !exists(i)).map((i) => `${m.file} -> ${i}`),
    );
    assert.deepEqual(broken, []);
  });

  test(`no file in src/ is over ${MAX_LINES} lines`, () => {
    // A generated file (the map page's bundled script) is read from its sources, not as one.
    const written = modules.filter((m) => !m.file.endsWith('.generated.ts'));
    const long = written.filter((m) => m.lines > MAX_LINES).map((m) => `${m.file}: ${m.lines}`);
    assert.deepEqual(long, []);
  });

  test('each folder imports only the rooms beneath it', () => {
    const wrong: string[] = [];
    for (const m of modules) {
      const from = roomOf(m.file);
      const allowed = MAY_IMPORT[from];
      if (allowed === undefined) {
        if (!SHARED.includes(from)) wrong.push(`${m.file}: src/${from} is not a known room`);
        continue;
      }
      for (const target of m.imports) {
        const to = roomOf(target);
        if (to !== from && !SHARED.includes(to) && !allowed.includes(to))
          wrong.push(`${m.file} -> ${target}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  test('the shared modules import no stage', () => {
    const wrong = modules
      .filter((m) => SHARED.includes(roomOf(m.file)))
      .flatMap((m) => m.imports.filter((i) => !SHARED.includes(roomOf(i))).map((i) => `${m.file} -> ${i}`));
    assert.deepEqual(wrong, []);
  });

  test('every repository file a comment in src/ or scripts/, or the docs, names exists', () => {
    // Comments and docs are how the next engineer finds the code: a path left behind by a move
    // sends them nowhere. Globs and placeholders (`*`, `{`) are patterns, not names.
    const named = /\b(?:src|scripts|test|docs|fixtures|bench|bin)\/[\w./-]*\w\.(?:ts|js|json|md|ya?ml)\b/g;
    const texts = ['README.md', 'CONTRIBUTING.md', 'action.yml'];
    for (const dir of ['src', 'scripts', 'docs']) {
      for (const e of readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
        if (e.isFile() && /\.(ts|md)$/.test(e.name) && !e.name.endsWith('.generated.ts'))
          texts.push(path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
      }
    }
    const missing: string[] = [];
    const present: [string, string][] = [];
    for (const file of texts) {
      for (const m of readFileSync(path.join(root, file), 'utf8').matchAll(named)) {
        if (existsSync(path.join(root, m[0]))) present.push([file, m[0]]);
        else missing.push(`${file} -> ${m[0]}`);
      }
    }
    // A file git ignores (what `npm run bench` builds under bench/out/) is here only where it
    // was made: a clean clone has none of it.
    const ignored = gitIgnored(present.map(([, name]) => name));
    for (const [file, name] of present)
      if (ignored.has(name)) missing.push(`${file} -> ${name} (ignored by git)`);
    assert.deepEqual(missing, []);
  });

  test('only the action’s shell imports @actions/core', () => {
    const users = modules.filter((m) => m.packages.includes('@actions/core')).map((m) => m.file);
    assert.deepEqual(users, ['src/action/main.ts']);
  });
});

/** Which of the names git ignores (`git check-ignore` exits 1 when it ignores none of them). */
function gitIgnored(names: string[]): Set<string> {
  try {
    const out = execFileSync('git', ['check-ignore', '--stdin'], {
      cwd: root,
      input: names.join('\n'),
      encoding: 'utf8',
    });
    return new Set(out.split('\n').filter((line) => line !== ''));
  } catch (err) {
    if ((err as { status?: number }).status === 1) return new Set();
    throw err;
  }
}
