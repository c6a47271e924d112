// Istio by helm, as Istio documents it: the `istio/base` chart (CRDs) then `istio/istiod`, both in
// istio-system at one pinned version. On `cluster: existing` an istiod already there, under any
// revision (`istiod-<rev>`), is left alone: a second base would collide with its CRDs.
import { parse as parseYaml } from 'yaml';
import { mustRun, runTool, type StepContext } from './cluster-step.ts';
import { itemsOf, readJson } from './kubectl-json.ts';
import { DEFAULT_PROVIDERS } from './telemetry-spec.ts';

/**
 * Installed when `istio-version` is not given: a pinned release, so runs are repeatable. The one
 * place the pin is written: the kind workflow reads it with scripts/istio-version.ts.
 */
export const DEFAULT_ISTIO_VERSION = '1.30.5';
/** The first release with the Telemetry v1 API (telemetry.istio.io/v1) the mesh Telemetry uses. */
export const OLDEST_ISTIO_VERSION = '1.22';
export const ISTIO_CHARTS = 'https://istio-release.storage.googleapis.com/charts';
export const ISTIO_NAMESPACE = 'istio-system';
const HELM_WAIT = '5m';
const HELM_TIMEOUT_MS = 10 * 60_000;
const HELM_REPO_TIMEOUT_MS = 2 * 60_000;
const KUBECTL_GET_TIMEOUT_MS = 60_000;

/**
 * On a kind cluster (ours, on a runner of 2 to 4 vCPUs): the requests of Istio's own demo profile
 * (manifests/helm-profiles/demo.yaml, `pilot` and `global.proxy`) instead of the chart's 500m CPU
 * and 2 GiB for istiod and 100m per sidecar, which leave little room for the workloads.
 */
export const KIND_RESOURCE_VALUES: readonly string[] = [
  'resources.requests.cpu=10m',
  'resources.requests.memory=100Mi',
  'global.proxy.resources.requests.cpu=10m',
  'global.proxy.resources.requests.memory=40Mi',
];

export interface IstioOptions {
  /** `1.30` (the newest 1.30.x) or `1.30.1`. */
  version: string;
  /** Look for an istiod first and keep it (`cluster: existing`). */
  keepExisting: boolean;
  /** Lower the requests (a kind cluster on a CI runner). */
  smallRequests: boolean;
}

export interface IstiodDeployment {
  namespace: string;
  name: string;
  /** `default` for an istiod installed without a revision. */
  revision: string;
}

/** What `cluster: existing` reads of an istiod's mesh config. */
export interface MeshSettings {
  /** Where mesh-wide Telemetry lives (meshConfig.rootNamespace). */
  rootNamespace: string;
  /** meshConfig.defaultProviders.metrics: the providers of a Telemetry that names none. */
  defaultMetricsProviders: readonly string[];
}

export interface IstioState extends MeshSettings {
  state: 'installed' | 'present';
  istiods: IstiodDeployment[];
}

/** Why a version cannot be used, or undefined: it must be 1.22 or newer (the Telemetry v1 API). */
export function istioVersionProblem(version: string): string | undefined {
  const match = /^(\d+)\.(\d+)(\.\d+)?$/.exec(version);
  if (match === null) return `'${version}' is not a version like 1.30 or 1.30.1`;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (major > 1 || (major === 1 && minor >= 22)) return undefined;
  return (
    `${version} is older than ${OLDEST_ISTIO_VERSION}, the first Istio with the Telemetry v1 API ` +
    '(telemetry.istio.io/v1) that adds method and path to the metrics; use 1.22 or newer'
  );
}

/** helm's `--version`: an exact release, or for `1.30` the newest patch (`~1.30.0`). */
export function helmChartVersion(version: string): string {
  return /^\d+\.\d+$/.test(version) ? `~${version}.0` : version;
}

/** Every istiod Deployment (label `app=istiod`, as the istiod chart sets it), any namespace or revision. */
export async function findIstiods(ctx: StepContext, step: string): Promise<IstiodDeployment[]> {
  const list = await readJson(ctx, step, [
    'get',
    'deployments',
    '--all-namespaces',
    '--selector',
    'app=istiod',
  ]);
  const found: IstiodDeployment[] = [];
  for (const item of itemsOf(list)) {
    const metadata = item.metadata as Record<string, unknown> | undefined;
    if (typeof metadata?.name !== 'string' || typeof metadata.namespace !== 'string') continue;
    const labels = (metadata.labels ?? {}) as Record<string, unknown>;
    const rev = labels['istio.io/rev'];
    found.push({
      namespace: metadata.namespace,
      name: metadata.name,
      revision: typeof rev === 'string' && rev !== '' ? rev : 'default',
    });
  }
  return found.sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
}

/** The istiod chart's own: istio-system, and prometheus for metrics (DEFAULT_PROVIDERS). */
const CHART_MESH: MeshSettings = {
  rootNamespace: ISTIO_NAMESPACE,
  defaultMetricsProviders: DEFAULT_PROVIDERS,
};

/**
 * The istiod's mesh ConfigMap (`istio`, or `istio-<rev>` for a revision), read once: its
 * rootNamespace and defaultProviders.metrics; the chart's defaults when it cannot be read. A mesh
 * config without defaultProviders.metrics has none (Istio's default, pkg/config/mesh/mesh.go):
 * the chart writes prometheus there only when the user sets no defaultProviders of their own.
 */
export async function meshSettingsOf(ctx: StepContext, istiod: IstiodDeployment): Promise<MeshSettings> {
  const name = istiod.revision === 'default' ? 'istio' : `istio-${istiod.revision}`;
  const command = {
    program: 'kubectl',
    args: ['get', 'configmap', name, '--namespace', istiod.namespace, '--output', 'json'],
    timeoutMs: KUBECTL_GET_TIMEOUT_MS,
    readOutput: true,
  };
  const result = await runTool(ctx, 'Istio', command);
  if (result.code !== 0 || result.outputTooLarge) return CHART_MESH;
  let mesh: Record<string, unknown>;
  try {
    const text = (JSON.parse(result.stdout) as { data?: { mesh?: unknown } }).data?.mesh;
    if (typeof text !== 'string') return CHART_MESH;
    const parsed: unknown = parseYaml(text);
    mesh = parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return CHART_MESH;
  }
  const root = mesh.rootNamespace;
  const metrics = (mesh.defaultProviders as { metrics?: unknown } | null | undefined)?.metrics;
  const listed = Array.isArray(metrics) && metrics.every((p) => typeof p === 'string');
  const defaults: readonly string[] = listed ? (metrics as string[]) : [];
  if (!defaults.includes('prometheus')) {
    const has =
      metrics === undefined || metrics === null
        ? "sets no defaultProviders.metrics, and Istio's own default is none"
        : listed
          ? `has defaultProviders.metrics [${defaults.join(', ')}], without prometheus`
          : 'has a defaultProviders.metrics that is not a list of provider names, read as none';
    ctx.log.info(
      `the mesh config (ConfigMap ${istiod.namespace}/${name}) ${has}: a Telemetry that names no ` +
        'metrics providers gives no prometheus istio_requests_total, so only one naming prometheus can add method and path',
    );
  }
  return {
    rootNamespace: typeof root === 'string' && root !== '' ? root : ISTIO_NAMESPACE,
    defaultMetricsProviders: defaults,
  };
}

export async function installIstio(ctx: StepContext, options: IstioOptions): Promise<IstioState> {
  const step = 'Istio';
  if (options.keepExisting) {
    const istiods = await findIstiods(ctx, step);
    if (istiods.length > 0) {
      const names = istiods.map((i) => `${i.namespace}/${i.name} (revision ${i.revision})`).join(', ');
      ctx.log.info(`istiod is already running: ${names}; Istio is not installed again`);
      return { state: 'present', ...(await meshSettingsOf(ctx, istiods[0]!)), istiods };
    }
  }
  const version = helmChartVersion(options.version);
  await mustRun(ctx, step, {
    program: 'helm',
    args: ['repo', 'add', 'istio', ISTIO_CHARTS, '--force-update'],
    timeoutMs: HELM_REPO_TIMEOUT_MS,
  });
  await mustRun(ctx, step, {
    program: 'helm',
    args: ['repo', 'update', 'istio'],
    timeoutMs: HELM_REPO_TIMEOUT_MS,
  });
  // upgrade --install: a base left by an earlier, half-done run does not stop this one.
  const release = (name: string, chart: string, extra: string[]) => ({
    program: 'helm',
    args: [
      'upgrade',
      '--install',
      name,
      chart,
      '--namespace',
      ISTIO_NAMESPACE,
      ...extra,
      '--version',
      version,
      '--wait',
      '--timeout',
      HELM_WAIT,
    ],
    timeoutMs: HELM_TIMEOUT_MS,
  });
  const small = options.smallRequests ? KIND_RESOURCE_VALUES.flatMap((v) => ['--set', v]) : [];
  await mustRun(ctx, `${step} (istio/base)`, release('istio-base', 'istio/base', ['--create-namespace']));
  await mustRun(ctx, `${step} (istio/istiod)`, release('istiod', 'istio/istiod', small));
  if (options.keepExisting) {
    ctx.log.info(
      `there was no istiod: Istio ${options.version} installed; it stays after this step ` +
        `(helm uninstall istiod, then istio-base, in ${ISTIO_NAMESPACE} removes it)`,
    );
  }
  return {
    state: 'installed',
    ...CHART_MESH,
    istiods: [{ namespace: ISTIO_NAMESPACE, name: 'istiod', revision: 'default' }],
  };
}
