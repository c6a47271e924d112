// Names as they enter the observed map. Metric labels are written by whoever can send a request
// or emit a series (any meshed app can, through the sidecar's merged :15020 endpoint), and these
// names later become file names, ClientIntents targets and policy namespaces. So a workload must
// be named as Kubernetes names objects (a DNS-1123 subdomain: Deployments may hold dots), a
// namespace and a Service as Kubernetes names them (DNS-1123 labels); anything else is left out
// of the map and counted in one warning.
import { isDnsLabel, isDnsSubdomain } from '../kubernetes-names.ts';
import { showControlChars } from '../safe-text.ts';

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

/** What a gate refused: how many, and up to three examples. */
export interface RefusedNames {
  count: number;
  examples: string[];
}
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
    this.refuse(bad);
    return false;
  }

  /**
   * Counts one refused unit; `bad` is what badWorkload or badService said of its first bad name
   * (for readers that check each distinct name once and remember the verdict).
   */
  refuse(bad: string): void {
    this.refused++;
    if (this.examples.length < MAX_EXAMPLES && !this.examples.includes(bad)) this.examples.push(bad);
  }

  /** What this gate refused, to hand to another (a metrics worker's answer). */
  export(): RefusedNames {
    return { count: this.refused, examples: [...this.examples] };
  }

  /** Adds what another gate refused, after what this one did. */
  absorb(other: RefusedNames): void {
    this.refused += other.count;
    for (const bad of other.examples) {
      if (this.examples.length < MAX_EXAMPLES && !this.examples.includes(bad)) this.examples.push(bad);
    }
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

/** What is wrong with a workload's names (as the gate's example shows it), or undefined. */
export function badWorkload(ref: NamedRef | null): string | undefined {
  if (ref === null) return undefined;
  if (!isDnsSubdomain(ref.name)) return `workload ${shown(ref.name)}`;
  if (!isDnsLabel(ref.namespace)) return `namespace ${shown(ref.namespace)}`;
  return undefined;
}

/** What is wrong with a Service's names, or undefined. */
export function badService(ref: NamedRef | null): string | undefined {
  if (ref === null) return undefined;
  if (!isDnsLabel(ref.name)) return `service ${shown(ref.name)}`;
  if (!isDnsLabel(ref.namespace)) return `namespace ${shown(ref.namespace)}`;
  return undefined;
}
