// Bundles the CLI (and later the action) into dist/, which is committed: users run dist/, not src/.
// `node scripts/build.ts --check` rebuilds into a temporary folder and fails when dist/ differs.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { bundleOptions, workerEntries } from './bundle-options.ts';
import { PAGE_SCRIPT_FILE, pageScriptIsFresh, writePageScript } from './page-script.ts';

const root = path.resolve(import.meta.dirname, '..');
const entries: Record<string, string> = {
  cli: 'src/cli/entry.ts',
  // The action (action.yml runs dist/index.js).
  index: 'src/index.ts',
  ...workerEntries,
};

async function bundle(outdir: string): Promise<void> {
  await build({ ...bundleOptions, entryPoints: entries, outdir });
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

async function sameTree(a: string, b: string): Promise<string[]> {
  const differ: string[] = [];
  const names = new Set([...(await filesUnder(a)), ...(await filesUnder(b))]);
  for (const name of names) {
    const [x, y] = await Promise.all([
      readFile(path.join(a, name)).catch(() => undefined),
      readFile(path.join(b, name)).catch(() => undefined),
    ]);
    if (x === undefined || y === undefined || !x.equals(y)) differ.push(name);
  }
  return differ;
}

if (process.argv.includes('--check')) {
  const tmp = await mkdtemp(path.join(tmpdir(), 'intent-drift-dist-'));
  try {
    await bundle(tmp);
    const differ = await sameTree(tmp, path.join(root, 'dist'));
    if (!(await pageScriptIsFresh())) differ.push(PAGE_SCRIPT_FILE);
    if (differ.length > 0) {
      console.error(`dist/ is stale (${differ.join(', ')}): run npm run build and commit dist/`);
      process.exitCode = 1;
    } else {
      console.log('dist/ is up to date');
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
} else {
  // The map page's script is part of src/, bundled into dist/ with the rest: first.
  await writePageScript();
  // Chunk names carry content hashes: start clean so no stale chunk stays behind.
  await rm(path.join(root, 'dist'), { recursive: true, force: true });
  await bundle(path.join(root, 'dist'));
}
