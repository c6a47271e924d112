// The embedded demo (`intent-drift demo`): where its capture and intents sit in the installed
// package, and the settings that point `check` at them.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from './errors.ts';
import type { Settings } from './settings.ts';

/**
 * The embedded demo's folder: `fixtures/demo` in the package root, the first folder above this
 * module that holds `fixtures/demo` (this code may sit in src/, dist/ or a chunk in dist/chunks/).
 */
export function demoDirectory(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'fixtures', 'demo');
    if (existsSync(path.join(candidate, 'workloads.yaml'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new InputError('the embedded demo (fixtures/demo) is not part of this installation');
    dir = parent;
  }
}

/**
 * Settings that point `check` at the embedded demo: its sources replace the user's, paths the
 * user gave (report, config, baseline) stay where the user meant them, and the demo's own paths
 * are shown relative to the package root.
 */
export function demoSettings(base: Settings): Settings {
  const dir = demoDirectory();
  const root = path.resolve(dir, '..', '..');
  const rel = (p: string) => path.relative(root, path.join(dir, p));
  const users = (p: string | undefined) => (p === undefined ? undefined : path.resolve(base.cwd, p));
  return {
    ...base,
    cwd: root,
    source: 'metrics',
    intents: [rel('intents')],
    metrics: [rel('capture')],
    snapshots: [],
    workloads: [rel('workloads.yaml')],
    reportFile: users(base.reportFile),
    sarifFile: users(base.sarifFile),
    junitFile: users(base.junitFile),
    writeBaselineFile: users(base.writeBaselineFile),
    baselineFile: users(base.baselineFile),
    configFile: users(base.configFile),
    // The demo is not the user's repository: its config is only the one given with --config.
    findConfig: false,
  };
}
