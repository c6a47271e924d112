// Flags for the declared intents and the scope of a check: one entry per flag (flag-spec.ts).

import { InputError } from '../errors.ts';
import { isDnsLabel } from '../kubernetes-names.ts';
import { namespaceList } from '../settings.ts';
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
    help: 'ClientIntents, YAML or JSON: a file, a folder (recursive; its *.yaml, *.yml and *.json, extensions in lower case as kubectl reads a folder) or a glob; repeatable',
    apply: (s, v) => {
      s.intents = v.map((p) => filePath('intents', p));
    },
  },
  {
    name: 'default-namespace',
    value: 'NS',
    kind: 'string',
    group: 'intents',
    commands: ['check', 'visualize', 'policies'],
    requires: { flag: 'intents', on: ['visualize'] },
    help: 'the namespace of ClientIntents without metadata.namespace (as kubectl apply -n NS); default: the -n namespace when exactly one is given, else such ClientIntents are an error',
    apply: (s, v) => {
      // A namespace given here must be one Kubernetes could hold (an RFC 1123 label).
      if (!isDnsLabel(v)) {
        throw new InputError(`--default-namespace must be a Kubernetes namespace name (got '${v}')`);
      }
      s.defaultNamespace = v;
    },
  },
  {
    name: 'namespace',
    short: 'n',
    value: 'NS',
    kind: 'list',
    group: 'intents',
    commands: [...OBSERVING, 'policies', 'demo'],
    help: 'only clients in these namespaces; repeatable, and comma lists (-n shop,web); a namespace with nothing observed and nothing declared is an error',
    apply: (s, v) => {
      s.namespaces = namespaceList(v, '--namespace');
    },
  },
  {
    name: 'environment',
    value: 'NAME',
    kind: 'string',
    group: 'intents',
    commands: CHECKING,
    requires: { flag: 'intents', on: ['visualize'] },
    help: "only the namespaces the config's environments map to this name; one with nothing observed and nothing declared is an error",
    apply: (s, v) => {
      s.environment = v;
    },
  },
];
