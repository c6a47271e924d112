// ClientIntents as `kubectl apply` would leave them after applying every document in order.
// "Order" is intent-drift's reading order, the one `kubectl apply -R -f A -f B` applies in: the
// paths as given, each folder's files as its walk reads them (collect-files.ts inApplyOrder),
// and the documents of a file from top to bottom.
// A document whose name was already applied in its namespace is an update: it replaces the
// earlier one wholly, and the earlier one's rules are dropped with a warning. The admission
// webhook's rule (one ClientIntents per workload and kind in a namespace, other names only) is
// checked against what is applied at each step, as the webhook checks each request.
import { fail } from '../yaml/yaml-fields.ts';
import type { ParsedClientIntents } from './parse-client-intents.ts';

export interface ParsedFile {
  intents: ParsedClientIntents;
  file: string;
}

export function applyInOrder(parsed: ParsedFile[]): { applied: ParsedFile[]; warnings: string[] } {
  const byName = new Map<string, ParsedFile>();
  const byWorkload = new Map<string, ParsedFile>();
  const warnings: string[] = [];
  for (const entry of parsed) {
    const { intents, file } = entry;
    const nameKey = `${intents.client.namespace}/${intents.name}`;
    const holder = byWorkload.get(workloadKey(entry));
    if (holder && holder.intents.name !== intents.name) rejectSecondForWorkload(entry, holder);
    const earlier = byName.get(nameKey);
    if (earlier) {
      warnings.push(
        `${file}:${intents.line}: ClientIntents ${intents.name} in namespace ${intents.client.namespace} ` +
          `replaces the one at ${earlier.file}:${earlier.intents.line} (same name: kubectl apply updates it), ` +
          'whose rules are not checked',
      );
      byName.delete(nameKey);
      byWorkload.delete(workloadKey(earlier));
    }
    byName.set(nameKey, entry);
    byWorkload.set(workloadKey(entry), entry);
  }
  return { applied: [...byName.values()], warnings };
}

function workloadKey({ intents: { client } }: ParsedFile): string {
  return `${client.namespace}/${client.name}/${client.kind ?? ''}`;
}

/** Webhook rule: another ClientIntents (another name) already holds this workload and kind. */
function rejectSecondForWorkload({ intents, file }: ParsedFile, holder: ParsedFile): never {
  const { client } = intents;
  const kind = client.kind ? ` (${client.kind})` : '';
  fail(
    file,
    intents.line,
    `duplicate ClientIntents for workload ${client.name}${kind} in namespace ${client.namespace}; ` +
      `first at ${holder.file}:${holder.intents.line}`,
  );
}
