// Deploys the `workloads` manifests and waits until they run. Sidecars are injected only into
// pods of a namespace labelled for it, so on a kind cluster (ours) each workload namespace the
// manifests leave unlabelled is created and labelled `istio-injection=enabled` before anything is
// applied. A namespace the manifests label (`istio-injection` or `istio.io/rev`, any value) is
// the user's decision, and an existing cluster's namespaces are never relabelled.
import { parseAllDocuments } from 'yaml';
import { InputError } from '../errors.ts';
import { readRegularFile } from '../regular-file.ts';
import { collectYamlFiles } from '../yaml/collect-files.ts';
import { MAX_YAML_BYTES } from '../yaml/yaml-tree.ts';
import { ClusterStepError, failureDetail, mustRun, runTool, type StepContext } from './cluster-step.ts';

/** Kinds that make pods; their namespaces are the ones that need sidecars. */
const POD_MAKERS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicaSet', 'Pod']);
/** Kinds `kubectl rollout status` waits for. */
const ROLLOUT_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);
const INJECTION_LABELS = ['istio-injection', 'istio.io/rev'];
const ROLLOUT_TIMEOUT = '180s';

export interface ManifestFile {
  /** Absolute path, what kubectl applies. */
  absolute: string;
  /** As the user named it, for messages. */
  file: string;
  text: string;
}

export interface WorkloadPlan {
  files: string[];
  /** Workload namespaces the manifests leave without an injection label, sorted. */
  unlabelledNamespaces: string[];
  rollouts: { kind: string; name: string; namespace: string }[];
}

interface ManifestObject {
  kind?: unknown;
  metadata?: { name?: unknown; namespace?: unknown; labels?: Record<string, unknown> };
}

/** What to apply, label and wait for, from the manifests' text. Pure. */
export function planWorkloads(manifests: readonly ManifestFile[]): WorkloadPlan {
  const labelled = new Set<string>();
  const workloadNamespaces = new Set<string>();
  const rollouts: WorkloadPlan['rollouts'] = [];
  for (const manifest of manifests) {
    for (const doc of parseAllDocuments(manifest.text)) {
      if (doc.errors.length > 0) {
        throw new InputError(`not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`, {
          file: manifest.file,
        });
      }
      const object = doc.toJS() as ManifestObject | null;
      if (object === null || typeof object !== 'object' || typeof object.kind !== 'string') continue;
      const name = typeof object.metadata?.name === 'string' ? object.metadata.name : undefined;
      if (name === undefined) continue;
      if (object.kind === 'Namespace') {
        const labels = object.metadata?.labels ?? {};
        if (INJECTION_LABELS.some((l) => l in labels)) labelled.add(name);
        continue;
      }
      if (!POD_MAKERS.has(object.kind)) continue;
      const namespace =
        typeof object.metadata?.namespace === 'string' ? object.metadata.namespace : 'default';
      workloadNamespaces.add(namespace);
      if (ROLLOUT_KINDS.has(object.kind)) rollouts.push({ kind: object.kind, name, namespace });
    }
  }
  return {
    files: manifests.map((m) => m.absolute),
    unlabelledNamespaces: [...workloadNamespaces].filter((ns) => !labelled.has(ns)).sort(),
    rollouts,
  };
}

/** Expands the `workloads` paths (files, folders, globs) and reads them. */
export async function readManifests(paths: readonly string[], cwd: string): Promise<ManifestFile[]> {
  const found = await collectYamlFiles([...paths], cwd);
  return Promise.all(
    found.map(async (f) => ({
      absolute: f.absolute,
      file: f.file,
      text: await readRegularFile(f.absolute, { file: f.file, maxBytes: MAX_YAML_BYTES }),
    })),
  );
}

export interface DeployOptions {
  /** Label the unlabelled workload namespaces for injection (kind: the cluster is ours). */
  labelNamespaces: boolean;
}

export async function deployWorkloads(
  ctx: StepContext,
  plan: WorkloadPlan,
  options: DeployOptions,
): Promise<void> {
  const step = 'workloads';
  if (options.labelNamespaces) {
    for (const namespace of plan.unlabelledNamespaces) await labelForInjection(ctx, step, namespace);
  } else if (plan.unlabelledNamespaces.length > 0) {
    ctx.log.info(
      `namespace(s) ${plan.unlabelledNamespaces.join(', ')}: not labelled by the manifests; ` +
        'on an existing cluster they need istio-injection=enabled already, or their pods get no sidecar',
    );
  }
  for (const file of plan.files)
    await mustRun(ctx, step, { program: 'kubectl', args: ['apply', '-f', file] });
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
    });
  }
}

async function labelForInjection(ctx: StepContext, step: string, namespace: string): Promise<void> {
  // Created imperatively (no last-applied annotation), so a later `kubectl apply` of the user's
  // own Namespace document merges with the label instead of removing it.
  const create = { program: 'kubectl', args: ['create', 'namespace', namespace] };
  const created = await runTool(ctx, step, create);
  if (created.code !== 0 && !/AlreadyExists|already exists/.test(created.stderr)) {
    throw new ClusterStepError(step, failureDetail(create, created));
  }
  await mustRun(ctx, step, {
    program: 'kubectl',
    args: ['label', 'namespace', namespace, 'istio-injection=enabled', '--overwrite'],
  });
}
