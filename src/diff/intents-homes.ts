// Where in a client's ClientIntents a reviewer adds a missing call (the report's `intentsFile`):
// the target that names the call's server, else the document's list of targets. The same place
// the suggested edit (src/declare/edit-intents.ts) writes to.
import type { DeclaredIntents, DeclaredRule, ObservedCall } from '../model.ts';
import { refKey } from './rule-index.ts';

/** A client's first ClientIntents document, and the targets written in it (with their lines). */
export interface IntentsHome {
  doc: DeclaredIntents['documents'][number];
  /** One rule per target (the first), in file order. */
  targets: DeclaredRule[];
}

/** Each client's first ClientIntents document, with its targets: where a reviewer adds a call. */
export function intentsHomes(declared: DeclaredIntents): Map<string, IntentsHome> {
  const homes = new Map<string, IntentsHome>();
  for (const doc of declared.documents) {
    const key = refKey(doc.client);
    if (!homes.has(key)) homes.set(key, { doc, targets: [] });
  }
  for (let i = 0; i < declared.rules.length; i++) {
    const rule = declared.rules[i]!;
    const home = homes.get(refKey(rule.client));
    if (home === undefined || rule.file !== home.doc.file || rule.targetLine === undefined) continue;
    // The rules of one target are neighbours sharing its server object, type and line: the
    // first stands for all of them (a search finds the same line).
    const last = home.targets[home.targets.length - 1];
    const sameTarget =
      last !== undefined &&
      last.server === rule.server &&
      last.targetType === rule.targetType &&
      last.targetLine === rule.targetLine;
    if (!sameTarget) home.targets.push(rule);
  }
  return homes;
}

/**
 * Where a reviewer adds a missing call, as the suggested edit does: the target in its client's
 * ClientIntents that names the server (its workload first, else the Service the caller used),
 * else that document's list of targets, where a new target goes.
 */
export function intentsFileFor(
  home: IntentsHome,
  server: ObservedCall['server'],
): { file: string; line: number } {
  const names = (type: string, ref: { name: string; namespace: string } | undefined) =>
    ref === undefined
      ? undefined
      : home.targets.find(
          (r) => r.targetType === type && r.server.name === ref.name && r.server.namespace === ref.namespace,
        );
  const target = names('kubernetes', server) ?? names('service', server.service);
  return { file: home.doc.file, line: target?.targetLine ?? home.doc.targetsLine ?? home.doc.line };
}
