// Bundles the benchmark's child scripts with dist/'s esbuild options into bench/out/bundle, so
// the benchmark measures the code users run. `node bench/bundle.ts` does it alone.
import path from 'node:path';
import { build } from 'esbuild';
import { bundleOptions, workerEntries } from '../scripts/bundle-options.ts';

export const BUNDLE_DIR = path.join(import.meta.dirname, 'out', 'bundle');

export async function bundleBench(): Promise<string> {
  await build({
    ...bundleOptions,
    entryPoints: {
      'run-check': path.join(import.meta.dirname, 'run-check.ts'),
      'run-stages': path.join(import.meta.dirname, 'run-stages.ts'),
      'run-prometheus': path.join(import.meta.dirname, 'run-prometheus.ts'),
      ...workerEntries,
    },
    outdir: BUNDLE_DIR,
  });
  return BUNDLE_DIR;
}

if (import.meta.main) await bundleBench();
