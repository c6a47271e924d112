// The intents a missing call asks for, as the lines to add to the client's ClientIntents: the
// target entry (`spec.targets` in v2, `spec.calls` in v1) in the API version of the client's own
// document, written by the exporter so it reads exactly as `export` would write it (unsafe
// characters escaped, each value on its line).
import { INTENT_METHODS, type MissingCall } from '../model.ts';
import { buildClientIntents } from './build-client-intents.ts';
import { clientIntentsManifest, DEFAULT_EXPORT_API_VERSION } from './export-intents.ts';
import { yamlDocumentText } from './yaml-output.ts';

export interface SuggestedRule {
  /** `spec.targets` or `spec.calls`: where the entry goes. */
  under: string;
  /** The list entry, in YAML, indented as a list item at column 0. */
  yaml: string;
}

/**
 * `apiVersion` of the client's document (default: the exporter's, for a client without one).
 * Undefined for a method ClientIntents cannot name (`get`, HEAD): only a target without http, or
 * `methods: []` on the path, would allow it, a widening left to a reviewer (the intents editor
 * skips such a call too).
 */
export function suggestedRule(
  call: MissingCall,
  apiVersion = DEFAULT_EXPORT_API_VERSION,
): SuggestedRule | undefined {
  if (call.method !== null && !INTENT_METHODS.includes(call.method)) return undefined;
  const path = call.suggestedPath ?? call.path;
  const { intents } = buildClientIntents([{ ...call, path }]);
  const manifest = clientIntentsManifest(intents[0]!, apiVersion);
  const spec = manifest.spec as { targets?: unknown[]; calls?: unknown[] };
  const under = spec.targets === undefined ? 'spec.calls' : 'spec.targets';
  const entries = spec.targets ?? spec.calls ?? [];
  return { under, yaml: yamlDocumentText(entries, { indent: 2, lineWidth: 0, minContentWidth: 0 }) };
}
