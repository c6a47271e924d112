// The minimal intents edit for a check's drift, read from the files as they are on disk: what
// the action suggests as a patch and commits with open-pr, and what `check --fix` writes.
import path from 'node:path';
import { kindsAgree } from '../diff/rule-index.ts';
import type { DeclaredIntents, Drift } from '../model.ts';
import { readRegularFileBytesSync } from '../regular-file.ts';
import { isUtf16 } from '../yaml/kubectl-text.ts';
import { MAX_YAML_BYTES } from '../yaml/yaml-tree.ts';
import { editIntents, skipReason } from './edit-intents.ts';
import { clientKey, isJsonFile } from './edit-intents-homes.ts';
import type { IntentsEditRequest, IntentsEditResult, IntentsSources } from './edit-intents-types.ts';
import { suggestedPatch } from './suggested-patch.ts';

export interface IntentsEditPlan {
  edit: IntentsEditResult;
  /** The edit as one unified diff ('' when nothing changes). */
  patch: string;
}

/**
 * Each intents file the declared rules came from, by the name the rules carry, read from disk
 * when the edit first asks for it (once): an edit of a few clients reads a few files, not all.
 */
export function intentsSourcesOnDisk(cwd: string, declared: DeclaredIntents): IntentsSources {
  const files = new Set(declared.documents.map((d) => d.file));
  // null: a file kept in UTF-16, which kubectl and the check read but the editor, writing UTF-8
  // only, leaves alone (its patch would not apply, its rewrite would change every byte).
  const read = new Map<string, string | null>();
  const textOf = (file: string): string | null | undefined => {
    if (!files.has(file)) return undefined;
    let text = read.get(file);
    if (text === undefined) {
      const bytes = readRegularFileBytesSync(path.resolve(cwd, file), { file, maxBytes: MAX_YAML_BYTES });
      text = isUtf16(bytes) ? null : bytes.toString('utf8');
      read.set(file, text);
    }
    return text;
  };
  return {
    has: (file) => files.has(file),
    get: (file) => textOf(file) ?? undefined,
    leftAlone: (file) => (textOf(file) === null ? 'UTF-16, which the editor does not write' : undefined),
  };
}

/**
 * Characters the patch holds at the least, without making it: each distinct rule to add (client,
 * server, method and path or template) is at least one added line (`+  - GET` and its newline),
 * and each file it goes into has its two name lines (`--- a/F`, `+++ b/F`) and a hunk header.
 * Enough to know that a patch cannot fit a comment without parsing and diffing every file.
 * Counted only for calls the editor surely writes: those of clients with YAML intents free of
 * anchors and aliases, with a method and a path, that it does not skip (skipReason); such a call
 * goes into its client's first declared document of its kind, whose file therefore changes.
 *
 * Counting stops once the bound passes `enough` (the room the patch must fit): a drift of
 * 100,000 missing calls is known too long after a few thousand, where counting them all took
 * about 0.4 s. The count then returned is still a lower bound, and above `enough`.
 */
export function patchLowerBound(
  drift: Drift,
  declared: DeclaredIntents,
  enough = Number.POSITIVE_INFINITY,
): number {
  const homes = new Map<string, DeclaredIntents['documents']>();
  const json = new Map<string, string>();
  const shared = new Set<string>();
  for (const d of declared.documents) {
    const key = clientKey(d.client);
    const documents = homes.get(key);
    if (documents === undefined) homes.set(key, [d]);
    else documents.push(d);
    if (isJsonFile(d.file) && !json.has(key)) json.set(key, d.file);
    // The editor leaves ClientIntents with anchors or aliases alone: none of the client's calls is sure.
    if (d.shared) shared.add(key);
  }
  const rules = new Set<string>();
  const files = new Set<string>();
  // The files' share counted so far, so the bound is known after each call.
  let fileChars = 0;
  for (const call of drift.missing) {
    // The first document of the client's own kind (ClientHomes.find): another kind's is another workload's.
    const file = homes
      .get(clientKey(call.client))
      ?.find((d) => kindsAgree(d.client.kind, call.client.kind))?.file;
    if (
      call.method === null ||
      call.path === null ||
      file === undefined ||
      shared.has(clientKey(call.client))
    )
      continue;
    if (skipReason(call, (client) => json.get(clientKey(client))) !== undefined) continue;
    rules.add(JSON.stringify([call.client, call.server.name, call.method, call.suggestedPath ?? call.path]));
    if (!files.has(file)) {
      files.add(file);
      // `--- a/F\n` and `+++ b/F\n`, then at least `@@ -1 +1 @@\n`.
      fileChars += 2 * (file.length + 7) + 12;
    }
    if (rules.size * 9 + fileChars > enough) break;
  }
  return rules.size * 9 + fileChars;
}

/** What the edit is asked to do: add the missing calls; remove stale rules when `pruneStale`. */
function editRequest(drift: Drift, pruneStale: boolean): IntentsEditRequest {
  return {
    missing: drift.missing,
    // Never the rules of a client the run did not drive (client-idle): the run says nothing
    // about what that client needs.
    stale: pruneStale ? drift.stale.filter((rule) => rule.reason !== 'client-idle') : [],
  };
}

/** The edit for a check's drift and its patch, every file of it. */
export async function planIntentsEdit(
  cwd: string,
  declared: DeclaredIntents,
  drift: Drift,
  pruneStale: boolean,
): Promise<IntentsEditPlan> {
  const edit = editIntents(intentsSourcesOnDisk(cwd, declared), declared, editRequest(drift, pruneStale));
  return { edit, patch: suggestedPatch(edit.files) };
}

/** The patch was longer than the room it was measured against; it was not made whole. */
export const PATCH_OVER_ROOM = Symbol('patch over room');

/**
 * The suggested patch when it has at most `room` characters, else PATCH_OVER_ROOM, found without
 * editing every file when it is long: the patch is one diff per file in file order, and each
 * file's diff depends only on the calls and rules whose client lives there. So the files are
 * edited one by one, in that order, until the diffs so far pass the room. Whenever this reading
 * could differ from the whole edit (a client without intents gets a new document, which may land
 * in any file; a client found in another file than the first it names), it makes the whole edit.
 */
export async function patchWithinRoom(
  cwd: string,
  declared: DeclaredIntents,
  drift: Drift,
  pruneStale: boolean,
  room: number,
): Promise<PatchWithin | typeof PATCH_OVER_ROOM> {
  const whole = async () => {
    const { patch, edit } = await planIntentsEdit(cwd, declared, drift, pruneStale);
    return patch.length > room ? PATCH_OVER_ROOM : { patch, leftOut: edit.skipped.length };
  };
  const groups = groupByHomeFile(declared, editRequest(drift, pruneStale));
  if (groups === undefined) return whole();
  const sources = intentsSourcesOnDisk(cwd, declared);
  let patch = '';
  const skipped = new Set<string>();
  for (const file of [...groups.keys()].sort((a, b) => a.localeCompare(b))) {
    const { request, documents } = groups.get(file)!;
    // Only the documents of the group's clients: the editor looks up no other client.
    const edit = editIntents(sources, { ...declared, documents }, request);
    if (edit.files.some((f) => f.file !== file)) return whole();
    patch += suggestedPatch(edit.files);
    if (patch.length > room) return PATCH_OVER_ROOM;
    for (const note of edit.skipped) skipped.add(note);
  }
  return { patch, leftOut: skipped.size };
}

/** A patch within the room, and how many notes say what it leaves out (as the whole edit's `skipped`). */
export interface PatchWithin {
  patch: string;
  leftOut: number;
}

interface HomeFileGroup {
  request: IntentsEditRequest;
  /** The declared documents of the clients the request names. */
  documents: DeclaredIntents['documents'];
}

/**
 * The request split by the file the editor looks in first for each client (its first declared
 * document; for a stale rule, the rule's own file when the client has a document there).
 * Undefined when a missing call's client has no document: it would get a new one.
 */
function groupByHomeFile(
  declared: DeclaredIntents,
  request: IntentsEditRequest,
): Map<string, HomeFileGroup> | undefined {
  const documentsOf = new Map<string, DeclaredIntents['documents']>();
  for (const d of declared.documents) {
    const key = clientKey(d.client);
    const documents = documentsOf.get(key);
    if (documents === undefined) documentsOf.set(key, [d]);
    else documents.push(d);
  }
  const groups = new Map<string, HomeFileGroup & { clients: Set<string> }>();
  const add = (file: string, key: string) => {
    let group = groups.get(file);
    if (group === undefined) {
      group = { request: { missing: [], stale: [] }, documents: [], clients: new Set() };
      groups.set(file, group);
    }
    if (!group.clients.has(key)) {
      group.clients.add(key);
      group.documents.push(...documentsOf.get(key)!);
    }
    return group.request;
  };
  for (const call of request.missing) {
    const key = clientKey(call.client);
    const first = documentsOf.get(key)?.[0];
    if (first === undefined) return undefined;
    add(first.file, key).missing.push(call);
  }
  for (const rule of request.stale) {
    const key = clientKey(rule.client);
    const documents = documentsOf.get(key);
    if (documents === undefined) continue; // the editor finds no home for it either
    const home = documents.some((d) => d.file === rule.file) ? rule.file : documents[0]!.file;
    add(home, key).stale.push(rule);
  }
  return groups;
}
