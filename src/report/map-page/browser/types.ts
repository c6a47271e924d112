// Types of the page's script (the browser-*.ts modules): what the reader chose, what is shown,
// where it is drawn. Types only: nothing here reaches the page.

import type { EdgeKind, NodeKind } from '../../graph-model.ts';

export type Selection = { kind: 'link'; key: string } | { kind: 'node'; node: number } | null;

/** What the reader chose in the controls. */
export interface MapState {
  /** A namespace, or '' for all. */
  namespace: string;
  /** An environment of the config, or '' for all. */
  environment: string;
  search: string;
  driftOnly: boolean;
  /** Namespace boxes the reader opened (false) or closed (true); the others follow the size rule. */
  collapsed: Record<string, boolean>;
  zoom: number;
  selected: Selection;
}

/** A namespace box, or the box of callers or hosts outside the mesh. */
export interface ViewGroup {
  key: string;
  label: string;
  collapsed: boolean;
  /** Indexes into the page data's nodes. */
  nodes: number[];
  /** Nodes matching the search. */
  matches: number;
}

/** What is drawn as one box: a node, or a collapsed group standing for its nodes. */
export interface ViewUnit {
  key: string;
  group: string;
  label: string;
  /** The full name, shown on hover and read by screen readers. */
  title: string;
  kind: NodeKind | 'group';
  /** The node's index; -1 for a collapsed group. */
  node: number;
  /** A collapsed group's second line: `12 nodes, 3 matching`. */
  note: string;
  match: boolean;
}

/** One drawn line: the edges of one kind between two units. */
export interface ViewLink {
  key: string;
  from: string;
  to: string;
  kind: EdgeKind;
  /** Indexes into the page data's edges. */
  edges: number[];
  rows: number;
}

export interface MapView {
  groups: ViewGroup[];
  units: ViewUnit[];
  links: ViewLink[];
  /** Edges that pass the filters, of all edges. */
  shown: number;
  total: number;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface MapLayout {
  width: number;
  height: number;
  units: Record<string, Box>;
  /** Expanded groups only: a collapsed one is its unit's box. */
  groups: Record<string, Box>;
}
