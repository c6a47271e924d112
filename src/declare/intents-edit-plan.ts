// The minimal intents edit for a check's drift, read from the files as they are on disk: what
// the action suggests as a patch and commits with open-pr, and what `check --fix` writes.
import path from 'node:path';
import type { DeclaredIntents, Drift } from '../model.ts';
import { readRegularFileSync } from '../regular-file.ts';
import { MAX_YAML_BYTES } from '../yaml/yaml-tree.ts';
import { editIntents } from './edit-intents.ts';
import type { IntentsEditResult, IntentsSources } from './edit-intents-types.ts';
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
  const read = new Map<string, string>();
  return {
    has: (file) => files.has(file),
    get: (file) => {
      if (!files.has(file)) return undefined;
      let text = read.get(file);
      if (text === undefined) {
        text = readRegularFileSync(path.resolve(cwd, file), { file, maxBytes: MAX_YAML_BYTES });
        read.set(file, text);
      }
      return text;
    },
  };
}

/**
 * Characters the patch holds at the least, without making it: each distinct rule to add (client,
 * server, method and path or template) is at least one added line (`+  - GET` and its newline).
 * Enough to know that a patch cannot fit a comment without parsing and diffing every file.
 */
export function patchLowerBound(drift: Drift): number {
  const rules = new Set<string>();
  for (const call of drift.missing) {
    rules.add(JSON.stringify([call.client, call.server.name, call.method, call.suggestedPath ?? call.path]));
  }
  return rules.size * 9;
}

/**
 * Adds the missing calls; removes the stale rules too when `pruneStale`, but never those of a
 * client the run did not drive (client-idle): the run says nothing about what that client needs.
 */
export async function planIntentsEdit(
  cwd: string,
  declared: DeclaredIntents,
  drift: Drift,
  pruneStale: boolean,
): Promise<IntentsEditPlan> {
  const edit = editIntents(intentsSourcesOnDisk(cwd, declared), declared, {
    missing: drift.missing,
    stale: pruneStale ? drift.stale.filter((rule) => rule.reason !== 'client-idle') : [],
  });
  return { edit, patch: suggestedPatch(edit.files) };
}
