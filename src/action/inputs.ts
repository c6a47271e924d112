// The action's inputs (action.yml) read into one typed settings object. Pure: the caller
// passes a reader (core.getInput in src/action/main.ts, a map in tests), so nothing here needs
// @actions/core.
import type { ClusterKind, ClusterSettings } from '../cluster/cluster-settings.ts';
import { istioVersionProblem } from '../cluster/istio-install.ts';
import { branchNameProblem } from '../deliver/github/branch-name.ts';
import { assertDistinctOutputFiles } from '../deliver/output-files.ts';
import { InputError } from '../errors.ts';
import { isDnsLabel } from '../kubernetes-names.ts';
import type { FailOn } from '../model.ts';
import { parseDuration, parseSince, prometheusTimeoutMs } from '../observe/live/duration.ts';
import {
  defaultSettings,
  FAIL_ON,
  namespaceList,
  type Settings,
  SOURCES,
  type SourceKind,
} from '../settings.ts';

/** Every input name, as action.yml declares it. */
export const INPUT = {
  githubToken: 'github-token',
  intents: 'intents',
  source: 'source',
  metrics: 'metrics',
  snapshot: 'snapshot',
  prometheusUrl: 'prometheus-url',
  prometheusTimeout: 'prometheus-timeout',
  since: 'since',
  cluster: 'cluster',
  kindConfig: 'kind-config',
  keepCluster: 'keep-cluster',
  istioVersion: 'istio-version',
  workloads: 'workloads',
  traffic: 'traffic',
  duration: 'duration',
  namespace: 'namespace',
  defaultNamespace: 'default-namespace',
  failOn: 'fail-on',
  comment: 'comment',
  openPr: 'open-pr',
  pruneStale: 'prune-stale',
  prBranch: 'pr-branch',
  mode: 'mode',
  reportFile: 'report-file',
  sarifFile: 'sarif-file',
  junitFile: 'junit-file',
  config: 'config',
  baseline: 'baseline',
  environment: 'environment',
  allowEmpty: 'allow-empty',
} as const;

/** Every output name, as action.yml declares it. */
export const OUTPUT = {
  drift: 'drift',
  missing: 'missing',
  stale: 'stale',
  report: 'report',
  commentUrl: 'comment-url',
  pullRequestUrl: 'pull-request-url',
} as const;

export type ActionMode = 'check' | 'comment';
const CLUSTERS: readonly ClusterKind[] = ['none', 'kind', 'existing'];
const MODES: readonly ActionMode[] = ['check', 'comment'];

export interface ActionSettings {
  /** Never printed. */
  token: string;
  mode: ActionMode;
  /** The pipeline's settings, as the CLI would build them (`prometheus-url` in check.live). */
  check: Settings;
  /** The cluster life cycle (src/cluster) around a live reading. */
  live: ClusterSettings;
  comment: boolean;
  openPr: boolean;
  pruneStale: boolean;
  prBranch: string;
  /** check mode: where the JSON report is written; comment mode: the report artifact to read. */
  reportFile: string;
}

/** Reads one input by name; '' when unset (the way @actions/core reports a missing input). */
export type InputReader = (name: string) => string;

export function readActionInputs(read: InputReader, cwd: string): ActionSettings {
  const get = (name: string) => read(name).trim();
  const mode = oneOf<ActionMode>(INPUT.mode, get(INPUT.mode) || 'check', MODES);
  const check = defaultSettings(cwd);
  check.intents = lines(get(INPUT.intents));
  check.metrics = lines(get(INPUT.metrics));
  check.snapshots = lines(get(INPUT.snapshot));
  check.workloads = lines(get(INPUT.workloads));
  const namespaces = get(INPUT.namespace);
  check.namespaces = namespaces === '' ? [] : namespaceList([namespaces], INPUT.namespace);
  check.defaultNamespace = get(INPUT.defaultNamespace) || undefined;
  if (check.defaultNamespace !== undefined && !isDnsLabel(check.defaultNamespace)) {
    throw new InputError(
      `${INPUT.defaultNamespace}: '${check.defaultNamespace}' is not a Kubernetes namespace name`,
    );
  }
  // Empty (action.yml's default): the config's failOn, else missing. A value given wins.
  const failOn = get(INPUT.failOn);
  if (failOn !== '') {
    check.failOn = oneOf<FailOn>(INPUT.failOn, failOn, FAIL_ON);
    check.failOnExplicit = true;
  }
  check.configFile = get(INPUT.config) || undefined;
  check.baselineFile = get(INPUT.baseline) || undefined;
  check.environment = get(INPUT.environment) || undefined;
  check.allowEmpty = bool(INPUT.allowEmpty, get(INPUT.allowEmpty), false);
  check.format = 'markdown';
  const live = readLive(get);
  check.source = readSource(get(INPUT.source), check, live.cluster);
  check.live.prometheusUrl = readUrl(INPUT.prometheusUrl, get(INPUT.prometheusUrl));
  check.live.since = readSince(get(INPUT.since), check.source, live.cluster);
  check.live.prometheusTimeout = readPrometheusTimeout(get(INPUT.prometheusTimeout), check.source);
  const reportFile = get(INPUT.reportFile) || 'intent-drift-report.json';
  check.reportFile = reportFile;
  check.sarifFile = get(INPUT.sarifFile) || undefined;
  check.junitFile = get(INPUT.junitFile) || undefined;

  const token = read(INPUT.githubToken).trim();
  const comment = bool(INPUT.comment, get(INPUT.comment), true);
  const openPr = bool(INPUT.openPr, get(INPUT.openPr), false);
  if (token === '' && (comment || openPr || mode === 'comment')) {
    throw new InputError(`${INPUT.githubToken} is empty: pass \${{ github.token }} or set comment: false`);
  }
  const prBranch = get(INPUT.prBranch) || 'intent-drift/update';
  const branchProblem = branchNameProblem(prBranch);
  if (branchProblem !== undefined) {
    throw new InputError(`${INPUT.prBranch}: '${prBranch}' is not a valid branch name (${branchProblem})`);
  }
  if (mode === 'check' && check.intents.length === 0) {
    throw new InputError(`${INPUT.intents} is required: the ClientIntents files or folders to check`);
  }
  if (mode === 'check') {
    checkSourceInputs(check, live);
    assertDistinctOutputFiles(check.cwd, [
      [INPUT.reportFile, reportFile],
      [INPUT.sarifFile, check.sarifFile],
      [INPUT.junitFile, check.junitFile],
    ]);
  }
  return {
    token,
    mode,
    check,
    live,
    comment,
    openPr,
    pruneStale: bool(INPUT.pruneStale, get(INPUT.pruneStale), false),
    prBranch,
    reportFile,
  };
}

/** `duration`'s limit: 5 days, the most a job runs on a self-hosted runner (6h on GitHub's). */
const MAX_DURATION_MS = 120 * 3_600_000;

/** Sources a live cluster can be read with: the files of `metrics` and `snapshot` are not live. */
const LIVE_SOURCES: readonly SourceKind[] = ['sidecars', 'prometheus', 'mapper'];

function readSource(value: string, check: Settings, cluster: ClusterKind): SourceKind {
  if (value !== '') {
    const source = oneOf<SourceKind>(INPUT.source, value, SOURCES);
    if (cluster !== 'none' && !LIVE_SOURCES.includes(source)) {
      throw new InputError(
        `${INPUT.source}: ${source} reads files; with ${INPUT.cluster}: ${cluster} use ${LIVE_SOURCES.join(', ')}`,
      );
    }
    return source;
  }
  if (cluster !== 'none') return 'sidecars';
  if (check.snapshots.length > 0 && check.metrics.length === 0) return 'snapshot';
  return 'metrics';
}

/** The inputs each source and cluster needs, and the ones they would silently ignore. */
function checkSourceInputs(check: Settings, live: ClusterSettings): void {
  if (live.cluster !== 'none') {
    for (const [name, given] of [
      [INPUT.metrics, check.metrics],
      [INPUT.snapshot, check.snapshots],
    ] as const) {
      if (given.length > 0) {
        throw new InputError(
          `${name}: files are not read with ${INPUT.cluster}: ${live.cluster}, which reads the cluster live; drop one of them`,
        );
      }
    }
  }
  if (live.cluster === 'kind' && check.workloads.length === 0) {
    throw new InputError(
      `${INPUT.workloads} is required with ${INPUT.cluster}: kind: the manifests to deploy`,
    );
  }
  if (check.source === 'prometheus' && check.live.prometheusUrl === undefined) {
    throw new InputError(`${INPUT.source}: prometheus needs ${INPUT.prometheusUrl}`);
  }
  if (check.source === 'snapshot' && check.snapshots.length === 0) {
    throw new InputError(
      `${INPUT.source}: snapshot needs ${INPUT.snapshot} (a file written by intent-drift capture)`,
    );
  }
  if (check.source === 'metrics' && check.metrics.length === 0) {
    throw new InputError(
      `${INPUT.source}: metrics needs ${INPUT.metrics} (or a live ${INPUT.cluster} or ${INPUT.source})`,
    );
  }
  // An input the source does not read is an error, as the CLI's flags are: a run that reads the
  // metrics while the snapshot the user meant is ignored could pass on the wrong data.
  for (const [name, given, reader] of [
    [INPUT.metrics, check.metrics.length > 0, 'metrics'],
    [INPUT.snapshot, check.snapshots.length > 0, 'snapshot'],
    [INPUT.prometheusUrl, check.live.prometheusUrl !== undefined, 'prometheus'],
  ] as const) {
    if (given && check.source !== reader) {
      throw new InputError(
        `${name} applies to ${INPUT.source}: ${reader}, but this run reads ${check.source}; drop ${name} or set ${INPUT.source}`,
      );
    }
  }
}

function readLive(get: (name: string) => string): ClusterSettings {
  const cluster = oneOf<ClusterKind>(INPUT.cluster, get(INPUT.cluster) || 'none', CLUSTERS);
  const istioVersion = get(INPUT.istioVersion) || undefined;
  const versionProblem = istioVersion === undefined ? undefined : istioVersionProblem(istioVersion);
  if (versionProblem !== undefined) throw new InputError(`${INPUT.istioVersion}: ${versionProblem}`);
  const duration = get(INPUT.duration) || '2m';
  if (!/^\d+(s|m|h)$/.test(duration)) {
    throw new InputError(`${INPUT.duration}: '${duration}' is not a duration like 90s, 2m or 1h`);
  }
  // A timer longer than 2^31-1 ms (24.8 days) fires at once: the window would close as it opened.
  if (parseDuration(duration, INPUT.duration) > MAX_DURATION_MS) {
    throw new InputError(
      `${INPUT.duration}: '${duration}' is longer than 120h, the longest a GitHub Actions job runs (self-hosted)`,
    );
  }
  return {
    cluster,
    kindConfig: get(INPUT.kindConfig) || undefined,
    keepCluster: bool(INPUT.keepCluster, get(INPUT.keepCluster), false),
    istioVersion,
    traffic: get(INPUT.traffic) || undefined,
    duration,
  };
}

/** `since`: Prometheus' range, or a snapshot's filter; a live cluster reads over its `duration`. */
function readSince(value: string, source: SourceKind, cluster: ClusterKind): string | undefined {
  if (value === '') return undefined;
  if (cluster !== 'none') {
    throw new InputError(
      `${INPUT.since}: a live ${INPUT.cluster} reads over its ${INPUT.duration}; drop ${INPUT.since}`,
    );
  }
  if (source !== 'prometheus' && source !== 'snapshot') {
    throw new InputError(`${INPUT.since} applies to source prometheus or snapshot, not ${source}`);
  }
  parseSince(value, new Date(), INPUT.since);
  return value;
}

/** `prometheus-timeout`: each query's limit for source prometheus (as `--prometheus-timeout`). */
function readPrometheusTimeout(value: string, source: SourceKind): string | undefined {
  if (value === '') return undefined;
  if (source !== 'prometheus') {
    throw new InputError(`${INPUT.prometheusTimeout} applies to source prometheus, not ${source}`);
  }
  prometheusTimeoutMs(value, INPUT.prometheusTimeout);
  return value.trim();
}

function readUrl(name: string, value: string): string | undefined {
  if (value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(`${name}: not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError(`${name}: must be http(s)`);
  return value;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`${name} must be one of ${allowed.join(', ')} (got '${value}')`);
}

/** YAML 1.2 core booleans, as @actions/core's getBooleanInput accepts them. */
function bool(name: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(`${name} must be true or false (got '${value}')`);
}

/** Paths: one per line (a YAML block scalar in the workflow); blank lines and `#` comments skipped. */
function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}
