// The commands of `intent-drift`, one entry each: what `--help` says about them, their two
// examples, and whether drift decides their exit code. The flags are in flag-table.ts.

export const COMMANDS = [
  'check',
  'list',
  'export',
  'visualize',
  'policies',
  'capture',
  'reset',
  'demo',
] as const;
export type Command = (typeof COMMANDS)[number];

export interface CommandSpec {
  name: Command;
  /** One line, for the command list. */
  summary: string;
  /** The usage line after `intent-drift `. */
  usage: string;
  /** Two runs a user can copy, each with what it does. */
  examples: readonly { run: string; does: string }[];
  /**
   * `drift`: the exit code is 1 on failing drift (check, demo). `output`: 0 once the output is
   * written; drift decides only when `--fail-on` is given explicitly.
   */
  exit: 'drift' | 'output';
}

export const COMMAND_TABLE: readonly CommandSpec[] = [
  {
    name: 'check',
    summary: 'read the observed calls and the declared intents, diff them, report',
    usage:
      'check --intents PATH (--metrics PATH | --snapshot FILE | --prometheus-url URL | a kubeconfig) [flags]',
    examples: [
      {
        run: 'intent-drift check --intents deploy/intents --metrics capture/',
        does: 'diff the sidecar metrics in capture/ against the intents; exit 1 on a missing call',
      },
      {
        run: 'intent-drift check --intents deploy/intents --metrics capture/ --fix',
        does: 'also add the missing calls to the intents files, keeping their comments',
      },
    ],
    exit: 'drift',
  },
  {
    name: 'list',
    summary: 'print the observed calls, grouped by client',
    usage: 'list (--metrics PATH | --snapshot FILE | --prometheus-url URL | a kubeconfig) [flags]',
    examples: [
      { run: 'intent-drift list --metrics capture/', does: 'who calls whom, with methods and paths' },
      {
        run: 'kubectl get --raw /api/v1/namespaces/shop/pods/web-0:15020/proxy/stats/prometheus | intent-drift list --metrics - --format json',
        does: "one sidecar's calls, read from stdin, as JSON",
      },
    ],
    exit: 'output',
  },
  {
    name: 'export',
    summary: 'write the observed calls as ClientIntents',
    usage:
      'export (--metrics PATH | --snapshot FILE | --prometheus-url URL | a kubeconfig) [-o PATH] [flags]',
    examples: [
      {
        run: 'intent-drift export --metrics capture/ --workloads deploy/ -o intents/',
        does: 'one ClientIntents per client, with the workload kinds from the manifests',
      },
      {
        run: 'intent-drift export --snapshot staging.json --output-type dir -o intents/',
        does: 'one file per client, named <workload>.<namespace>.yaml',
      },
    ],
    exit: 'output',
  },
  {
    name: 'visualize',
    summary: 'draw the calls and, with --intents, the drift as SVG, PNG or HTML',
    usage:
      'visualize -o FILE.svg|.png|.html (--metrics PATH | --snapshot FILE | ...) [--intents PATH] [flags]',
    examples: [
      {
        run: 'intent-drift visualize --metrics capture/ --intents deploy/intents -o map.html',
        does: 'an offline page to explore: filter by namespace, search, click an edge for its calls',
      },
      {
        run: 'intent-drift visualize --metrics capture/ --intents deploy/intents -o drift.png',
        does: 'draw the drift: missing calls red, stale rules dotted',
      },
    ],
    exit: 'output',
  },
  {
    name: 'policies',
    summary: 'print the Istio AuthorizationPolicies the declared intents imply',
    usage: 'policies --intents PATH [--workloads PATH] [-o FILE]',
    examples: [
      { run: 'intent-drift policies --intents deploy/intents', does: 'print the policies' },
      {
        run: 'intent-drift policies --intents deploy/intents --workloads deploy/ -o policies.yaml',
        does: 'with the real selectors and service accounts, to a file',
      },
    ],
    exit: 'output',
  },
  {
    name: 'capture',
    summary: 'read a live source once and save what it saw as a snapshot file',
    usage: 'capture -o FILE (--prometheus-url URL | --mapper-url URL | a kubeconfig) [flags]',
    examples: [
      {
        run: 'intent-drift capture -o staging.json --window 2m',
        does: "record 2 minutes of the kubeconfig's cluster's sidecars",
      },
      {
        run: 'intent-drift capture -o staging.json --prometheus-url http://prometheus:9090 --since 1h',
        does: "save Prometheus' last hour",
      },
    ],
    exit: 'output',
  },
  {
    name: 'reset',
    summary: "make Otterize's network mapper forget what it captured",
    usage: 'reset [--mapper-url URL | --kubeconfig FILE [--context NAME]]',
    examples: [
      { run: 'intent-drift reset', does: "through the kubeconfig's API server" },
      {
        run: 'intent-drift reset --mapper-url http://localhost:9090/query',
        does: 'at a port-forwarded mapper',
      },
    ],
    exit: 'output',
  },
  {
    name: 'demo',
    summary: 'check the embedded demo (client, client2, nginx): offline, no cluster',
    usage: 'demo [--format text|markdown|json|sarif|junit] [flags]',
    examples: [
      { run: 'intent-drift demo', does: 'the demo drift in the terminal; exits 1 (it drifts on purpose)' },
      {
        run: 'intent-drift demo --format markdown',
        does: 'the pull-request comment, as the action posts it',
      },
    ],
    exit: 'drift',
  },
];

export function commandSpec(name: Command): CommandSpec {
  const spec = COMMAND_TABLE.find((c) => c.name === name);
  if (spec === undefined) throw new Error(`no command ${name}`);
  return spec;
}
