// Which drift fails the build. `--fail-on` (or the config's `failOn`) sets the default,
// per-client overrides change it for matching clients, and stale rules of a client that made
// no calls at all (`client-idle`) only warn unless the config says `clientIdle: fail`: the
// run did not exercise that client, which says nothing about its intents.

import type { Drift, FailOn } from '../model.ts';
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
  const key = refKey(client);
  return policy.overrides.find((o) => matchGlob(o.client, key))?.failOn ?? policy.failOn;
}

const failsOnMissing = (failOn: FailOn) => failOn === 'missing' || failOn === 'any';
const failsOnStale = (failOn: FailOn) => failOn === 'stale' || failOn === 'any';

export function evaluateFailure(drift: Drift, policy: FailPolicy): FailVerdict {
  let failingMissing = 0;
  for (let i = 0; i < drift.missing.length; i++) {
    if (failsOnMissing(failOnFor(policy, drift.missing[i]!.client))) failingMissing++;
  }
  let failingStale = 0;
  let idleWarnings = 0;
  for (const rule of drift.stale) {
    if (!failsOnStale(failOnFor(policy, rule.client))) continue;
    if (rule.reason === 'client-idle' && policy.clientIdle === 'warn') idleWarnings++;
    else failingStale++;
  }
  return {
    exitCode: failingMissing > 0 || failingStale > 0 ? 1 : 0,
    failingMissing,
    failingStale,
    idleWarnings,
  };
}
