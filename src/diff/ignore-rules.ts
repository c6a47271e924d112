// Known, accepted drift from the config's `ignore` list. A rule names any of client, server
// (`namespace/name`), method and path, each a glob where `*` stands for any run of
// characters (`/` included); a field left out matches everything. A path holding `{*}` or
// `{**}` is an Istio template instead, matched as the diff matches declared paths. The first rule that
// matches wins, and is kept with the drift so the report can say which line ignored it.

import type { DeclaredRule, ObservedCall, StaleRule } from '../model.ts';
import { isPathTemplate, matchPath } from './istio-match.ts';
import { refKey } from './rule-index.ts';

export interface IgnoreRule {
  client?: string;
  server?: string;
  method?: string;
  path?: string;
  /** Where the rule is written in the config. */
  file: string;
  line: number;
}

/** Where the ignore rule that matched is written. */
export interface IgnoredBy {
  file: string;
  line: number;
}

/** An entry of `ignored` (a CALL of docs/report.schema.json) with the rule that moved it there. */
export interface IgnoredCall extends ObservedCall {
  ignoredBy?: IgnoredBy;
}

/** A declared rule that would be stale, accepted by an ignore rule. */
export interface IgnoredStaleRule extends StaleRule {
  ignoredBy: IgnoredBy;
}

/**
 * `*` = any run of characters (none included); everything else literal; the whole value. No
 * regex is built from the glob (a config may come from a fork's pull request): the literal parts
 * are found left to right, each search starting where the previous part ended, so the work is
 * bounded by the value's length times the number of parts, never exponential.
 */
export function matchGlob(glob: string, value: string): boolean {
  const parts = glob.split('*');
  if (parts.length === 1) return glob === value;
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (value.length < first.length + last.length) return false;
  if (!value.startsWith(first) || !value.endsWith(last)) return false;
  // The middle parts, in order, leftmost first, between the prefix and the suffix.
  let at = first.length;
  const end = value.length - last.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const part = parts[i]!;
    if (part === '') continue;
    const found = value.indexOf(part, at);
    if (found === -1 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}

function fieldMatches(glob: string | undefined, values: readonly (string | null)[]): boolean {
  if (glob === undefined) return true;
  // An unknown method or path is matched only by a field that allows anything.
  return values.some((value) => (value === null ? glob === '*' : matchGlob(glob, value)));
}

function pathMatches(pattern: string | undefined, path: string | null): boolean {
  if (pattern === undefined || !isPathTemplate(pattern)) return fieldMatches(pattern, [path]);
  return path !== null && (path === pattern || matchPath(pattern, path));
}

/** Whether the rule covers a call: the server matches by its workload or its Service. */
export function ignoreRuleMatchesCall(rule: IgnoreRule, call: ObservedCall): boolean {
  const servers = [refKey(call.server)];
  if (call.server.service) servers.push(refKey(call.server.service));
  return (
    fieldMatches(rule.client, [refKey(call.client)]) &&
    fieldMatches(rule.server, servers) &&
    fieldMatches(rule.method, [call.method]) &&
    pathMatches(rule.path, call.path)
  );
}

/** Whether the rule covers a declared rule: its server as declared, its method and path as written. */
export function ignoreRuleMatchesDeclared(rule: IgnoreRule, declared: DeclaredRule): boolean {
  return (
    fieldMatches(rule.client, [refKey(declared.client)]) &&
    fieldMatches(rule.server, [refKey(declared.server)]) &&
    fieldMatches(rule.method, [declared.method]) &&
    pathMatches(rule.path, declared.path)
  );
}

export interface IgnoreMatcher {
  /** The rule that ignores this call, or undefined. */
  forCall(call: ObservedCall): IgnoredBy | undefined;
  forDeclared(rule: DeclaredRule): IgnoredBy | undefined;
}

export function buildIgnoreMatcher(rules: readonly IgnoreRule[]): IgnoreMatcher {
  const where = (rule: IgnoreRule | undefined): IgnoredBy | undefined =>
    rule === undefined ? undefined : { file: rule.file, line: rule.line };
  return {
    forCall: (call) => where(rules.find((rule) => ignoreRuleMatchesCall(rule, call))),
    forDeclared: (declared) => where(rules.find((rule) => ignoreRuleMatchesDeclared(rule, declared))),
  };
}
