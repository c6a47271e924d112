// Which drift fails the build. `--fail-on` (or the config's `failOn`) sets the default,
// per-client overrides change it for matching clients, and stale rules of a client that made
// no calls at all (`client-idle`) only warn unless the config says `clientIdle: fail`: the
// run did not exercise that client, which says nothing about its intents.

import type { Drift, FailOn, StaleRule } from '../model.ts';
import { matchGlob } from './ignore-rules.ts';
import { refKey } from './rule-index.ts';

export type ClientIdlePolicy = 'warn' | 'fail';

export interface FailOverride {
  /** `namespace/name` glob. */
  client: string;
  failOn: FailOn;
  file?: string;
  line?: number;
}

export interface FailPolicy {
  failOn: FailOn;
  clientIdle: ClientIdlePolicy;
  overrides: readonly FailOverride[];
}

export interface FailVerdict {
  exitCode: 0 | 1;
  /** Entries that fail the build. */
  failingMissing: number;
  failingStale: number;
  /** Stale rules of idle clients that would fail but only warn. */
  idleWarnings: number;
}

export function failOnFor(policy: FailPolicy, client: { name: string; namespace: string }): FailOn {
  if (policy.overrides.length === 0) return policy.failOn;
  const key = refKey(client);
  return policy.overrides.find((o) => matchGlob(o.client, key))?.failOn ?? policy.failOn;
}

/**
 * One warning per override whose client glob matches no client this run observed or declared
 * (`payment/*` for `payments`): it changes nothing, and without a word a typo there would leave
 * those clients on the default policy unnoticed. Clients are those read, not only those in the
 * `-n` scope, so a config shared by runs over different namespaces does not warn each of them.
 */
export function unusedOverrideWarnings(policy: FailPolicy, clients: ReadonlySet<string>): string[] {
  const names = [...clients];
  return policy.overrides
    .filter((o) => !names.some((client) => matchGlob(o.client, client)))
    .map((o) => {
      const at = o.file === undefined ? 'overrides' : `${o.file}${o.line === undefined ? '' : `:${o.line}`}`;
      return `${at}: override client ${o.client} (failOn: ${o.failOn}) matches no client observed or declared in this run: it changes nothing`;
    });
}

const failsOnMissing = (failOn: FailOn) => failOn === 'missing' || failOn === 'any';
const failsOnStale = (failOn: FailOn) => failOn === 'stale' || failOn === 'any';

/** Whether this missing call fails the build under the policy. */
export function missingFails(
  policy: FailPolicy,
  call: { client: { name: string; namespace: string } },
): boolean {
  return failsOnMissing(failOnFor(policy, call.client));
}

/**
 * What a stale rule does to the build: fail, only warn (a rule of an idle client under
 * `clientIdle: warn`), or nothing (the policy does not look at stale rules for its client).
 */
export function staleOutcome(policy: FailPolicy, rule: StaleRule): 'fail' | 'warn' | 'pass' {
  if (!failsOnStale(failOnFor(policy, rule.client))) return 'pass';
  return rule.reason === 'client-idle' && policy.clientIdle === 'warn' ? 'warn' : 'fail';
}

export function evaluateFailure(drift: Drift, policy: FailPolicy): FailVerdict {
  let failingMissing = 0;
  for (let i = 0; i < drift.missing.length; i++)
    if (missingFails(policy, drift.missing[i]!)) failingMissing++;
  let failingStale = 0;
  let idleWarnings = 0;
  for (const rule of drift.stale) {
    const outcome = staleOutcome(policy, rule);
    if (outcome === 'warn') idleWarnings++;
    else if (outcome === 'fail') failingStale++;
  }
  return {
    exitCode: failingMissing > 0 || failingStale > 0 ? 1 : 0,
    failingMissing,
    failingStale,
    idleWarnings,
  };
}
