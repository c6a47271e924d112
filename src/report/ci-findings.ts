// The drift as findings for CI systems that know nothing of intents (SARIF for code scanning,
// JUnit for test reports): each finding has a stable identity, a place in an intents file, a
// plain-text message, and what it does to the gate. Missing calls that one template would
// declare are one finding, so a new ID under `/users/{*}` is the same finding as yesterday's.
import type { DeclaredRule, Drift, MissingCall, NotCheckedRule, StaleRule } from '../model.ts';
import { countLabel, qualifiedName, showControlChars, targetName } from './display-text.ts';
import { splitStale } from './drift-extras.ts';
import { NO_HTTP_DETAIL } from './vocabulary.ts';

export type GateOutcome = 'fail' | 'warn' | 'pass';

/** What the check knows beyond the drift: the gate's verdict per entry, the suggested rule. */
export interface CiReportOptions {
  /** Whether each missing call or stale rule fails the build (the fail policy). */
  gate: { missing(call: MissingCall): boolean; stale(rule: StaleRule): GateOutcome };
  /** A file as the report names it, as a path from the repository root (default: unchanged). */
  repositoryPath?: (file: string) => string;
  /** The intents entry to add for a missing call. */
  suggest?: (call: MissingCall) => { under: string; yaml: string } | undefined;
  /** Where a missing call of a client that has no ClientIntents document is shown. */
  fallbackHome?: (call: MissingCall) => { file: string; line: number } | undefined;
  /** The declared rules in scope: JUnit lists the ones the run exercised as passing cases. */
  declared?: readonly DeclaredRule[];
}

export type FindingKind = 'missing' | 'stale' | 'not-exercised' | 'no-http-detail';

export interface Finding {
  kind: FindingKind;
  client: { name: string; namespace: string };
  /** `POST /client2-path -> nginx`, shown escaped. */
  title: string;
  /** Plain text, one paragraph per line. */
  detail: string[];
  location: { file: string; line: number } | undefined;
  outcome: GateOutcome;
  /** What stays the same while the drift stays the same: never counts or lines. */
  identity: string[];
  suggestion?: { under: string; yaml: string };
  /** The declared rule a stale or unchecked finding is about. */
  rule?: DeclaredRule;
}

const show = showControlChars;
/** What a call whose metrics carry neither method nor path shows for its operation. */
export const NO_DETAIL = `(${NO_HTTP_DETAIL})`;

/**
 * `GET /path`; with neither method nor path, `whole`: a rule's `(any request)`, or a call's
 * `(no HTTP detail)` (the metrics did not say what it asked for).
 */
export function operation(method: string | null, path: string | null, whole = '(any request)'): string {
  if (method === null && path === null) return whole;
  return `${show(method ?? '*')} ${show(path ?? '*')}`;
}

function ruleTarget(rule: DeclaredRule): string {
  const name = show(targetName(rule.server, rule.client.namespace));
  return rule.targetType === 'kubernetes' ? name : `${rule.targetType} ${name}`;
}

export const STALE_DETAIL: Record<StaleRule['reason'], string> = {
  'path-not-called': 'path-not-called: the client called this server, never with this method and path',
  'server-not-called': 'server-not-called: the client was active but never called this server',
  'client-idle': 'client-idle: the client made no calls at all in this run, so the rule was not exercised',
};

/** The findings of a drift, in the diff's order: missing, stale, not exercised, no HTTP detail. */
export function ciFindings(drift: Drift, opts: CiReportOptions): Finding[] {
  const where = (file: string) => (opts.repositoryPath ? opts.repositoryPath(file) : file);
  const { stale, notExercised } = splitStale(drift.stale);
  const findings: Finding[] = missingGroups(drift.missing).map((calls) => missingFinding(calls, opts, where));
  for (const rule of [...stale, ...notExercised]) {
    findings.push({
      kind: rule.reason === 'client-idle' ? 'not-exercised' : 'stale',
      client: rule.client,
      title: `${operation(rule.method, rule.path)} -> ${ruleTarget(rule)}`,
      detail: [`Declared, but no observed call used it (${STALE_DETAIL[rule.reason]}).`],
      location: { file: where(rule.file), line: rule.line },
      outcome: opts.gate.stale(rule),
      identity: ruleIdentity('stale', rule),
      rule,
    });
  }
  for (const rule of drift.notChecked.filter((r: NotCheckedRule) => r.why === 'no-http-detail')) {
    findings.push({
      kind: 'no-http-detail',
      client: rule.client,
      title: `${operation(rule.method, rule.path)} -> ${ruleTarget(rule)}`,
      detail: [
        'The client called this target, but the metrics carry no method or path, so this rule could not be checked.',
      ],
      location: { file: where(rule.file), line: rule.line },
      outcome: 'pass',
      identity: ruleIdentity('no-http-detail', rule),
      rule,
    });
  }
  return findings;
}

/** Missing calls one rule would declare: same client, server, method and (templated) path. */
function missingGroups(missing: readonly MissingCall[]): MissingCall[][] {
  const groups = new Map<string, MissingCall[]>();
  for (const call of missing) {
    const key = JSON.stringify(missingIdentity(call));
    const group = groups.get(key);
    if (group) group.push(call);
    else groups.set(key, [call]);
  }
  return [...groups.values()];
}

function missingIdentity(call: MissingCall): string[] {
  return [
    'missing',
    qualifiedName(call.client),
    qualifiedName(call.server),
    call.method ?? '',
    call.suggestedPath ?? call.path ?? '',
  ];
}

function ruleIdentity(kind: string, rule: DeclaredRule): string[] {
  return [
    kind,
    qualifiedName(rule.client),
    rule.targetType,
    qualifiedName(rule.server),
    rule.method ?? '',
    rule.path ?? '',
  ];
}

function missingFinding(
  calls: MissingCall[],
  opts: CiReportOptions,
  where: (file: string) => string,
): Finding {
  const first = calls[0]!;
  const path = first.suggestedPath ?? first.path;
  const server = show(targetName(first.server, first.client.namespace));
  const via = first.server.service
    ? ` via service ${show(targetName(first.server.service, first.client.namespace))}`
    : '';
  const count = calls.reduce((sum, call) => sum + call.count, 0);
  const detail = [
    `Called ${countLabel(count, first.protocol)}${via}, but no ClientIntents rule of ${show(first.client.name)} allows it.` +
      (first.wouldBeBlocked
        ? ' The server already has intents, so Istio would block this call once they are enforced.'
        : ' Nobody declares this server yet, so enforcement would not block it.'),
  ];
  if (first.suggestedPath !== undefined) {
    const seen = calls.map((call) => show(call.path ?? '')).slice(0, 5);
    const more = calls.length > seen.length ? ` and ${calls.length - seen.length} more` : '';
    detail.push(
      `The template ${show(first.suggestedPath)} stands for the paths seen: ${seen.join(', ')}${more}.`,
    );
  }
  const home = first.intentsFile ?? opts.fallbackHome?.(first);
  if (first.intentsFile === undefined) {
    detail.push(`${show(qualifiedName(first.client))} has no ClientIntents yet: add a document for it.`);
  }
  const suggestion = opts.suggest?.(first);
  return {
    kind: 'missing',
    client: first.client,
    title: `${operation(first.method, path, NO_DETAIL)} -> ${server}`,
    detail,
    location: home === undefined ? undefined : { file: where(home.file), line: home.line },
    outcome: calls.some((call) => opts.gate.missing(call)) ? 'fail' : 'pass',
    identity: missingIdentity(first),
    ...(suggestion === undefined ? {} : { suggestion }),
  };
}
