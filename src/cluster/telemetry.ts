// The Telemetry that adds request_method and request_path to Istio's request metrics (domain:
// they are not labels by default). On a kind cluster (ours) the mesh-wide `mesh-default` goes in,
// equal to fixtures/demo/telemetry.yaml. On an existing cluster only what is missing is added,
// the smallest resource that does it (method and path on REQUEST_COUNT, nothing else), and
// removed again at the end: the mesh is left as it was found.
import { parse as parseYaml } from 'yaml';
import { mustRun, runTool, type StepContext } from './cluster-step.ts';
import { itemsOf, readJson } from './kubectl-json.ts';
import {
  metricsProviders,
  namespaceWide,
  requestCountDisabled,
  requestCountTags,
  type TelemetryObject,
  telemetriesOf,
} from './telemetry-spec.ts';

export const MESH_TELEMETRY_NAME = 'mesh-default';

/** Embedded, because the bundled action cannot count on the repository's fixtures. */
export const MESH_TELEMETRY_YAML = `# Mesh-wide (no selector, in istio-system): add the HTTP method and path to Istio's request
# metrics, which do not carry them by default. Apply before the workloads start.
apiVersion: telemetry.istio.io/v1
kind: Telemetry
metadata:
  name: mesh-default
  namespace: istio-system
spec:
  accessLogging:
    - providers:
        - name: envoy
  metrics:
    - providers:
        - name: prometheus
      overrides:
        - tagOverrides:
            request_method:
              value: request.method
            request_path:
              value: request.path
`;

/** The name of what `cluster: existing` adds, and removes at the end. */
export const ADDED_TELEMETRY_NAME = 'intent-drift';
const TELEMETRIES = 'telemetries.telemetry.istio.io';
const APPLY_TIMEOUT_MS = 2 * 60_000;

/**
 * Method and path on istio_requests_total only (the histograms keep their labels), for both
 * sidecars of a call. No providers: the mesh's default ones (or the root Telemetry's) stay in force.
 */
export function addedTelemetryYaml(namespace: string): string {
  return `apiVersion: telemetry.istio.io/v1
kind: Telemetry
metadata:
  name: ${ADDED_TELEMETRY_NAME}
  namespace: ${namespace}
  labels:
    app.kubernetes.io/managed-by: intent-drift
spec:
  metrics:
    - overrides:
        - match:
            metric: REQUEST_COUNT
            mode: CLIENT_AND_SERVER
          tagOverrides:
            request_method:
              value: request.method
            request_path:
              value: request.path
`;
}

export interface AddedTelemetry {
  namespace: string;
  name: string;
}

/** `cluster: kind`: the cluster is ours, the full mesh-wide Telemetry goes in. */
export async function applyMeshTelemetry(ctx: StepContext): Promise<void> {
  await mustRun(ctx, 'Telemetry', {
    program: 'kubectl',
    args: ['apply', '-f', '-'],
    stdin: MESH_TELEMETRY_YAML,
    timeoutMs: APPLY_TIMEOUT_MS,
  });
}

async function listTelemetries(ctx: StepContext, namespace: string): Promise<TelemetryObject[]> {
  return telemetriesOf(
    itemsOf(await readJson(ctx, 'Telemetry', ['get', TELEMETRIES, '--namespace', namespace])),
  );
}

async function addTelemetry(ctx: StepContext, namespace: string): Promise<AddedTelemetry> {
  await mustRun(ctx, 'Telemetry', {
    program: 'kubectl',
    args: ['create', '-f', '-'],
    stdin: addedTelemetryYaml(namespace),
    timeoutMs: APPLY_TIMEOUT_MS,
  });
  return { namespace, name: ADDED_TELEMETRY_NAME };
}

function decides(wide: readonly TelemetryObject[], namespace: string): string {
  const t = wide[0]!;
  const among =
    wide.length === 1
      ? `the only one without a selector in ${namespace}`
      : `the oldest of ${wide.length} without a selector in ${namespace}; Istio uses the oldest`;
  return `Telemetry ${t.namespace}/${t.name} decides (${among})`;
}

const ADDS_BOTH = 'it adds request_method and request_path: nothing to add';

/** The mesh config's default metrics providers, as a warning names them. */
function meshDefaults(defaults: readonly string[]): string {
  return defaults.length > 0
    ? `the mesh config's defaultProviders.metrics (${defaults.join(', ')})`
    : "the mesh config's defaultProviders.metrics, which names none (Istio's default when unset)";
}

/** No Telemetry here names metrics providers: the mesh config's defaults decide. */
function defaultsDecide(specs: readonly Record<string, unknown>[]): boolean {
  return metricsProviders(specs, []).length === 0;
}

/** What to change in a Telemetry that leaves calls without method and path. */
function fixFor(specs: readonly Record<string, unknown>[], defaults: readonly string[]): string {
  const providers = metricsProviders(specs, defaults);
  if (providers.includes('prometheus') && requestCountDisabled(specs, defaults)) {
    return (
      'it (or the Telemetry it is merged over) disables REQUEST_COUNT or all metrics for a side: ' +
      'take that override away, and add tagOverrides request_method and request_path'
    );
  }
  if (providers.includes('prometheus')) return 'add tagOverrides request_method and request_path to it';
  if (defaultsDecide(specs)) {
    return (
      `it names no metrics providers and ${meshDefaults(defaults)} lacks prometheus: name prometheus ` +
      'among its metrics providers, with tagOverrides request_method and request_path, or add prometheus ' +
      "to the mesh config's defaultProviders.metrics"
    );
  }
  return (
    `its metrics go to ${providers.join(', ')} only, not prometheus (the last metrics providers named ` +
    'decide): name prometheus among them, with tagOverrides request_method and request_path'
  );
}

/** Why a provider-less Telemetry added over these specs would not add method and path. */
function whyNotAdded(withAdded: readonly Record<string, unknown>[], defaults: readonly string[]): string {
  const providers = metricsProviders(withAdded, defaults);
  if (providers.includes('prometheus')) {
    return "the mesh's Telemetry disables REQUEST_COUNT, which tags added there do not undo";
  }
  if (defaultsDecide(withAdded)) {
    return (
      `a Telemetry there without providers would inherit ${meshDefaults(defaults)}, not prometheus, ` +
      'and one naming prometheus would change which providers get its metrics (add prometheus to the ' +
      "mesh config's defaultProviders.metrics, or name it in a Telemetry with tagOverrides " +
      'request_method and request_path)'
    );
  }
  return (
    `a Telemetry there without providers would inherit the mesh Telemetry's metrics providers ` +
    `(${providers.join(', ')}), not prometheus, and one naming prometheus would take theirs away`
  );
}

interface Mesh {
  rootSpec: Record<string, unknown>;
  rootTagged: boolean;
  /** meshConfig.defaultProviders.metrics. */
  defaults: readonly string[];
}

/**
 * `cluster: existing`: what Istio already does for method and path, and the least that makes it
 * do so. What it adds goes into `added` as it goes (for removeAddedTelemetry, even after a failure).
 * `defaultMetricsProviders` is the mesh config's defaultProviders.metrics: a Telemetry naming no
 * providers (the one added, too) gets metrics for those only.
 */
export async function ensureRequestTags(
  ctx: StepContext,
  options: {
    rootNamespace: string;
    workloadNamespaces: readonly string[];
    defaultMetricsProviders: readonly string[];
  },
  added: AddedTelemetry[],
): Promise<void> {
  const root = options.rootNamespace;
  const defaults = options.defaultMetricsProviders;
  const wide = namespaceWide(await listTelemetries(ctx, root));
  const namespaces = options.workloadNamespaces;
  if (wide.length === 0) {
    const rootAdded = [addedSpec()];
    const after = requestCountTags(rootAdded, defaults);
    if (after.client && after.server) {
      added.push(await addTelemetry(ctx, root));
      ctx.log.info(
        `no Telemetry without a selector in ${root}: added ${root}/${ADDED_TELEMETRY_NAME} ` +
          '(request_method and request_path on istio_requests_total only); it is removed at the end of this step',
      );
      await inNamespaces(ctx, { rootSpec: rootAdded[0]!, rootTagged: true, defaults }, namespaces, added);
      return;
    }
    const why = whyNotAdded(rootAdded, defaults);
    if (namespaces.length === 0) {
      ctx.log.warning(`nothing added in ${root}: ${why}; no call shows its method and path`);
      return;
    }
    ctx.log.info(`no Telemetry without a selector in ${root}, and nothing added there: ${why}`);
    await inNamespaces(ctx, { rootSpec: {}, rootTagged: false, defaults }, namespaces, added);
    return;
  }
  const rootSpec = wide[0]!.spec;
  const tags = requestCountTags([rootSpec], defaults);
  const rootTagged = tags.client && tags.server;
  if (rootTagged) {
    ctx.log.info(`${decides(wide, root)}; ${ADDS_BOTH}`);
  } else {
    ctx.log.info(
      `${decides(wide, root)}; it does not add request_method and request_path to both sidecars' metrics`,
    );
    if (namespaces.length === 0) {
      ctx.log.warning(
        `${wide[0]!.namespace}/${wide[0]!.name} is the mesh's Telemetry and is not changed: without workloads ` +
          `there is no namespace to add method and path in; ${fixFor([rootSpec], defaults)} (see ` +
          'fixtures/demo/telemetry.yaml), or no call shows its method and path',
      );
      return;
    }
  }
  await inNamespaces(ctx, { rootSpec, rootTagged, defaults }, namespaces, added);
}

let addedSpecMemo: Record<string, unknown> | undefined;

/** The spec of what addedTelemetryYaml adds, read from its YAML once (the namespace is only in its metadata). */
function addedSpec(): Record<string, unknown> {
  addedSpecMemo ??= (parseYaml(addedTelemetryYaml('default')) as { spec: Record<string, unknown> }).spec;
  return addedSpecMemo;
}

/**
 * Per workload namespace, its own namespace-wide Telemetry merged over the root's (mergeMetrics):
 * one that loses the tags is a warning (it is not changed); without one, `intent-drift` is added
 * when the root's lacks the tags, unless it would inherit providers without prometheus.
 */
async function inNamespaces(
  ctx: StepContext,
  mesh: Mesh,
  namespaces: readonly string[],
  added: AddedTelemetry[],
): Promise<void> {
  const { rootSpec, defaults } = mesh;
  for (const namespace of namespaces) {
    const own = namespaceWide(await listTelemetries(ctx, namespace));
    if (own.length > 0) {
      const merged = [rootSpec, own[0]!.spec];
      const tags = requestCountTags(merged, defaults);
      if (tags.client && tags.server) ctx.log.info(`${decides(own, namespace)}; ${ADDS_BOTH}`);
      else {
        ctx.log.warning(
          `${decides(own, namespace)} and is not changed; with it, calls in ${namespace} show no method and ` +
            `path: ${fixFor(merged, defaults)}`,
        );
      }
      continue;
    }
    if (mesh.rootTagged) continue;
    const withAdded = [rootSpec, addedSpec()];
    const after = requestCountTags(withAdded, defaults);
    if (!(after.client && after.server)) {
      ctx.log.warning(
        `nothing added in ${namespace}: ${whyNotAdded(withAdded, defaults)}; calls in ${namespace} show no method and path`,
      );
      continue;
    }
    added.push(await addTelemetry(ctx, namespace));
    ctx.log.info(
      `added ${namespace}/${ADDED_TELEMETRY_NAME} (request_method and request_path on istio_requests_total, ` +
        `over the mesh's Telemetry); it is removed at the end of this step`,
    );
  }
}

/** Removes what ensureRequestTags added; a failure is a warning naming what is left behind. */
export async function removeAddedTelemetry(
  ctx: StepContext,
  added: readonly AddedTelemetry[],
): Promise<void> {
  for (const t of added) {
    const what = `Telemetry ${t.namespace}/${t.name}`;
    try {
      const result = await runTool(ctx, 'Telemetry', {
        program: 'kubectl',
        args: ['delete', TELEMETRIES, t.name, '--namespace', t.namespace, '--ignore-not-found'],
        timeoutMs: APPLY_TIMEOUT_MS,
      });
      if (result.code === 0 && !result.timedOut) ctx.log.info(`removed the ${what} this run added`);
      else ctx.log.warning(`could not remove the ${what} this run added: delete it by hand`);
    } catch (err) {
      ctx.log.warning(
        `could not remove the ${what} this run added (${(err as Error).message}): delete it by hand`,
      );
    }
  }
}
