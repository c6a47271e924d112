// Flags for the verdict and the drift controls: one entry per flag (flag-spec.ts).
import type { FailOn } from '../model.ts';
import { FAIL_ON } from '../settings.ts';
import { type FlagSpec, filePath, oneOf, wholeNumber } from './flag-spec.ts';
import { CHECKING } from './flags-intents.ts';
import { OBSERVING } from './flags-observed.ts';

export const VERDICT_FLAGS: readonly FlagSpec[] = [
  {
    name: 'fail-on',
    value: 'WHAT',
    kind: 'string',
    group: 'verdict',
    commands: CHECKING,
    requires: { flag: 'intents', on: ['visualize'] },
    help: "missing, stale, any or none: what exits 1 (default: the config's failOn, else missing)",
    helpFor: {
      visualize:
        'missing, stale, any or none: exit 1 on that drift (default: exit 0 once the picture is written)',
    },
    apply: (s, v) => {
      s.failOn = oneOf<FailOn>('fail-on', v, FAIL_ON);
      s.failOnExplicit = true;
    },
  },
  {
    name: 'allow-empty',
    kind: 'boolean',
    group: 'verdict',
    commands: OBSERVING,
    help: 'nothing observed in scope (or only calls from outside the mesh, or no call with a method or path against HTTP rules) is a warning, not exit 2: for a cluster that truly had no traffic',
    apply: (s) => {
      s.allowEmpty = true;
    },
  },
  {
    name: 'config',
    value: 'FILE',
    kind: 'string',
    group: 'verdict',
    commands: [...CHECKING, 'export'],
    help: 'the drift controls (default: the nearest .intent-drift.yaml from here up to the repository root)',
    apply: (s, v) => {
      s.configFile = filePath('config', v);
    },
  },
  {
    name: 'no-templates',
    kind: 'boolean',
    group: 'verdict',
    commands: [...CHECKING, 'export'],
    help: 'keep raw paths; never suggest {*} templates',
    apply: (s) => {
      s.templates = false;
    },
  },
  {
    name: 'min-count',
    value: 'N',
    kind: 'string',
    group: 'verdict',
    commands: CHECKING,
    requires: { flag: 'intents', on: ['visualize'] },
    help: 'missing calls to an endpoint (its template or path) seen fewer than N times in all are noise',
    apply: (s, v) => {
      s.minCount = wholeNumber('min-count', v, 1);
    },
  },
  {
    name: 'baseline',
    value: 'FILE',
    kind: 'string',
    group: 'verdict',
    commands: CHECKING,
    requires: { flag: 'intents', on: ['visualize'] },
    help: 'report only drift that is not in this baseline',
    apply: (s, v) => {
      s.baselineFile = filePath('baseline', v);
    },
  },
  {
    name: 'write-baseline',
    value: 'FILE',
    kind: 'string',
    group: 'verdict',
    commands: ['check', 'demo'],
    help: "record today's drift as the baseline; exits 0 once written (unless --fail-on is given)",
    apply: (s, v) => {
      s.writeBaselineFile = filePath('write-baseline', v);
    },
  },
  {
    name: 'fix',
    kind: 'boolean',
    group: 'verdict',
    commands: ['check'],
    help: 'add the missing calls to the local intents files (the edit the action suggests), and print the files changed',
    apply: (s) => {
      s.fix = true;
    },
  },
  {
    name: 'prune-stale',
    kind: 'boolean',
    group: 'verdict',
    commands: ['check'],
    requires: { flag: 'fix' },
    help: 'with --fix, also remove the stale rules (not those of clients the run never drove)',
    apply: (s) => {
      s.pruneStale = true;
    },
  },
];
