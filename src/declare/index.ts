// The declare stage: ClientIntents in (every API version, with file and line), ClientIntents
// and Istio AuthorizationPolicies out.

export { displayName } from '../display-path.ts';
export { INTENT_METHODS } from '../model.ts';
export { collectYamlFiles } from '../yaml/collect-files.ts';
export { parseYamlDocuments, readYamlFile } from '../yaml/read-yaml.ts';
export { MAX_YAML_BYTES } from '../yaml/yaml-tree.ts';
export {
  authorizationPolicies,
  type PolicyOptions,
  renderAuthorizationPolicies,
} from './authorization-policies.ts';
export {
  type BuildIntentsOptions,
  buildClientIntents,
  type ExportClientIntents,
} from './build-client-intents.ts';
export {
  DEFAULT_EXPORT_API_VERSION,
  type ExportOptions,
  exportIntentsDir,
  exportIntentsFile,
  renderIntentsDir,
  renderIntentsFile,
  resolveExportApiVersion,
} from './export-intents.ts';
export { type LoadIntentsOptions, loadIntents } from './load-intents.ts';
export { INTENTS_VERSIONS } from './parse-client-intents.ts';
export { readWorkloadManifests, type WorkloadInfo, type WorkloadLookup } from './workload-manifests.ts';
