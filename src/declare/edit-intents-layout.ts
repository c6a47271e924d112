// Where a client without any ClientIntents gets its new document: in the layout the repo
// already uses (one multi-document file, or one file per client named like its neighbours),
// in the API version most of its intents use.
import path from 'node:path';
import { isInsideDirectory, isPlainFileName } from '../contained-path.ts';
import type { DeclaredIntents } from '../model.ts';
import { showControlChars } from '../safe-text.ts';
import type { ExportClientIntents } from './build-client-intents.ts';
import type { IntentsFileEdit, IntentsSources } from './edit-intents-types.ts';
import { clientIntentsManifest, DEFAULT_EXPORT_API_VERSION, toYamlDocuments } from './export-intents.ts';

export function newIntentsFiles(
  intents: ExportClientIntents[],
  declared: DeclaredIntents,
  sources: IntentsSources,
): { edits: IntentsFileEdit[]; skipped: string[] } {
  const apiVersion = mostCommon(declared.documents.map((d) => d.apiVersion)) ?? DEFAULT_EXPORT_API_VERSION;
  const edits = new Map<string, IntentsFileEdit>();
  const skipped: string[] = [];
  for (const one of intents) {
    const text = toYamlDocuments([clientIntentsManifest(one, apiVersion)]);
    const file = fileFor(one, declared, sources);
    if (file === undefined) {
      const who = `${showControlChars(one.client.namespace)}/${showControlChars(one.client.name)}`;
      skipped.push(`${who}: its name would make a file outside the intents folder; no new intents file`);
      continue;
    }
    // An intents file whose text the editor does not have (kept in UTF-16) is never
    // rewritten, nor overwritten as if it were new.
    if (sources.has(file) && sources.get(file) === undefined) {
      const why = sources.leftAlone?.(file) ?? 'an intents file the editor cannot read';
      skipped.push(`${showControlChars(one.client.name)}: ${file} is ${why}; add its ClientIntents by hand`);
      continue;
    }
    const current = edits.get(file) ?? {
      file,
      before: sources.get(file) ?? null,
      after: sources.get(file) ?? '',
    };
    current.after = current.after === '' ? text : `${withNewline(current.after)}---\n${text}`;
    edits.set(file, current);
  }
  return { edits: [...edits.values()], skipped };
}

/** The file for a new document, or undefined when its name would not stay in the folder. */
function fileFor(
  one: ExportClientIntents,
  declared: DeclaredIntents,
  sources: IntentsSources,
): string | undefined {
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
  const shortName = `${name}${extension}`;
  const longName = `${name}.${namespace}${extension}`;
  const short = path.posix.join(directory, shortName);
  const chosen = withNamespace || sources.has(short) || files.includes(short) ? longName : shortName;
  // The name comes from traffic: it must be one plain file name, and the file must stay in the folder.
  if (!isPlainFileName(chosen)) return undefined;
  const file = path.posix.join(directory, chosen);
  return isInsideDirectory(file, directory) ? file : undefined;
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
