// How much of the declared intents the run exercised, per client: a rule no call matched is
// stale, but a rule of a client the run never drove says more about the run than the rule.
// Only rules Istio's HTTP metrics can show count (kubernetes and service targets).

import { CHECKABLE_TARGETS, type DeclaredRule, type Drift, type StaleReason } from '../model.ts';
import { refKey } from './rule-index.ts';

export interface ClientCoverage {
  client: { name: string; namespace: string };
  /** From the config's `environments`, by the client's namespace. */
  environment?: string;
  /** Checkable rules declared for the client. */
  declared: number;
  /** Rules some observed call matched. */
  exercised: number;
  /** Rules no call matched, by why. */
  stale: Record<StaleReason, number>;
  /** Rules whose target was called without method or path: neither exercised nor stale. */
  noDetail: number;
  /** exercised / declared, rounded down, so 100 means every rule was used. */
  percent: number;
}

export interface CoverageReport {
  clients: ClientCoverage[];
  total: { declared: number; exercised: number; percent: number };
}

export interface CoverageOptions {
  /** The same scope the diff used (`-n`). */
  namespaces?: readonly string[];
  environments?: Readonly<Record<string, string>>;
}

function percentOf(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.floor((part * 100) / whole);
}

/**
 * Coverage from the declared rules and the drift computed from them, before ignore rules
 * or a baseline take stale rules away: those rules were still not exercised.
 */
export function computeCoverage(
  rules: readonly DeclaredRule[],
  drift: Drift,
  opts: CoverageOptions = {},
): CoverageReport {
  const scope = opts.namespaces && opts.namespaces.length > 0 ? new Set(opts.namespaces) : null;
  const byClient = new Map<string, ClientCoverage>();
  const entryOf = (client: { name: string; namespace: string }): ClientCoverage => {
    const key = refKey(client);
    let entry = byClient.get(key);
    if (!entry) {
      const environment = opts.environments?.[client.namespace];
      entry = {
        client: { name: client.name, namespace: client.namespace },
        ...(environment === undefined ? {} : { environment }),
        declared: 0,
        exercised: 0,
        stale: { 'path-not-called': 0, 'server-not-called': 0, 'client-idle': 0 },
        noDetail: 0,
        percent: 0,
      };
      byClient.set(key, entry);
    }
    return entry;
  };
  const inScope = (rule: DeclaredRule) => scope === null || scope.has(rule.client.namespace);
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (CHECKABLE_TARGETS.has(rule.targetType) && inScope(rule)) entryOf(rule.client).declared++;
  }
  for (const rule of drift.stale) if (inScope(rule)) entryOf(rule.client).stale[rule.reason]++;
  for (const rule of drift.notChecked) {
    if (rule.why === 'no-http-detail' && inScope(rule)) entryOf(rule.client).noDetail++;
  }

  let declared = 0;
  let exercised = 0;
  const clients = [...byClient.values()].sort((a, b) => compareKeys(refKey(a.client), refKey(b.client)));
  for (const entry of clients) {
    const stale =
      entry.stale['path-not-called'] + entry.stale['server-not-called'] + entry.stale['client-idle'];
    entry.exercised = Math.max(0, entry.declared - stale - entry.noDetail);
    entry.percent = percentOf(entry.exercised, entry.declared);
    declared += entry.declared;
    exercised += entry.exercised;
  }
  return { clients, total: { declared, exercised, percent: percentOf(exercised, declared) } };
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
