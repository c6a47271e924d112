// Writes grouped intents as ClientIntents manifests of any API version, in YAML (multi-document,
// like Otterize's printer) or JSON (a top-level array, like `--format json`). Pure: returns text.
import { InputError } from '../errors.ts';
import type { ObservedCall } from '../model.ts';
import { jsonWithEscapes } from '../safe-text.ts';
import {
  type BuildIntentsOptions,
  buildClientIntents,
  type ExportClientIntents,
  type ExportTarget,
} from './build-client-intents.ts';
import { INTENTS_GROUP, INTENTS_VERSIONS } from './parse-client-intents.ts';
import { yamlDocumentText } from './yaml-output.ts';

export const DEFAULT_EXPORT_API_VERSION = `${INTENTS_GROUP}/v2beta1`;

export interface RenderOptions {
  /** `k8s.otterize.com/v2beta1` (default), a bare version (`v1alpha3`), or Otterize's `v1` / `v2`. */
  apiVersion?: string;
  format?: 'yaml' | 'json';
}

export type ExportOptions = RenderOptions & BuildIntentsOptions;

/** The full apiVersion for a user's choice; `v1` and `v2` as otterize-cli's --output-version. */
export function resolveExportApiVersion(choice: string = DEFAULT_EXPORT_API_VERSION): string {
  const shorthand: Record<string, string> = { v1: 'v1alpha3', v2: 'v2beta1' };
  const bare = choice.startsWith(`${INTENTS_GROUP}/`) ? choice.slice(INTENTS_GROUP.length + 1) : choice;
  const version = shorthand[bare] ?? bare;
  if (!INTENTS_VERSIONS.includes(version)) {
    throw new InputError(
      `unknown ClientIntents API version "${choice}" (known: ${INTENTS_VERSIONS.join(', ')})`,
    );
  }
  return `${INTENTS_GROUP}/${version}`;
}

/** One manifest object per client, keys in the order Otterize prints them. */
export function clientIntentsManifest(
  intents: ExportClientIntents,
  apiVersion: string,
): Record<string, unknown> {
  const { client, targets } = intents;
  const version = apiVersion.slice(INTENTS_GROUP.length + 1);
  const spec = version.startsWith('v2')
    ? { workload: withKind({ name: client.name }, client.kind), targets: targets.map(v2Target) }
    : {
        service: withKind({ name: client.name }, version === 'v1alpha2' ? undefined : client.kind),
        calls: targets.map((t) => v1Call(t, version)),
      };
  return {
    apiVersion,
    kind: 'ClientIntents',
    metadata: { name: client.name, namespace: client.namespace },
    spec,
  };
}

function withKind<T extends object>(base: T, kind: string | undefined): T & { kind?: string } {
  return kind ? { ...base, kind } : base;
}

function v2Target(target: ExportTarget): Record<string, unknown> {
  const body: Record<string, unknown> =
    target.type === 'kubernetes' ? withKind({ name: target.name }, target.kind) : { name: target.name };
  if (target.http) body.http = target.http.map((rule) => ({ path: rule.path, methods: rule.methods }));
  return { [target.type]: body };
}

function v1Call(target: ExportTarget, version: string): Record<string, unknown> {
  const isService = target.type === 'service';
  const call: Record<string, unknown> = { name: isService ? `svc:${target.name}` : target.name };
  if (!isService && version !== 'v1alpha2' && target.kind) call.kind = target.kind;
  if (target.http) {
    call.type = 'http';
    call[version === 'v1alpha2' ? 'resources' : 'HTTPResources'] = target.http.map((rule) => ({
      path: rule.path,
      methods: rule.methods,
    }));
  }
  return call;
}

/** Multi-document YAML, 2-space indent, block lists, no line folding. */
export function toYamlDocuments(manifests: Record<string, unknown>[]): string {
  return manifests
    .map((m) => yamlDocumentText(m, { indent: 2, lineWidth: 0, minContentWidth: 0 }))
    .join('---\n');
}

/** Otterize's `--format json`: kind first, creationTimestamp null and an empty status, as the Go types marshal. */
export function toJsonArray(manifests: Record<string, unknown>[]): string {
  const objects = manifests.map(({ apiVersion, kind, metadata, spec }) => ({
    kind,
    apiVersion,
    metadata: { ...(metadata as object), creationTimestamp: null },
    spec,
    status: emptyStatus(String(apiVersion)),
  }));
  return `${jsonWithEscapes(JSON.stringify(objects, null, 2))}\n`;
}

/**
 * The zero status each version's Go type marshals to: v1alpha2's IntentsStatus has only
 * `upToDate,omitempty` (so `{}`), and its schema has no observedGeneration; the later versions
 * always write upToDate and observedGeneration (intents-operator src/operator/api/<version>).
 */
function emptyStatus(apiVersion: string): Record<string, unknown> {
  return apiVersion.endsWith('/v1alpha2') ? {} : { upToDate: false, observedGeneration: 0 };
}

export function renderIntentsFile(intents: ExportClientIntents[], opts: RenderOptions = {}): string {
  const apiVersion = resolveExportApiVersion(opts.apiVersion);
  const manifests = intents.map((i) => clientIntentsManifest(i, apiVersion));
  return opts.format === 'json' ? toJsonArray(manifests) : toYamlDocuments(manifests);
}

/** `--output-type dir`: one `<workload>.<namespace>.yaml` (or `.json`) per client. */
export function renderIntentsDir(
  intents: ExportClientIntents[],
  opts: RenderOptions = {},
): Record<string, string> {
  const extension = opts.format === 'json' ? 'json' : 'yaml';
  const files: Record<string, string> = {};
  for (const one of intents) {
    files[`${one.client.name}.${one.client.namespace}.${extension}`] = renderIntentsFile([one], opts);
  }
  return files;
}

/** Observed calls straight to one file's text; use buildClientIntents first to see the warnings. */
export function exportIntentsFile(calls: ObservedCall[], opts: ExportOptions = {}): string {
  return renderIntentsFile(buildClientIntents(calls, opts).intents, opts);
}

export function exportIntentsDir(calls: ObservedCall[], opts: ExportOptions = {}): Record<string, string> {
  return renderIntentsDir(buildClientIntents(calls, opts).intents, opts);
}
