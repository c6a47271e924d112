// A synthetic mesh with drift, for the pictures at scale (the interactive page with 500
// workloads, the Graphviz layout at 50+, the Mermaid cap). Shaped like a real one: each
// namespace a team with its own tiers (web calls api, api calls core, core calls store), most
// calls inside the team, some to the next team's api and to a shared platform namespace. Every
// call is declared except about one in 19 (missing), and about one declared rule in 23 is never
// called (stale). Deterministic: the same shape gives the same drift.

import { computeDrift } from '../../src/diff/compute-drift.ts';
import type { DeclaredRule, Drift, ObservedCall } from '../../src/model.ts';
import { call, declaredIntents, observedMap, rule } from '../diff/builders.ts';

export interface MeshShape {
  workloads: number;
  namespaces: number;
}

const TIERS = ['web', 'api', 'core', 'store'] as const;
const METHODS = ['GET', 'POST', 'PUT', 'DELETE'];

interface Workload {
  name: string;
  namespace: string;
  tier: number;
  team: number;
}

/** Workload i: team i mod namespaces, its tier by its place in the team. */
export function meshWorkloads(shape: MeshShape): Workload[] {
  const perTeam = Math.ceil(shape.workloads / shape.namespaces);
  return Array.from({ length: shape.workloads }, (_, i) => {
    const team = i % shape.namespaces;
    const place = Math.floor(i / shape.namespaces);
    const tier = Math.min(TIERS.length - 1, Math.floor((place * TIERS.length) / perTeam));
    return { name: `${TIERS[tier]}-${i}`, namespace: `team-${team}`, tier, team };
  });
}

/**
 * Each workload calls one or two of the next tier in its team, and one in four also calls
 * another team's api or the platform team's stores; whoever nobody called yet gets a caller
 * from the tier before it, so every workload is on the map.
 */
function meshPairs(shape: MeshShape, all: Workload[]): [Workload, Workload][] {
  const byTeamTier = new Map<string, Workload[]>();
  for (const w of all)
    byTeamTier.set(`${w.team}/${w.tier}`, [...(byTeamTier.get(`${w.team}/${w.tier}`) ?? []), w]);
  const pick = (team: number, tier: number, n: number) => {
    const list = byTeamTier.get(`${team}/${tier}`) ?? [];
    return list.length === 0 ? undefined : list[n % list.length];
  };
  const pairs: [Workload, Workload][] = [];
  all.forEach((w, i) => {
    if (w.tier === TIERS.length - 1) return;
    for (const k of i % 2 === 0 ? [0] : [0, 1]) {
      const target = pick(w.team, w.tier + 1, i + k * 3);
      if (target) pairs.push([w, target]);
    }
    if (i % 4 === 0) {
      const other = (w.team + 1 + (i % 7)) % shape.namespaces;
      const outside = i % 8 === 0 ? pick(0, TIERS.length - 1, i) : pick(other, 1, i);
      if (outside && outside !== w) pairs.push([w, outside]);
    }
  });
  const called = new Set(pairs.map(([, to]) => to));
  for (const w of all) {
    if (w.tier === 0 || called.has(w)) continue;
    const caller = pick(w.team, w.tier - 1, 0) ?? pick(w.team, 0, 0);
    if (caller && caller !== w) pairs.push([caller, w]);
  }
  return pairs;
}

/** The drift of a mesh of this shape. */
export function meshDrift(shape: MeshShape): Drift {
  const all = meshWorkloads(shape);
  const calls: ObservedCall[] = [];
  const rules: DeclaredRule[] = [];
  meshPairs(shape, all).forEach(([from, to], n) => {
    const client = `${from.name}.${from.namespace}`;
    const server = `${to.name}.${to.namespace}`;
    const method = METHODS[n % METHODS.length] ?? 'GET';
    const path = n % 3 === 0 ? `/v1/${TIERS[to.tier]}/items/${100 + n}` : `/v1/${TIERS[to.tier]}/items`;
    calls.push(call(client, server, method, path, { count: 50 + ((n * 37) % 900) }));
    const file = `intents/${from.namespace}/${from.name}.yaml`;
    if (n % 19 !== 5) rules.push(rule(client, server, method, path, { file, line: 10 + (n % 4) * 6 }));
    if (n % 23 === 7) rules.push(rule(client, server, 'DELETE', '/v1/retired', { file, line: 40 }));
  });
  return computeDrift(observedMap(calls), declaredIntents(rules));
}
