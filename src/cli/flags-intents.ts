// Flags for the declared intents and the scope of a check: one entry per flag (flag-spec.ts).
import type { Command } from './command-table.ts';
import { type FlagSpec, filePath } from './flag-spec.ts';
import { OBSERVING } from './flags-observed.ts';

/** The commands that run the diff (visualize only with --intents). */
export const CHECKING: readonly Command[] = ['check', 'demo', 'visualize'];

export const INTENTS_FLAGS: readonly FlagSpec[] = [
  {
    name: 'intents',
    value: 'PATH',
    kind: 'list',
    group: 'intents',
    commands: ['check', 'visualize', 'policies'],
    help: 'ClientIntents: a file, a folder (recursive, *.yaml/*.yml) or a glob; repeatable',
    apply: (s, v) => {
      s.intents = v.map((p) => filePath('intents', p));
    },
  },
  {
    name: 'namespace',
    short: 'n',
    value: 'NS',
    kind: 'list',
    group: 'intents',
    commands: [...OBSERVING, 'policies', 'demo'],
    help: 'only clients in this namespace; repeatable',
    apply: (s, v) => {
      s.namespaces = v;
    },
  },
  {
    name: 'environment',
    value: 'NAME',
    kind: 'string',
    group: 'intents',
    commands: CHECKING,
    requires: { flag: 'intents', on: ['visualize'] },
    help: "only the namespaces the config's environments map to this name",
    apply: (s, v) => {
      s.environment = v;
    },
  },
];
