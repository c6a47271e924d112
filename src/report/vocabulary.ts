// The words every report uses, once: the text report, the PR comment and the README say the
// same thing the same way ("missing: called, not declared"; `path-not-called` and what it means).
import type { NotCheckedRule, ObservedFrom, StaleReason } from '../model.ts';

export const MISSING = 'missing';
export const MISSING_MEANS = 'called, not declared';
export const STALE = 'stale';
export const STALE_MEANS = 'declared, never called';
export const NOT_EXERCISED = 'not exercised';
export const NOT_EXERCISED_MEANS = 'the client made no calls in this run';

/** A stale rule's reason: its code (as in the JSON report) and what it means. */
export const STALE_REASON_MEANS: Record<StaleReason, string> = {
  'path-not-called': 'the client called this server, never with this method and path',
  'server-not-called': 'the client never called this server',
  'client-idle': 'the client made no calls at all',
};

/** Why a declared rule was not checked. */
export const NOT_CHECKED_MEANS: Record<NotCheckedRule['why'], string> = {
  'not-http': 'not visible in Istio HTTP metrics',
  'no-http-detail': 'called, but the metrics carry no method or path',
};

/** A call whose metrics carry neither method nor path (a rule without http is "any request"). */
export const NO_HTTP_DETAIL = 'no HTTP detail';

export const BLOCKED_MEANS =
  'its server already has intents, so Istio rejects the call once they are enforced';
export const OPEN_MEANS = 'no intent names its server yet, so the call stays allowed';

/** One part of "where the observed calls came from", with the values to quote. */
export interface ObservedPart {
  text: string;
  /** File names, URLs: the renderer quotes or escapes them. */
  values: string[];
  /** Said after the values. */
  tail?: string;
}

const SOURCE_WORDS: Record<string, string> = {
  metrics: 'sidecar metrics from',
  snapshot: 'snapshot',
  sidecars: "the sidecars of the kubeconfig's cluster",
  prometheus: 'Prometheus at',
  mapper: "Otterize's network mapper",
};

/** `2026-03-01 10:00:00 to 10:02:00 UTC` (the date once when both ends share it). */
function span(window: { from: string; to: string }): string {
  const show = (iso: string) => iso.replace('T', ' ').replace(/\.\d+/, '').replace(/Z$/, '');
  const from = show(window.from);
  const to = show(window.to);
  const sameDay = from.slice(0, 10) === to.slice(0, 10);
  return `${from} to ${sameDay ? to.slice(11) : to} UTC`;
}

/** Where the observed calls came from, as parts a renderer quotes its own way. */
export function observedParts(from: ObservedFrom): ObservedPart {
  const words = SOURCE_WORDS[from.source] ?? from.source;
  const tails: string[] = [];
  if (from.since !== undefined) tails.push(`since ${from.since}`);
  if (from.window !== undefined) tails.push(span(from.window));
  const tail = tails.length > 0 ? tails.join(', ') : undefined;
  const values = from.inputs.map((input) => (input === '-' ? 'stdin' : input));
  return { text: words, values, ...(tail === undefined ? {} : { tail }) };
}
