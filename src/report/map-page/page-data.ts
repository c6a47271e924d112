// What the interactive page knows, as one JSON document embedded in it: the nodes, the edges
// with every call and rule behind them (verdict, enforcement, reason, file and line, suggested
// rule), the styles of the legend, where the data came from. Every text from traffic or files
// goes through pictureText here; the page's script only ever sets it as text, never as markup.

import type { MissingCall, ObservedCall, StaleRule } from '../../model.ts';
import { countLabel, plural, qualifiedName } from '../display-text.ts';
import { wideningOf } from '../drift-extras.ts';
import { EDGE_STYLES, NODE_STYLES } from '../graph-dot.ts';
import type { CallGraph, EdgeKind, GraphRow, NodeKind } from '../graph-model.ts';
import { pictureText } from '../picture-text.ts';
import { suggestedRule } from './suggested-rule.ts';

/** Where the data came from and how the page starts; given by the command that draws it. */
export interface MapPageContext {
  /** `metrics files fixtures/demo/capture`, `Prometheus, the last 15m`: no URL, no token. */
  source: string;
  /** The span of the traffic, when the source knows it. */
  window?: { from: string; to: string };
  /** namespace -> environment, from the config. */
  environments: Record<string, string>;
  /** Start with only the drift shown (`visualize --only-drift`). */
  onlyDrift: boolean;
  warnings: readonly string[];
}

export interface PageNode {
  kind: NodeKind;
  /** `name.namespace`, a host, `outside the mesh`. */
  label: string;
  /** The label inside its namespace's box. */
  name: string;
  namespace: string | null;
}

export interface PageRow {
  /** `GET /client-path`, `(no HTTP detail)`, `(any request)`. */
  call: string;
  /** `120 requests`; absent for a declared rule. */
  count?: string;
  verdict: string;
  /** Missing: what enforcement does with it. Stale: the reason. Ignored: the accepting rule. */
  note?: string;
  /** `declared at intents/client.yaml:14`, `declare in intents/client2.yaml:3`. */
  where?: string;
  via?: string;
  /** The Istio template suggested for an ID-like path, and what it allows beyond it. */
  template?: string;
  seen?: string;
  /** YAML lines for the client's ClientIntents. */
  rule?: string;
}

export interface PageEdge {
  from: number;
  to: number;
  kind: EdgeKind;
  rows: PageRow[];
}

export interface KindStyle {
  legend: string;
  stroke: string;
  /** SVG stroke-dasharray, '' for a solid line. */
  dash: string;
  width: number;
  fill?: string;
}

export interface MapPageData {
  title: string;
  mode: CallGraph['mode'];
  summary: string;
  source: string;
  window: string | null;
  warnings: string[];
  environments: Record<string, string>;
  onlyDrift: boolean;
  nodes: PageNode[];
  edges: PageEdge[];
  edgeStyles: Record<EdgeKind, KindStyle>;
  nodeStyles: Record<NodeKind, KindStyle>;
}

const VERDICT: Record<EdgeKind, string> = {
  covered: 'covered',
  missing: 'missing',
  blocked: 'missing',
  stale: 'stale',
  ignored: 'ignored',
  observed: 'observed',
};

const STALE_REASON: Record<StaleRule['reason'], string> = {
  'path-not-called': 'the client called this server, never with this method and path',
  'server-not-called': 'the client never called this server',
  'client-idle': 'the client made no calls at all in this run',
};

const DASH: Record<string, string> = { dotted: '2 4', dashed: '7 4', 'dashed,bold': '7 4' };

function verdictOf(kind: EdgeKind, mode: CallGraph['mode']): string {
  return kind === 'observed' && mode === 'drift' ? 'observed, not judged' : VERDICT[kind];
}

function seenOf(call: ObservedCall): string | undefined {
  if (call.firstSeen === undefined && call.lastSeen === undefined) return undefined;
  return `${call.firstSeen ?? '?'} to ${call.lastSeen ?? '?'}`;
}

function missingDetails(call: MissingCall, out: PageRow): void {
  out.note = call.wouldBeBlocked
    ? 'would be blocked once enforced: the server already has intents'
    : 'allowed once enforced: the server has no intents yet';
  out.where = call.intentsFile
    ? `declare in ${call.intentsFile.file}:${call.intentsFile.line}`
    : 'declare in a new ClientIntents';
  if (call.suggestedPath !== undefined) {
    const widening = wideningOf(call);
    out.template = `${call.suggestedPath}${widening ? ` (also allows ${widening})` : ''}`;
  }
  const rule = suggestedRule(call);
  if (rule !== undefined) out.rule = rule;
}

function pageRow(row: GraphRow, mode: CallGraph['mode']): PageRow {
  const out: PageRow = { call: row.operation, verdict: verdictOf(row.kind, mode) };
  const { call, rule } = row;
  if (call !== undefined) {
    out.count = countLabel(call.count, call.protocol);
    if (call.server.service) out.via = `via service ${qualifiedName(call.server.service)}`;
    const seen = seenOf(call);
    if (seen !== undefined) out.seen = seen;
    if (row.kind === 'missing' || row.kind === 'blocked') missingDetails(call as MissingCall, out);
    const ignoredBy = (call as { ignoredBy?: { file: string; line: number } }).ignoredBy;
    if (row.kind === 'ignored' && ignoredBy) out.note = `accepted by ${ignoredBy.file}:${ignoredBy.line}`;
  }
  if (rule !== undefined) {
    out.where = `declared at ${rule.file}:${rule.line}`;
    const reason = (rule as StaleRule).reason;
    if (reason !== undefined) out.note = `${reason}: ${STALE_REASON[reason]}`;
  }
  return shown(out);
}

/** Every string field through pictureText; the YAML keeps its line breaks, line by line. */
function shown(row: PageRow): PageRow {
  const out = { ...row };
  for (const key of Object.keys(out) as (keyof PageRow)[]) {
    const value = out[key];
    if (value === undefined) continue;
    out[key] = key === 'rule' ? value.split('\n').map(pictureText).join('\n') : pictureText(value);
  }
  return out;
}

function kindStyle(style: (typeof EDGE_STYLES)[EdgeKind]): KindStyle {
  const a = style.attributes;
  return {
    legend: style.legend,
    stroke: a.color ?? '#000000',
    dash: DASH[a.style ?? ''] ?? '',
    width: Number(a.penwidth ?? '1.2'),
  };
}

function styles(mode: CallGraph['mode']): Pick<MapPageData, 'edgeStyles' | 'nodeStyles'> {
  const edgeStyles = {} as Record<EdgeKind, KindStyle>;
  for (const [kind, style] of Object.entries(EDGE_STYLES) as [EdgeKind, (typeof EDGE_STYLES)[EdgeKind]][]) {
    edgeStyles[kind] = kindStyle(style);
  }
  if (mode === 'drift') edgeStyles.observed.legend = 'observed, not judged (outside the mesh)';
  const nodeStyles = {} as Record<NodeKind, KindStyle>;
  for (const [kind, style] of Object.entries(NODE_STYLES) as [NodeKind, (typeof NODE_STYLES)[NodeKind]][]) {
    const a = style.attributes;
    nodeStyles[kind] = {
      legend: style.legend.replace(' (name.namespace)', ''),
      stroke: a.color ?? '#000000',
      fill: a.fillcolor ?? '#ffffff',
      dash: (a.style ?? '').includes('dashed') ? '5 3' : '',
      width: 1,
    };
  }
  return { edgeStyles, nodeStyles };
}

function summaryOf(graph: CallGraph): string {
  const rows = (kind: EdgeKind) =>
    graph.edges.filter((e) => e.kind === kind).reduce((n, e) => n + e.rows.length, 0);
  const missing = rows('missing') + rows('blocked');
  const parts = [
    rows('covered') > 0 ? `${rows('covered')} covered` : '',
    missing > 0 ? `${missing} missing (${rows('blocked')} would be blocked once enforced)` : '',
    rows('stale') > 0 ? `${rows('stale')} stale` : '',
    rows('ignored') > 0 ? `${rows('ignored')} ignored` : '',
    rows('observed') > 0
      ? `${plural(rows('observed'), 'call')} ${graph.mode === 'drift' ? 'to or from outside the mesh' : 'observed'}`
      : '',
  ].filter((part) => part !== '');
  if (parts.length === 0) return 'Nothing observed or declared.';
  return `${parts.join(', ')}; ${plural(graph.nodes.length, 'node')}.`;
}

/** The page's data for a graph; the same graph and context give the same document. */
export function mapPageData(graph: CallGraph, context: MapPageContext): MapPageData {
  const index = new Map(graph.nodes.map((n, i) => [n.key, i]));
  const environments: Record<string, string> = {};
  for (const [namespace, name] of Object.entries(context.environments).sort(([a], [b]) => (a < b ? -1 : 1))) {
    environments[pictureText(namespace)] = pictureText(name);
  }
  return {
    title:
      graph.mode === 'drift'
        ? 'intent-drift: observed calls vs declared intents'
        : 'intent-drift: observed calls',
    mode: graph.mode,
    summary: summaryOf(graph),
    source: pictureText(context.source),
    window: context.window ? pictureText(`${context.window.from} to ${context.window.to}`) : null,
    warnings: context.warnings.map(pictureText),
    environments,
    onlyDrift: context.onlyDrift && graph.mode === 'drift',
    nodes: graph.nodes.map((n) => ({
      kind: n.kind,
      label: pictureText(n.label),
      name: pictureText(n.name),
      namespace: n.namespace === undefined ? null : pictureText(n.namespace),
    })),
    edges: graph.edges.map((e) => ({
      from: index.get(e.from) ?? -1,
      to: index.get(e.to) ?? -1,
      kind: e.kind,
      rows: e.rows.map((r) => pageRow(r, graph.mode)),
    })),
    ...styles(graph.mode),
  };
}
