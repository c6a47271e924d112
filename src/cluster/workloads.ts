// Deploys the planned manifests and waits until they run, in two steps. `namespaces`: sidecars are
// injected only into pods of a namespace labelled for it, so on a kind cluster (ours) each
// workload namespace the manifests leave unlabelled is created and labelled
// `istio-injection=enabled`; then every Namespace document is applied, before any object that
// needs it. A namespace the manifests label (`istio-injection` or `istio.io/rev`, any value) is
// the user's decision, and an existing cluster's namespaces are never relabelled. `workloads`:
// the other documents, file by file, through kubectl's stdin (only the planned documents, not
// the whole files), then `kubectl rollout status` for each.
import { ClusterStepError, failureDetail, mustRun, runTool, type StepContext } from './cluster-step.ts';
import type { ManifestDocument, WorkloadPlan } from './workload-plan.ts';

const ROLLOUT_TIMEOUT = '180s';
/** kubectl's own wait, and a minute more for kubectl itself. */
const ROLLOUT_TIMEOUT_MS = 240_000;
const APPLY_TIMEOUT_MS = 2 * 60_000;
const NAMESPACE_TIMEOUT_MS = 60_000;

export interface NamespaceOptions {
  /** Label the unlabelled workload namespaces for injection (kind: the cluster is ours). */
  labelNamespaces: boolean;
  /** Revisions of the istiods found (`cluster: existing`), for the hint on unlabelled namespaces. */
  revisions?: readonly string[];
}

/** One stream of documents for `kubectl apply -f -`. */
export function documentStream(documents: readonly ManifestDocument[]): string {
  return documents
    .map((d) => {
      const body = d.text.endsWith('\n') ? d.text : `${d.text}\n`;
      return /^---(\s|$)/.test(body) ? body : `---\n${body}`;
    })
    .join('');
}

function apply(ctx: StepContext, step: string, documents: readonly ManifestDocument[]) {
  return mustRun(ctx, step, {
    program: 'kubectl',
    args: ['apply', '-f', '-'],
    stdin: documentStream(documents),
    timeoutMs: APPLY_TIMEOUT_MS,
  });
}

export async function prepareNamespaces(
  ctx: StepContext,
  plan: WorkloadPlan,
  options: NamespaceOptions,
): Promise<void> {
  const step = 'namespaces';
  for (const s of plan.skipped) {
    if (s.warn) ctx.log.warning(s.note);
    else ctx.log.info(s.note);
  }
  if (options.labelNamespaces) {
    for (const namespace of plan.unlabelledNamespaces) await labelForInjection(ctx, step, namespace);
  } else if (plan.unlabelledNamespaces.length > 0) {
    const revisions = (options.revisions ?? []).filter((r) => r !== 'default');
    const label =
      revisions.length === 0
        ? 'istio-injection=enabled'
        : `istio.io/rev=${revisions.join(' or istio.io/rev=')} (or istio-injection=enabled with a default revision)`;
    ctx.log.info(
      `namespace(s) ${plan.unlabelledNamespaces.join(', ')}: not labelled by the manifests; ` +
        `on an existing cluster they need ${label} already, or their pods get no sidecar`,
    );
  }
  if (plan.namespaces.length > 0) {
    ctx.log.info(`applying ${plan.namespaces.length} Namespace document(s) first`);
    await apply(ctx, step, plan.namespaces);
  }
}

export async function deployWorkloads(ctx: StepContext, plan: WorkloadPlan): Promise<void> {
  const step = 'workloads';
  for (const { file, documents } of plan.files) {
    ctx.log.info(`applying ${documents.length} document(s) of ${file}`);
    await apply(ctx, `${step} (${file})`, documents);
  }
  for (const r of plan.rollouts) {
    await mustRun(ctx, `${step} (rollout of ${r.namespace}/${r.name})`, {
      program: 'kubectl',
      args: [
        'rollout',
        'status',
        `${r.kind.toLowerCase()}/${r.name}`,
        '--namespace',
        r.namespace,
        '--timeout',
        ROLLOUT_TIMEOUT,
      ],
      timeoutMs: ROLLOUT_TIMEOUT_MS,
    });
  }
}

async function labelForInjection(ctx: StepContext, step: string, namespace: string): Promise<void> {
  // Created imperatively (no last-applied annotation), so a later `kubectl apply` of the user's
  // own Namespace document merges with the label instead of removing it.
  const create = {
    program: 'kubectl',
    args: ['create', 'namespace', namespace],
    timeoutMs: NAMESPACE_TIMEOUT_MS,
  };
  const created = await runTool(ctx, step, create);
  if (created.code !== 0 && !/AlreadyExists|already exists/.test(created.stderr)) {
    throw new ClusterStepError(step, failureDetail(create, created));
  }
  await mustRun(ctx, step, {
    program: 'kubectl',
    args: ['label', 'namespace', namespace, 'istio-injection=enabled', '--overwrite'],
    timeoutMs: NAMESPACE_TIMEOUT_MS,
  });
}
