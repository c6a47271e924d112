// The esbuild options dist/ is built with, shared by the benchmark so that it measures the
// code users run.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BuildOptions } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'package.json'));

// The `yaml` package ships two builds of the same source: CommonJS for Node.js and ES modules
// for other platforms. The Node.js one reads process.env.LOG_TOKENS for every token it parses
// (a debugging hook); with thousands of intents files that lookup alone cost about a tenth of
// the check. The ES build has no such hook; Node.js runs it as well.
const yamlEsm = path.join(path.dirname(require.resolve('yaml/package.json')), 'browser', 'index.js');

/** Scripts started as worker threads: entries of every bundle, found beside it at run time. */
export const workerEntries: Record<string, string> = {
  'metrics-worker': 'src/observe/metrics-worker.ts',
  'prometheus-worker': 'src/observe/live/prometheus-worker.ts',
};

export const bundleOptions: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  // Live sources are imported dynamically: they become chunks loaded only when used.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  // A native addon (a platform's .node file): loaded from node_modules at run time.
  external: ['@resvg/resvg-js'],
  alias: { yaml: yamlEsm },
  platform: 'node',
  format: 'esm',
  target: 'node22',
  legalComments: 'none',
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
};
