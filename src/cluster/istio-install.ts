// Istio by helm, as Istio documents it: the `istio/base` chart (CRDs) then `istio/istiod`, both in
// istio-system at one pinned version. On `cluster: existing` an istiod already there is left alone.
import { ClusterStepError, failureDetail, mustRun, runTool, type StepContext } from './cluster-step.ts';

/** Installed when `istio-version` is not given: a pinned release, so runs are repeatable. */
export const DEFAULT_ISTIO_VERSION = '1.30.5';
export const ISTIO_CHARTS = 'https://istio-release.storage.googleapis.com/charts';
export const ISTIO_NAMESPACE = 'istio-system';
const HELM_WAIT = '5m';

export interface IstioOptions {
  /** `1.30` (the newest 1.30.x) or `1.30.1`. */
  version: string;
  /** Look for an istiod first and keep it (`cluster: existing`). */
  keepExisting: boolean;
}

/** helm's `--version`: an exact release, or for `1.30` the newest patch (`~1.30.0`). */
export function helmChartVersion(version: string): string {
  return /^\d+\.\d+$/.test(version) ? `~${version}.0` : version;
}

/** Whether a resource exists: true, false on NotFound, and a failed step when the cluster does not answer. */
export async function resourceExists(
  ctx: StepContext,
  step: string,
  kind: string,
  name: string,
  namespace: string,
): Promise<boolean> {
  const command = {
    program: 'kubectl',
    args: ['get', kind, name, '--namespace', namespace, '--output', 'name'],
  };
  const result = await runTool(ctx, step, command);
  if (result.code === 0) return true;
  if (/NotFound|not found/.test(result.stderr)) return false;
  throw new ClusterStepError(step, failureDetail(command, result));
}

/** Returns `installed`, or `present` when an existing cluster had istiod already. */
export async function installIstio(
  ctx: StepContext,
  options: IstioOptions,
): Promise<'installed' | 'present'> {
  const step = 'Istio';
  if (options.keepExisting && (await resourceExists(ctx, step, 'deployment', 'istiod', ISTIO_NAMESPACE))) {
    ctx.log.info(`istiod is already running in ${ISTIO_NAMESPACE}: Istio is not installed again`);
    return 'present';
  }
  const version = helmChartVersion(options.version);
  await mustRun(ctx, step, {
    program: 'helm',
    args: ['repo', 'add', 'istio', ISTIO_CHARTS, '--force-update'],
  });
  await mustRun(ctx, step, { program: 'helm', args: ['repo', 'update', 'istio'] });
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
    timeoutMs: 10 * 60_000,
  });
  await mustRun(ctx, `${step} (istio/base)`, release('istio-base', 'istio/base', ['--create-namespace']));
  await mustRun(ctx, `${step} (istio/istiod)`, release('istiod', 'istio/istiod', []));
  return 'installed';
}
