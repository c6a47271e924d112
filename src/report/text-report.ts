// The terminal report: a one-line verdict, then per client what is missing and what is stale,
// then the rest briefly. Colour only when the caller says so (it knows TTY / NO_COLOR).

import type { DeclaredRule, Drift, MissingCall, ObservedCall, StaleRule } from '../model.ts';
import { countLabel, plural, qualifiedName, showControlChars, targetName } from './display-text.ts';
import {
  asControlled,
  controlNotes,
  coverageSummary,
  environmentOf,
  ignoredByText,
  splitStale,
  wideningOf,
} from './drift-extras.ts';
import {
  MISSING_MEANS,
  NO_HTTP_DETAIL,
  NOT_CHECKED_MEANS,
  NOT_EXERCISED_MEANS,
  observedParts,
  STALE_MEANS,
  STALE_REASON_MEANS,
} from './vocabulary.ts';

export interface TextReportOptions {
  /** ANSI colours; the CLI decides from TTY, NO_COLOR and FORCE_COLOR. */
  color?: boolean;
  /** Lines shown for each of not checked / unattributed / external before "... and N more". */
  briefLimit?: number;
}

type Paint = (text: string) => string;
interface Palette {
  bad: Paint;
  warn: Paint;
  good: Paint;
  dim: Paint;
  bold: Paint;
}

const ansi =
  (open: number, close: number): Paint =>
  (text) =>
    `\u001b[${open}m${text}\u001b[${close}m`;
const COLOURS: Palette = {
  bad: ansi(31, 39),
  warn: ansi(33, 39),
  good: ansi(32, 39),
  dim: ansi(2, 22),
  bold: ansi(1, 22),
};
const identity: Paint = (text) => text;
const PLAIN: Palette = { bad: identity, warn: identity, good: identity, dim: identity, bold: identity };

const STALE_REASON = (reason: StaleRule['reason']): string => `${reason} (${STALE_REASON_MEANS[reason]})`;

const show = showControlChars;

function operation(method: string | null, path: string | null, unknown: string): string {
  if (method === null && path === null) return unknown;
  return `${show(method ?? '*')} ${show(path ?? '*')}`;
}

function ruleTarget(rule: DeclaredRule): string {
  const name = show(targetName(rule.server, rule.client.namespace));
  return rule.targetType === 'kubernetes' ? name : `${rule.targetType} ${name}`;
}

/**
 * A rule in a list of all clients' rules: both ends with their namespaces, as the lists of calls
 * name them, since no client heading above says which namespace `legacy` is in.
 */
function ruleEnds(rule: DeclaredRule): string {
  const server = show(qualifiedName(rule.server));
  const target = rule.targetType === 'kubernetes' ? server : `${rule.targetType} ${server}`;
  return `${show(qualifiedName(rule.client))} -> ${target}`;
}

/** The last server written, as missingLine writes it: a client's calls to one server are neighbours. */
interface LastServer {
  server?: object;
  name: string;
  via: string;
}

function missingLine(call: MissingCall, p: Palette, last: LastServer): string {
  if (last.server !== call.server) {
    last.server = call.server;
    last.name = show(targetName(call.server, call.client.namespace));
    last.via = call.server.service
      ? ` via service ${show(targetName(call.server.service, call.client.namespace))}`
      : '';
  }
  const { name: server, via } = last;
  const widening = wideningOf(call);
  const template = call.suggestedPath
    ? `, template ${show(call.suggestedPath)}${widening ? ` (allows ${show(widening)})` : ''}`
    : '';
  const blocked = call.wouldBeBlocked ? `, ${p.bold('would be blocked once enforced')}` : '';
  const op = operation(call.method, call.path, `(${NO_HTTP_DETAIL})`);
  const home = call.intentsFile
    ? `\n        ${p.dim(`declare in ${show(call.intentsFile.file)}:${call.intentsFile.line}`)}`
    : '';
  return `    ${p.bad(`+ ${op} -> ${server}`)}${via}: ${countLabel(call.count, call.protocol)}${template}${blocked}${home}`;
}

function staleLine(rule: StaleRule, p: Palette): string {
  const op = operation(rule.method, rule.path, '(any request)');
  return `    ${p.warn(`- ${op} -> ${ruleTarget(rule)}`)}: ${STALE_REASON(rule.reason)}\n        ${p.dim(`declared at ${show(rule.file)}:${rule.line}`)}`;
}

interface ClientGroup {
  client: { name: string; namespace: string };
  missing: MissingCall[];
  stale: StaleRule[];
  notExercised: StaleRule[];
  covered: number;
}

function groupByClient(drift: Drift): ClientGroup[] {
  const groups = new Map<string, ClientGroup>();
  // Calls share their client's object: its key is made once (200,000 calls, a few thousand clients).
  const keys = new Map<object, string>();
  const keyOf = (client: { name: string; namespace: string }) => {
    let key = keys.get(client);
    if (key === undefined) {
      key = `${client.namespace}/${client.name}`;
      keys.set(client, key);
    }
    return key;
  };
  const groupOf = (client: { name: string; namespace: string }) => {
    const key = keyOf(client);
    let group = groups.get(key);
    if (!group) {
      group = { client, missing: [], stale: [], notExercised: [], covered: 0 };
      groups.set(key, group);
    }
    return group;
  };
  for (const call of drift.missing) groupOf(call.client).missing.push(call);
  const { stale, notExercised } = splitStale(drift.stale);
  for (const rule of stale) groupOf(rule.client).stale.push(rule);
  for (const rule of notExercised) groupOf(rule.client).notExercised.push(rule);
  for (const call of drift.covered) {
    const group = groups.get(keyOf(call.client));
    if (group) group.covered++;
  }
  // Code-unit order by namespace, then name: the order the diff sorts its lists in.
  const sortKey = (g: ClientGroup) => `${g.client.namespace}\u0000${g.client.name}`;
  return [...groups.values()].sort((a, b) =>
    sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0,
  );
}

function verdict(drift: Drift, p: Palette): string {
  const s = drift.summary;
  const { stale, notExercised } = splitStale(drift.stale);
  const ignored = s.ignored + (asControlled(drift).ignoredStale?.length ?? 0);
  let rest = `${s.covered} covered, ${s.notChecked} not checked, ${ignored} ignored`;
  if (notExercised.length > 0) rest += `, ${notExercised.length} not exercised`;
  if (s.missing > 0 || stale.length > 0)
    return `intent-drift: ${p.bad(p.bold('DRIFT'))}: ${s.missing} missing, ${stale.length} stale (${rest})`;
  const what = notExercised.length > 0 ? 'no drift in what the run exercised' : 'no drift';
  return `intent-drift: ${p.good(p.bold('OK'))}: ${what} (${rest})`;
}

/** Each client's coverage, by `namespace/name`. */
function coverageByClient(drift: Drift): Map<string, { declared: number; percent: number }> {
  const byClient = new Map<string, { declared: number; percent: number }>();
  for (const c of asControlled(drift).coverage?.clients ?? []) {
    const key = `${c.client.namespace}/${c.client.name}`;
    if (!byClient.has(key)) byClient.set(key, c);
  }
  return byClient;
}

function clientHeading(
  drift: Drift,
  group: ClientGroup,
  p: Palette,
  coverageOf: ReadonlyMap<string, { declared: number; percent: number }>,
): string {
  const counts = [`${group.missing.length} missing`, `${group.stale.length} stale`];
  if (group.notExercised.length > 0) counts.push(`${group.notExercised.length} not exercised`);
  if (group.covered > 0) counts.push(`${group.covered} covered`);
  const coverage = coverageOf.get(`${group.client.namespace}/${group.client.name}`);
  if (coverage && coverage.declared > 0) counts.push(`coverage ${coverage.percent}%`);
  const environment = environmentOf(drift, group.client.namespace);
  const where = `namespace ${show(group.client.namespace)}${environment ? ` (${show(environment)})` : ''}`;
  return `${p.bold(show(group.client.name))} in ${where}: ${counts.join(', ')}`;
}

function coverageLines(drift: Drift): string[] {
  const coverage = asControlled(drift).coverage;
  const summary = coverageSummary(drift);
  if (!coverage || summary === undefined) return [];
  const lines = ['', `${summary}:`];
  for (const c of coverage.clients) {
    if (c.declared === 0) continue;
    const environment = environmentOf(drift, c.client.namespace);
    const reasons = Object.entries(c.stale)
      .filter(([, n]) => n > 0)
      .map(([reason, n]) => `${n} ${reason}`);
    if (c.noDetail > 0) reasons.push(`${c.noDetail} without HTTP detail`);
    lines.push(
      `  ${show(qualifiedName(c.client))}${environment ? ` (${show(environment)})` : ''}: ` +
        `${c.exercised} of ${c.declared} (${c.percent}%)${reasons.length > 0 ? `: ${reasons.join(', ')}` : ''}`,
    );
  }
  return lines;
}

function briefSection<T>(
  title: string,
  items: readonly T[],
  line: (item: T) => string,
  limit: number,
): string[] {
  if (items.length === 0) return [];
  const lines = [
    '',
    `${title} (${items.length}):`,
    ...items.slice(0, limit).map((item) => `  ${line(item)}`),
  ];
  if (items.length > limit) lines.push(`  ... and ${items.length - limit} more (see the JSON report)`);
  return lines;
}

function callEnds(call: ObservedCall): string {
  const server =
    call.host ?? (call.server.service ? qualifiedName(call.server.service) : qualifiedName(call.server));
  return `${show(qualifiedName(call.client))} -> ${show(server)}`;
}

/** The lines of one client's part: what is missing, stale and not exercised. */
function clientLines(
  drift: Drift,
  group: ClientGroup,
  p: Palette,
  coverageOf: ReadonlyMap<string, { declared: number; percent: number }>,
): string[] {
  const lines = ['', clientHeading(drift, group, p, coverageOf)];
  if (group.missing.length > 0) lines.push(`  missing (${MISSING_MEANS}):`);
  const last: LastServer = { name: '', via: '' };
  for (const call of group.missing) lines.push(missingLine(call, p, last));
  if (group.stale.length > 0) lines.push(`  stale (${STALE_MEANS}):`);
  for (const rule of group.stale) lines.push(staleLine(rule, p));
  if (group.notExercised.length > 0) lines.push(`  not exercised (${NOT_EXERCISED_MEANS}):`);
  for (const rule of group.notExercised) lines.push(staleLine(rule, p));
  return lines;
}

/** Joins lines into chunks of about this many characters. */
const CHUNK_CHARS = 64 * 1024;

/**
 * The text report in pieces, for a writer that streams: one client at a time, never the
 * whole text at once (100,000 missing calls make some 17 MB).
 */
export function* renderTextReportChunks(drift: Drift, opts: TextReportOptions = {}): Generator<string> {
  const p = opts.color ? COLOURS : PLAIN;
  const coverageOf = coverageByClient(drift);
  let chunk = `${verdict(drift, p)}\n`;
  for (const group of groupByClient(drift)) {
    chunk += `${clientLines(drift, group, p, coverageOf).join('\n')}\n`;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}${closingLines(drift, p, opts.briefLimit ?? 10).join('\n')}\n`;
}

export function renderTextReport(drift: Drift, opts: TextReportOptions = {}): string {
  return [...renderTextReportChunks(drift, opts)].join('');
}

/** After the clients: the brief sections, coverage, notes, warnings and the count line. */
function closingLines(drift: Drift, p: Palette, limit: number): string[] {
  const lines: string[] = [];
  lines.push(
    ...briefSection(
      'not checked',
      drift.notChecked,
      (r) => `${ruleEnds(r)} ${p.dim(`${show(r.file)}:${r.line}`)}: ${NOT_CHECKED_MEANS[r.why]}`,
      limit,
    ),
    ...briefSection(
      'unattributed: callers outside the mesh',
      drift.unattributed,
      (c) =>
        `-> ${show(qualifiedName(c.server))} ${operation(c.method, c.path, `(${NO_HTTP_DETAIL})`)}: ${countLabel(c.count, c.protocol)}`,
      limit,
    ),
    ...briefSection(
      'external: destinations outside the mesh',
      drift.external,
      (c) => `${callEnds(c)}: ${countLabel(c.count, c.protocol)}`,
      limit,
    ),
    ...briefSection(
      'ignored by the config',
      drift.ignored,
      (c) => {
        const by = ignoredByText(c);
        return `${callEnds(c)} ${operation(c.method, c.path, `(${NO_HTTP_DETAIL})`)}${by ? ` (by ${show(by)})` : ''}`;
      },
      limit,
    ),
    ...briefSection(
      'stale rules ignored by the config',
      asControlled(drift).ignoredStale ?? [],
      (r) =>
        `${ruleEnds(r)} ${operation(r.method, r.path, '(any request)')} ` +
        `${p.dim(`${show(r.file)}:${r.line}`)} (by ${show(ignoredByText(r) ?? '')})`,
      limit,
    ),
    ...coverageLines(drift),
  );
  const notes = controlNotes(drift);
  if (notes.length > 0) lines.push('');
  for (const note of notes) lines.push(note);

  if (drift.warnings.length > 0) {
    lines.push('');
    for (const w of drift.warnings) lines.push(`${p.warn('warning:')} ${show(w)}`);
  }
  lines.push(
    '',
    `${plural(drift.summary.observed, 'call')} observed, ${plural(drift.summary.declared, 'rule')} declared.`,
    ...runLines(drift),
  );
  return lines;
}

/** Where the calls came from and which config was read: the last lines, when the pipeline said. */
function runLines(drift: Drift): string[] {
  const { observedFrom, config } = asControlled(drift);
  const lines: string[] = [];
  if (observedFrom !== undefined) {
    const part = observedParts(observedFrom);
    const values = part.values.map(show).join(', ');
    lines.push(`observed: ${part.text}${values ? ` ${values}` : ''}${part.tail ? `, ${part.tail}` : ''}`);
  }
  if (config !== undefined) lines.push(`config: ${config === null ? 'none' : show(config)}`);
  return lines;
}
