// Reads ClientIntents from files, directories and globs into DeclaredIntents, refusing
// what the CRD and the admission webhook would refuse, with `file:line`.
import type { DeclaredIntents } from '../model.ts';
import { collectYamlFiles, type FoundFile } from '../yaml/collect-files.ts';
import { readYamlFile } from '../yaml/read-yaml.ts';
import { applyInOrder, type ParsedFile } from './apply-order.ts';
import { requireIntentsInEveryPath } from './intents-presence.ts';
import { parseClientIntentsDocuments } from './parse-client-intents.ts';

export interface LoadIntentsOptions {
  /** Namespace for ClientIntents without metadata.namespace. */
  defaultNamespace?: string;
  /** Base of relative paths and of the file names in rules (default: process.cwd()). */
  cwd?: string;
}

export async function loadIntents(paths: string[], opts: LoadIntentsOptions = {}): Promise<DeclaredIntents> {
  const files = await collectYamlFiles(paths, opts.cwd ?? process.cwd());
  const namespace = opts.defaultNamespace;
  const fileWarnings: string[] = [];
  const parsed = parseIntentsFiles(files, namespace, (w) => fileWarnings.push(w));
  requireIntentsInEveryPath(files, new Set(parsed.map(({ file }) => file)));
  const { applied, warnings } = applyInOrder(parsed);
  return {
    rules: applied.flatMap(({ intents }) => intents.rules),
    documents: applied.map(({ intents, file }) => ({
      client: intents.client,
      apiVersion: intents.apiVersion,
      file,
      line: intents.line,
      targetsLine: intents.targetsLine,
      ...(intents.shared ? { shared: true as const } : {}),
    })),
    ...(namespace === undefined ? {} : { defaultNamespace: namespace }),
    warnings: [...fileWarnings, ...applied.flatMap(({ intents }) => intents.warnings), ...warnings],
  };
}

/** Reads and validates each file; throws InputError at the first bad one. */
function parseIntentsFiles(
  files: FoundFile[],
  defaultNamespace: string | undefined,
  warn: (message: string) => void,
): ParsedFile[] {
  const options = defaultNamespace === undefined ? {} : { defaultNamespace };
  const parsed: ParsedFile[] = [];
  for (const { absolute, file } of files) {
    for (const intents of parseClientIntentsDocuments(readYamlFile(absolute, file), file, options, warn))
      parsed.push({ intents, file });
  }
  return parsed;
}
