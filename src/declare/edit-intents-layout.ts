// Where a client without any ClientIntents gets its new document: in the layout the repo
// already uses (one multi-document file, or one file per client named like its neighbours),
// in the API version most of its intents use.
import path from 'node:path';
import type { DeclaredIntents } from '../model.ts';
import type { ExportClientIntents } from './build-client-intents.ts';
import type { IntentsFileEdit } from './edit-intents-types.ts';
import { clientIntentsManifest, DEFAULT_EXPORT_API_VERSION, toYamlDocuments } from './export-intents.ts';

export function newIntentsFiles(
  intents: ExportClientIntents[],
  declared: DeclaredIntents,
  sources: ReadonlyMap<string, string>,
): IntentsFileEdit[] {
  const apiVersion = mostCommon(declared.documents.map((d) => d.apiVersion)) ?? DEFAULT_EXPORT_API_VERSION;
  const edits = new Map<string, IntentsFileEdit>();
  for (const one of intents) {
    const text = toYamlDocuments([clientIntentsManifest(one, apiVersion)]);
    const file = fileFor(one, declared, sources);
    const current = edits.get(file) ?? {
      file,
      before: sources.get(file) ?? null,
      after: sources.get(file) ?? '',
    };
    current.after = current.after === '' ? text : `${withNewline(current.after)}---\n${text}`;
    edits.set(file, current);
  }
  return [...edits.values()];
}

function fileFor(
  one: ExportClientIntents,
  declared: DeclaredIntents,
  sources: ReadonlyMap<string, string>,
): string {
  // New documents are YAML: JSON files are neither appended to nor imitated in name.
  const yamlDocuments = declared.documents.filter((d) => !/\.json$/i.test(d.file));
  const files = yamlDocuments.map((d) => d.file);
  const distinct = [...new Set(files)];
  // Every client in one multi-document file: keep it that way.
  if (distinct.length === 1 && files.length > 1) return distinct[0]!;
  const directory =
    mostCommon(distinct.map((f) => path.posix.dirname(f))) ??
    mostCommon(declared.documents.map((d) => path.posix.dirname(d.file))) ??
    'intents';
  const extension = mostCommon(distinct.map((f) => path.posix.extname(f))) ?? '.yaml';
  const { name, namespace } = one.client;
  const withNamespace =
    distinct.length > 0 &&
    yamlDocuments.every((d) =>
      path.posix.basename(d.file).startsWith(`${d.client.name}.${d.client.namespace}.`),
    );
  const short = path.posix.join(directory, `${name}${extension}`);
  const long = path.posix.join(directory, `${name}.${namespace}${extension}`);
  if (withNamespace || sources.has(short) || files.includes(short)) return long;
  return short;
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts) if (best === undefined || count > counts.get(best)!) best = value;
  return best;
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
