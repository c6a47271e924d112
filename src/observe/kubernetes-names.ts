// Names as they enter the observed map. Metric labels are written by whoever can send a request
// or emit a series (any meshed app can, through the sidecar's merged :15020 endpoint), and these
// names later become file names, ClientIntents targets and policy namespaces. So a workload must
// be named as Kubernetes names objects (a DNS-1123 subdomain: Deployments may hold dots), a
// namespace and a Service as Kubernetes names them (DNS-1123 labels); anything else is left out
// of the map and counted in one warning. Checked by hand, character by character: no regex
// built for it, no backtracking.
import { showControlChars } from '../safe-text.ts';

const MAX_SUBDOMAIN = 253;
const MAX_LABEL = 63;

function isLowerAlnum(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** `[a-z0-9]([-a-z0-9]*[a-z0-9])?` within text[from, to). */
function isLabelPart(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  if (!isLowerAlnum(text.charCodeAt(from)) || !isLowerAlnum(text.charCodeAt(to - 1))) return false;
  for (let i = from + 1; i < to - 1; i++) {
    const code = text.charCodeAt(i);
    if (!isLowerAlnum(code) && code !== 0x2d) return false;
  }
  return true;
}

/** A DNS-1123 label: namespaces, Services (`[a-z0-9]([-a-z0-9]*[a-z0-9])?`, at most 63). */
export function isDnsLabel(name: string): boolean {
  return name.length <= MAX_LABEL && isLabelPart(name, 0, name.length);
}

/**
 * A DNS-1123 subdomain: the names of most Kubernetes objects (label-shaped parts joined by dots,
 * at most 253 in all; like the API server's IsDNS1123Subdomain, no limit per part).
 */
export function isDnsSubdomain(name: string): boolean {
  if (name.length === 0 || name.length > MAX_SUBDOMAIN) return false;
  let from = 0;
  for (;;) {
    const dot = name.indexOf('.', from);
    const to = dot === -1 ? name.length : dot;
    if (!isLabelPart(name, from, to)) return false;
    if (dot === -1) return true;
    from = dot + 1;
  }
}

/** A Kubernetes kind as the webhook accepts it in intents: `Deployment`, `StatefulSet`. */
export function isKindName(kind: string): boolean {
  return /^[A-Z][A-Za-z0-9]{0,62}$/.test(kind);
}

interface NamedRef {
  name: string;
  namespace: string;
}

export interface NamedCall {
  client: NamedRef | null;
  server: NamedRef | null;
  service?: NamedRef | null;
}

const MAX_EXAMPLES = 3;
const EXAMPLE_CHARS = 80;

function shown(text: string): string {
  const cut = text.length > EXAMPLE_CHARS ? `${text.slice(0, EXAMPLE_CHARS)}…` : text;
  return `"${showControlChars(cut)}"`;
}

/**
 * Counts what it turns away and says so once. One per reader: `admit` for each call as it
 * enters, `warning` when the map is built.
 */
export class NameGate {
  private refused = 0;
  private readonly examples: string[] = [];

  /** Whether every name of the call may enter the map; counts the call when not. */
  admit(call: NamedCall): boolean {
    const bad = badWorkload(call.client) ?? badWorkload(call.server) ?? badService(call.service ?? null);
    if (bad === undefined) return true;
    this.refused++;
    if (this.examples.length < MAX_EXAMPLES && !this.examples.includes(bad)) this.examples.push(bad);
    return false;
  }

  /** Whether this one workload name may be used (e.g. a pod's workload-name annotation). */
  admitWorkload(ref: NamedRef): boolean {
    return this.admit({ client: ref, server: null });
  }

  get count(): number {
    return this.refused;
  }

  /** The one warning, or undefined when nothing was left out; `what` names the unit counted. */
  warning(what: string): string | undefined {
    if (this.refused === 0) return undefined;
    return (
      `${this.refused} ${what} left out: workload names must be Kubernetes object names (DNS-1123 ` +
      `subdomains) and namespaces and Services DNS-1123 labels; e.g. ${this.examples.join(', ')}`
    );
  }
}

function badWorkload(ref: NamedRef | null): string | undefined {
  if (ref === null) return undefined;
  if (!isDnsSubdomain(ref.name)) return `workload ${shown(ref.name)}`;
  if (!isDnsLabel(ref.namespace)) return `namespace ${shown(ref.namespace)}`;
  return undefined;
}

function badService(ref: NamedRef | null): string | undefined {
  if (ref === null) return undefined;
  if (!isDnsLabel(ref.name)) return `service ${shown(ref.name)}`;
  if (!isDnsLabel(ref.namespace)) return `namespace ${shown(ref.namespace)}`;
  return undefined;
}
