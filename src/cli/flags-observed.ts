// Flags that say where the observed calls come from: one entry per flag (flag-spec.ts).
import { SOURCES, type SourceKind } from '../settings.ts';
import type { Command } from './command-table.ts';
import { type FlagSpec, filePath, oneOf, wholeNumber } from './flag-spec.ts';

/** The commands that read observed calls. */
export const OBSERVING: readonly Command[] = ['check', 'list', 'export', 'visualize', 'capture'];
/** Of those, the ones that also read files (capture reads a live source only). */
const READING_FILES: readonly Command[] = ['check', 'list', 'export', 'visualize'];

export const OBSERVED_FLAGS: readonly FlagSpec[] = [
  {
    name: 'source',
    value: 'S',
    kind: 'string',
    group: 'observed',
    commands: OBSERVING,
    help: 'metrics, snapshot, sidecars, prometheus or mapper; default: what the flags below name, else sidecars when a kubeconfig is found',
    apply: (s, v) => {
      s.source = oneOf<SourceKind>('source', v, SOURCES);
    },
  },
  {
    name: 'metrics',
    value: 'PATH',
    kind: 'list',
    group: 'observed',
    commands: READING_FILES,
    sources: ['metrics'],
    help: "sidecar metrics (Prometheus text or Envoy JSON stats): a file, a folder, or '-' for stdin; repeatable",
    apply: (s, v) => {
      s.metrics = v.map((p) => filePath('metrics', p, true));
    },
  },
  {
    name: 'snapshot',
    value: 'FILE',
    kind: 'list',
    group: 'observed',
    commands: READING_FILES,
    sources: ['snapshot'],
    help: "a file written by capture, or '-' for stdin; repeatable, merged",
    apply: (s, v) => {
      s.snapshots = v.map((p) => filePath('snapshot', p, true));
    },
  },
  {
    name: 'kubeconfig',
    value: 'FILE',
    kind: 'string',
    group: 'observed',
    commands: [...OBSERVING, 'reset'],
    sources: ['sidecars', 'mapper'],
    help: 'the cluster to read (default $KUBECONFIG, ~/.kube/config, or the in-cluster account)',
    apply: (s, v) => {
      s.live.kubeconfig = filePath('kubeconfig', v);
    },
  },
  {
    name: 'context',
    value: 'NAME',
    kind: 'string',
    group: 'observed',
    commands: [...OBSERVING, 'reset'],
    sources: ['sidecars', 'mapper'],
    help: 'the kubeconfig context',
    apply: (s, v) => {
      s.live.context = v;
    },
  },
  {
    name: 'window',
    value: 'DURATION',
    kind: 'string',
    group: 'observed',
    commands: OBSERVING,
    sources: ['sidecars'],
    help: 'read the sidecars twice this far apart and keep only what grew in between (60s)',
    apply: (s, v) => {
      s.live.window = v;
    },
  },
  {
    name: 'concurrency',
    value: 'N',
    kind: 'string',
    group: 'observed',
    commands: OBSERVING,
    sources: ['sidecars'],
    help: 'pods read at once (1 to 256, default 16)',
    apply: (s, v) => {
      s.live.concurrency = wholeNumber('concurrency', v, 1, 256);
    },
  },
  {
    name: 'pod-timeout',
    value: 'DURATION',
    kind: 'string',
    group: 'observed',
    commands: OBSERVING,
    sources: ['sidecars'],
    help: 'per-pod timeout (default 10s)',
    apply: (s, v) => {
      s.live.podTimeout = v;
    },
  },
  {
    name: 'prometheus-url',
    value: 'URL',
    kind: 'string',
    group: 'observed',
    commands: OBSERVING,
    sources: ['prometheus'],
    help: "Prometheus' base URL, http or https",
    apply: (s, v) => {
      s.live.prometheusUrl = v;
    },
  },
  {
    name: 'prometheus-token-env',
    value: 'NAME',
    kind: 'string',
    group: 'observed',
    commands: OBSERVING,
    sources: ['prometheus'],
    help: 'the environment variable holding a bearer token (default PROMETHEUS_TOKEN)',
    apply: (s, v) => {
      s.live.prometheusTokenEnv = v;
    },
  },
  {
    name: 'prometheus-ca',
    value: 'FILE',
    kind: 'string',
    group: 'observed',
    commands: OBSERVING,
    sources: ['prometheus'],
    help: 'a CA bundle for https',
    apply: (s, v) => {
      s.live.prometheusCa = filePath('prometheus-ca', v);
    },
  },
  {
    name: 'prometheus-timeout',
    value: 'DURATION',
    kind: 'string',
    group: 'observed',
    commands: OBSERVING,
    sources: ['prometheus'],
    help: 'per query, its answer read included (default 30s, at most 1h)',
    apply: (s, v) => {
      s.live.prometheusTimeout = v;
    },
  },
  {
    name: 'since',
    value: 'WHEN',
    kind: 'string',
    group: 'observed',
    commands: OBSERVING,
    sources: ['prometheus', 'snapshot'],
    help: 'the range read (15m, 2h) or an RFC 3339 time; for a snapshot, the calls last seen since then',
    apply: (s, v) => {
      s.live.since = v;
    },
  },
  {
    name: 'mapper-url',
    value: 'URL',
    kind: 'string',
    group: 'observed',
    commands: [...OBSERVING, 'reset'],
    sources: ['mapper'],
    help: "the network mapper's GraphQL endpoint (else the API server's service proxy)",
    apply: (s, v) => {
      s.live.mapperUrl = v;
    },
  },
  {
    name: 'mapper-token-env',
    value: 'NAME',
    kind: 'string',
    group: 'observed',
    commands: [...OBSERVING, 'reset'],
    sources: ['mapper'],
    requires: { flag: 'mapper-url' },
    help: 'the environment variable holding a bearer token for --mapper-url, for an auth proxy in front of the mapper (default MAPPER_TOKEN; the service proxy uses the kubeconfig)',
    apply: (s, v) => {
      s.live.mapperTokenEnv = v;
    },
  },
  {
    name: 'workloads',
    value: 'PATH',
    kind: 'list',
    group: 'observed',
    commands: [...OBSERVING, 'policies'],
    help: 'Kubernetes manifests: the workload kinds and service accounts the sources do not tell; repeatable',
    apply: (s, v) => {
      s.workloads = v.map((p) => filePath('workloads', p));
    },
  },
];
