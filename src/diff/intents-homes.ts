// Where in a client's ClientIntents a reviewer adds a missing call (the report's `intentsFile`):
// in its document of the client's kind, the target that names the call's server, else the
// document's list of targets. The same place the suggested edit (src/declare/edit-intents.ts)
// writes to.
import type { DeclaredIntents, DeclaredRule, ObservedCall, WorkloadRef } from '../model.ts';
import { kindsAgree, refKey } from './rule-index.ts';

/** One of a client's ClientIntents documents, and the targets written in it (with their lines). */
export interface IntentsHome {
  doc: DeclaredIntents['documents'][number];
  /** One rule per target (the first), in file order. */
  targets: DeclaredRule[];
}

/** Where a reviewer adds a client's call: its first ClientIntents document of the client's kind. */
export interface IntentsHomes {
  of(client: WorkloadRef): IntentsHome | undefined;
}

/**
 * Each client's ClientIntents documents, with their targets. A Deployment and a StatefulSet of
 * one name may each have their own (the webhook keys a workload by name and kind, and the diff
 * counts neither's rules for the other): a call goes into the first whose workload kind agrees
 * with its client's (either unknown, or the same), as the editor (edit-intents-homes.ts) puts it.
 */
export function intentsHomes(declared: DeclaredIntents): IntentsHomes {
  const byClient = new Map<string, IntentsHome[]>();
  for (const doc of declared.documents) {
    const key = refKey(doc.client);
    const homes = byClient.get(key);
    if (homes === undefined) byClient.set(key, [{ doc, targets: [] }]);
    else if (!homes.some((home) => home.doc.client.kind === doc.client.kind))
      homes.push({ doc, targets: [] });
  }
  // A document's rules are neighbours sharing its client object: its home is found once.
  let lastClient: DeclaredRule['client'] | undefined;
  let lastFile: string | undefined;
  let home: IntentsHome | undefined;
  for (let i = 0; i < declared.rules.length; i++) {
    const rule = declared.rules[i]!;
    if (rule.targetLine === undefined) continue;
    if (rule.client !== lastClient || rule.file !== lastFile) {
      lastClient = rule.client;
      lastFile = rule.file;
      // A rule's document: the one of its client's kind, in its file.
      home = byClient
        .get(refKey(rule.client))
        ?.find((h) => h.doc.client.kind === rule.client.kind && h.doc.file === rule.file);
    }
    if (home === undefined) continue;
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
  return {
    of: (client) => byClient.get(refKey(client))?.find((h) => kindsAgree(h.doc.client.kind, client.kind)),
  };
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
