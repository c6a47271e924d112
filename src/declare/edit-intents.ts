// Minimal edits of committed ClientIntents, as a reviewer would make them by hand: add each
// missing call to its client's document and target (or a new document in the layout the repo
// already uses), and remove stale rules when asked. Documents that do not change keep their
// exact text; changed ones keep their comments, key order and list style (yaml's Document API).
import { type Document, isMap, isScalar, isSeq, parseAllDocuments, type YAMLMap, type YAMLSeq } from 'yaml';
import { validatePathPattern } from '../diff/istio-match.ts';
import { type DeclaredIntents, INTENT_METHODS, type MissingCall, type WorkloadRef } from '../model.ts';
import { hasUnsafeChars, showControlChars } from '../safe-text.ts';
import { buildClientIntents } from './build-client-intents.ts';
import { ClientHomes, isJsonFile, type ParsedFile, sharedNote, sharesNodes } from './edit-intents-homes.ts';
import { newIntentsFiles } from './edit-intents-layout.ts';
import { printEditedFile, withConventionsOf } from './edit-intents-print.ts';
import {
  addCallToTarget,
  findTarget,
  newTargetNode,
  removeRuleFromTarget,
  sharesPolicy,
} from './edit-intents-targets.ts';
import type {
  IntentChange,
  IntentsEditRequest,
  IntentsEditResult,
  IntentsSources,
  TargetList,
} from './edit-intents-types.ts';
import { operatorTargetName, undeclarableReason } from './target-name.ts';
import { YAML_1_1_SAFE } from './yaml-output.ts';

/**
 * `sources` gives each intents file's text (as DeclaredRule.file names it); only the files the
 * edit touches are asked for. Pure but for what `sources` reads: the caller writes files.
 */
export function editIntents(
  sources: IntentsSources,
  declared: DeclaredIntents,
  request: IntentsEditRequest,
): IntentsEditResult {
  const parsed = new Map<string, ParsedFile>();
  const open = (file: string): ParsedFile | undefined => {
    const cached = parsed.get(file);
    if (cached) return cached;
    const text = sources.get(file);
    if (text === undefined) return undefined;
    // Read once already (read-yaml.ts refused repeated keys): skip the Composer's own key check,
    // which compares every key with every earlier one.
    const entry: ParsedFile = {
      text,
      docs: parseAllDocuments(text, { uniqueKeys: false, ...YAML_1_1_SAFE }),
      changed: new Set(),
      changedNodes: new Set(),
    };
    parsed.set(file, entry);
    return entry;
  };
  const result: IntentsEditResult = { files: [], changes: [], skipped: [] };
  const homes = new ClientHomes(declared, open, (file) => sources.leftAlone?.(file));

  const homeless = addToHomes(request.missing, homes, open, result);
  removeStale(request.stale, homes, open, result);
  for (const [file, entry] of parsed) {
    if (entry.changed.size > 0)
      result.files.push({ file, before: entry.text, after: printEditedFile(entry) });
  }
  if (homeless.length > 0) addNewDocuments(homeless, sources, declared, result);
  // yaml prints LF and drops a byte order mark: a file keeps both, or every line would show as changed.
  for (const f of result.files) if (f.before !== null) f.after = withConventionsOf(f.before, f.after);
  result.files.sort((a, b) => a.file.localeCompare(b.file));
  result.skipped = [...new Set(result.skipped)];
  return result;
}

type OpenFile = (file: string) => ParsedFile | undefined;

function markChanged(entry: ParsedFile | undefined, index: number, node: YAMLMap): void {
  entry?.changed.add(index);
  entry?.changedNodes.add(node);
}

/**
 * Why the editor leaves a missing call out whatever its client's documents hold, or undefined.
 * `jsonFile` gives the JSON file that declares a client, if one does.
 */
export function skipReason(
  call: MissingCall,
  jsonFile: (client: WorkloadRef) => string | undefined,
): string | undefined {
  // A server (or client) the operator cannot name is never written: it would grant another.
  const undeclarable = undeclarableReason(call.client, call.server);
  if (undeclarable !== undefined) return undeclarable;
  // A path or method from the traffic with control, bidi or zero-width characters (or `##[`) is
  // not written raw into a reviewed file, where it would hide what it says or reach a log.
  const suspect = [call.method, call.path].find((v): v is string => v !== null && hasUnsafeChars(v));
  if (suspect !== undefined) {
    return `${call.client.name}: ${showControlChars(suspect)} holds control, bidi or zero-width characters; declare it by hand if it is real`;
  }
  // A called path Istio refuses in a policy (`/users/{id}`) would make the whole ClientIntents refused.
  const path = call.suggestedPath ?? call.path;
  const refused = path === null ? null : validatePathPattern(path);
  if (refused !== null) {
    return `${call.client.name}: path ${showControlChars(JSON.stringify(path))} is left out: Istio refuses it in an AuthorizationPolicy (${refused}); declare the call by hand`;
  }
  // The CRD's methods are an upper-case enum and Istio matches methods case-sensitively: a
  // `get` or a HEAD cannot be written; only a target without http, or `methods: []` on the path
  // (every method), allows it.
  if (call.method !== null && !INTENT_METHODS.includes(call.method)) {
    return `${call.client.name} → ${call.server.name}: method ${showControlChars(JSON.stringify(call.method))} cannot be declared (ClientIntents take ${INTENT_METHODS.join(', ')}; Istio matches methods case-sensitively); only a target without http, or an http rule with methods: [] for the path, allows it: declare that by hand if the call is meant`;
  }
  const json = jsonFile(call.client);
  if (json !== undefined)
    return `${call.client.name}: its ClientIntents are JSON (${json}); edit them by hand`;
  return undefined;
}

/** Adds each missing call to its client's ClientIntents; returns the calls whose client has none. */
function addToHomes(
  missing: readonly MissingCall[],
  homes: ClientHomes,
  open: OpenFile,
  result: IntentsEditResult,
): MissingCall[] {
  const homeless: MissingCall[] = [];
  for (const call of missing) {
    const skipped = skipReason(call, (client) => homes.jsonFile(client));
    if (skipped !== undefined) {
      result.skipped.push(skipped);
      continue;
    }
    const home = homes.find(call.client);
    if (home !== undefined && 'note' in home) {
      result.skipped.push(home.note);
      continue;
    }
    if (home === undefined) {
      // Only a client without any ClientIntents gets a new document: one whose document the
      // editor cannot find (changed since the check, or in a shape it does not edit) would get
      // a second one, and the later of two with one name replaces the other when applied.
      const declaredAt = homes.declaredAt(call.client);
      if (declaredAt !== undefined) {
        result.skipped.push(
          leftAloneNote(homes, call.client) ??
            `${call.client.name}: its ClientIntents (${declaredAt}) are not where the editor can change them; edit them by hand`,
        );
      } else homeless.push(call);
      continue;
    }
    const { file, index, doc, node, apiVersion } = home;
    if (sharesNodes(node)) {
      result.skipped.push(sharedNote(call.client.name, file));
      continue;
    }
    const outcome = addCall(doc, node, apiVersion, call);
    if (outcome.skipped) result.skipped.push(outcome.skipped);
    if (outcome.change) {
      markChanged(open(file), index, node);
      result.changes.push({ ...outcome.change, file });
    }
  }

  return homeless;
}

/** Removes each stale rule from the target that declares it, where it is still written so. */
function removeStale(
  stale: IntentsEditRequest['stale'],
  homes: ClientHomes,
  open: OpenFile,
  result: IntentsEditResult,
): void {
  for (const rule of stale) {
    // Said as for a missing call: left unsaid, --fix --prune-stale claimed the intents need no change.
    if (isJsonFile(rule.file)) {
      result.skipped.push(
        `${rule.client.name}: its ClientIntents are JSON (${rule.file}); edit them by hand`,
      );
      continue;
    }
    const home = homes.find(rule.client, rule.file);
    if (home === undefined) {
      const alone = leftAloneNote(homes, rule.client);
      if (alone !== undefined) result.skipped.push(alone);
      continue;
    }
    if ('note' in home) {
      result.skipped.push(home.note);
      continue;
    }
    if (sharesNodes(home.node)) {
      result.skipped.push(sharedNote(rule.client.name, home.file));
      continue;
    }
    const targets = targetList(home.node, home.apiVersion);
    const match = targets && findTarget(targets, rule.server, rule.targetType, rule.client);
    if (!targets || !match) continue;
    if (removeRuleFromTarget(targets, match, rule)) {
      markChanged(open(home.file), home.index, home.node);
      result.changes.push({
        action: 'remove',
        client: rule.client,
        server: match.writtenName,
        method: rule.method,
        path: rule.path,
        file: home.file,
      });
    }
  }
}

/**
 * What the editor says for a client whose ClientIntents it did not find because a file
 * declaring it is one it leaves alone (kept in UTF-16). Asked only once the search opened
 * (tried) every file declaring the client, so it reads no file the edit would not.
 */
function leftAloneNote(homes: ClientHomes, client: WorkloadRef): string | undefined {
  const alone = homes.leftAloneFile(client);
  return alone && `${client.name}: its ClientIntents are ${alone.why} (${alone.file}); edit them by hand`;
}

/** New ClientIntents documents for clients that have none, in the layout the folder uses. */
function addNewDocuments(
  homeless: MissingCall[],
  sources: IntentsSources,
  declared: DeclaredIntents,
  result: IntentsEditResult,
): void {
  // New documents go on top of this run's edits when they land in an edited file.
  const edited = new Map(result.files.map((f) => [f.file, f.after]));
  const current: IntentsSources = {
    has: (file) => edited.has(file) || sources.has(file),
    get: (file) => edited.get(file) ?? sources.get(file),
    leftAlone: (file) => sources.leftAlone?.(file),
  };
  const { intents, warnings } = buildClientIntents(homeless, {
    pathOf: (c) => (c as MissingCall).suggestedPath ?? c.path,
  });
  const created = newIntentsFiles(intents, declared, current);
  for (const note of [...warnings, ...created.skipped]) result.skipped.push(note);
  for (const edit of created.edits) {
    const existing = result.files.find((f) => f.file === edit.file);
    if (existing) existing.after = edit.after;
    else result.files.push({ ...edit, before: sources.get(edit.file) ?? null });
  }
  for (const call of homeless) {
    const file = newIntentsFiles(buildClientIntents([call]).intents, declared, current).edits[0]?.file;
    if (file !== undefined) result.changes.push({ action: 'add', ...describeCall(call), file });
  }
}

function describeCall(call: MissingCall): Omit<IntentChange, 'action' | 'file'> {
  return {
    client: call.client,
    server: writtenServerName(call),
    method: call.method,
    path: call.suggestedPath ?? call.path,
  };
}

function writtenServerName(call: MissingCall): string {
  return operatorTargetName(call.server, call.client.namespace) ?? call.server.name;
}

/**
 * Adds the call to `node`, a ClientIntents of `apiVersion` in `doc` (the document itself, or an
 * item of its list).
 */
function addCall(
  doc: Document.Parsed,
  node: YAMLMap,
  apiVersion: string,
  call: MissingCall,
): { change?: Omit<IntentChange, 'file'>; skipped?: string } {
  const targets = targetList(node, apiVersion);
  if (!targets) return { skipped: `${call.client.name}: no spec.targets or spec.calls list to add to` };
  const path = call.suggestedPath ?? call.path;
  const serverNames = [call.server, ...(call.server.service ? [call.server.service] : [])];
  const match =
    findTarget(targets, call.server, 'kubernetes', call.client) ??
    (call.server.service && findTarget(targets, call.server.service, 'service', call.client));
  if (!match) {
    if (sharesPolicy(targets, call.server, call.client)) {
      return {
        skipped: `${call.client.name} → ${writtenServerName(call)}: a new target would become the same AuthorizationPolicy as a target the file has (only one's rules would be in force); declare it by hand`,
      };
    }
    const flow = prefersFlowMethods(targets.seq);
    targets.seq.items.push(newTargetNode(doc, targets, call, writtenServerName(call), flow));
    return { change: { action: 'add', ...describeCall(call) } };
  }
  if (call.method === null || path === null) {
    const names = serverNames.map((s) => s.name).join('/');
    // Istio applies no rule with paths or methods to TCP: only a target without http allows these.
    const what =
      call.protocol === 'tcp'
        ? 'TCP connections, which a target with HTTP rules never allows; declare it without http by hand if they are meant'
        : 'calls without HTTP detail; the target has HTTP rules';
    return { skipped: `${call.client.name} → ${names}: ${what}` };
  }
  const added = addCallToTarget(doc, targets, match, call.method, path, prefersFlowMethods(targets.seq));
  return added ? { change: { action: 'add', ...describeCall(call), server: match.writtenName } } : {};
}

function targetList(node: YAMLMap, apiVersion: string): TargetList | undefined {
  const v2 = /\/v2/.test(apiVersion);
  const seq = node.getIn(['spec', v2 ? 'targets' : 'calls'], true);
  if (!isSeq(seq)) return undefined;
  return { seq, v2, resourcesKey: apiVersion.endsWith('v1alpha2') ? 'resources' : 'HTTPResources' };
}

// Worked out once per list: a walk of the whole list for each added call was quadratic. The
// answer cannot change while calls are added, since they are added in the style it gives.
const flowPreferenceOf = new WeakMap<YAMLSeq, boolean>();

/** Follows the file's own style: `methods: [GET]` when its lists of methods are flow lists. */
function prefersFlowMethods(targets: YAMLSeq): boolean {
  const known = flowPreferenceOf.get(targets);
  if (known !== undefined) return known;
  let flow = false;
  const visit = (node: unknown): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        // `methods: []` is flow whatever the file's style: only a list with methods tells it.
        if (isScalar(pair.key) && pair.key.value === 'methods' && isSeq(pair.value))
          flow ||= !!pair.value.flow && pair.value.items.length > 0;
        else visit(pair.value);
      }
    } else if (isSeq(node)) node.items.forEach(visit);
  };
  visit(targets);
  flowPreferenceOf.set(targets, flow);
  return flow;
}
