// Reads ClientIntents from files, directories and globs into DeclaredIntents, refusing
// what the CRD and the admission webhook would refuse, with `file:line`.
import type { DeclaredIntents } from '../model.ts';
import { collectYamlFiles, type FoundFile } from '../yaml/collect-files.ts';
import { readYamlFile } from '../yaml/read-yaml.ts';
import { fail } from '../yaml/yaml-fields.ts';
import { requireIntentsInEveryPath } from './intents-presence.ts';
import { type ParsedClientIntents, parseClientIntentsDocuments } from './parse-client-intents.ts';

export interface LoadIntentsOptions {
  /** Namespace for ClientIntents without metadata.namespace. */
  defaultNamespace?: string;
  /** Base of relative paths and of the file names in rules (default: process.cwd()). */
  cwd?: string;
}

type ParsedFile = { intents: ParsedClientIntents; file: string };

export async function loadIntents(paths: string[], opts: LoadIntentsOptions = {}): Promise<DeclaredIntents> {
  const files = await collectYamlFiles(paths, opts.cwd ?? process.cwd());
  const namespace = opts.defaultNamespace;
  const parsed = parseIntentsFiles(files, namespace);
  requireIntentsInEveryPath(files, new Set(parsed.map(({ file }) => file)));
  rejectDuplicates(parsed);
  return {
    rules: parsed.flatMap(({ intents }) => intents.rules),
    documents: parsed.map(({ intents, file }) => ({
      client: intents.client,
      apiVersion: intents.apiVersion,
      file,
      line: intents.line,
    })),
    warnings: parsed.flatMap(({ intents }) => intents.warnings),
  };
}

/** Reads and validates each file; throws InputError at the first bad one. */
function parseIntentsFiles(files: FoundFile[], defaultNamespace: string | undefined): ParsedFile[] {
  const options = defaultNamespace === undefined ? {} : { defaultNamespace };
  const parsed: ParsedFile[] = [];
  for (const { absolute, file } of files) {
    for (const intents of parseClientIntentsDocuments(readYamlFile(absolute, file), file, options))
      parsed.push({ intents, file });
  }
  return parsed;
}

/** Webhook rule: one ClientIntents per workload and kind in a namespace; Kubernetes: one object per name. */
function rejectDuplicates(parsed: { intents: ParsedClientIntents; file: string }[]): void {
  const byWorkload = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const { intents, file } of parsed) {
    const { client } = intents;
    const at = `${file}:${intents.line}`;
    const workloadKey = `${client.namespace}/${client.name}/${client.kind ?? ''}`;
    const first = byWorkload.get(workloadKey);
    if (first) {
      const kind = client.kind ? ` (${client.kind})` : '';
      fail(
        file,
        intents.line,
        `duplicate ClientIntents for workload ${client.name}${kind} in namespace ${client.namespace}; first at ${first}`,
      );
    }
    byWorkload.set(workloadKey, at);
    const nameKey = `${client.namespace}/${intents.name}`;
    const sameName = byName.get(nameKey);
    if (sameName) {
      fail(
        file,
        intents.line,
        `duplicate ClientIntents name ${intents.name} in namespace ${client.namespace}; first at ${sameName}`,
      );
    }
    byName.set(nameKey, at);
  }
}
