// What `mode: comment` accepts of the report artifact, entry by entry: types, sizes, Kubernetes
// names, repository-relative files. The commenting job trusts none of it. The check-mode writer
// runs the same checks on what it writes (artifact-fit.ts), so the two can never disagree.
import type { ObservedCall, ObservedFrom, StaleRule } from '../../model.ts';

/** The artifact's limits: the reader refuses more, the writer cuts to them. */
export const ARTIFACT_LIMITS = {
  /** The whole file, in bytes. */
  bytes: 20 * 1024 * 1024,
  /** Entries per list. */
  entries: 50_000,
  /** A path, a suggested path, a warning, a declared non-Kubernetes target's name. */
  text: 4096,
  /** The suggested patch, in characters. */
  patch: 2 * 1024 * 1024,
} as const;

/** The lists of the report the commenting job reads, in the order they matter least first. */
export const ARTIFACT_LISTS = [
  'covered',
  'ignored',
  'unattributed',
  'external',
  'notChecked',
  'stale',
  'missing',
] as const;
export type ArtifactList = (typeof ARTIFACT_LISTS)[number];

export type Obj = Record<string, unknown>;

/** Kubernetes names (DNS-1123 and a little more): what workloads and namespaces can be called. */
const NAME = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,251}[A-Za-z0-9])?$/;
const METHOD = /^[A-Z]{1,16}$/;
const TARGET_TYPES = ['kubernetes', 'service', 'kafka', 'sql', 'database', 'aws', 'gcp', 'azure', 'internet'];
/** Targets named by a Kubernetes name; the others (ARNs, cloud resources) by free text. */
const KUBERNETES_TARGETS = new Set(['kubernetes', 'service']);

export class ArtifactValidator {
  private readonly bad: (what: string) => never;

  constructor(bad: (what: string) => never) {
    this.bad = bad;
  }

  object(x: unknown, at: string): Obj {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) return this.bad(`${at} must be an object`);
    return x as Obj;
  }

  string(x: unknown, at: string, max: number): string {
    if (typeof x !== 'string') return this.bad(`${at} must be a string`);
    if (x.length > max) return this.bad(`${at} is longer than ${max} characters`);
    return x;
  }

  integer(x: unknown, at: string, min: number): number {
    if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < min)
      return this.bad(`${at} must be an integer ≥ ${min}`);
    return x;
  }

  oneOf<T extends string>(x: unknown, at: string, allowed: readonly T[]): T {
    if (typeof x !== 'string' || !(allowed as readonly string[]).includes(x))
      return this.bad(`${at} must be one of ${allowed.join(', ')}`);
    return x as T;
  }

  list<T>(x: unknown, at: string, read: (item: unknown, at: string) => T): T[] {
    if (!Array.isArray(x)) return this.bad(`${at} must be a list`);
    if (x.length > ARTIFACT_LIMITS.entries)
      return this.bad(`${at} has more than ${ARTIFACT_LIMITS.entries} entries`);
    return x.map((item, i) => read(item, `${at}[${i}]`));
  }

  ref(x: unknown, at: string, freeName = false): { name: string; namespace: string; kind?: string } {
    const o = this.object(x, at);
    const name = this.string(o.name, `${at}.name`, freeName ? ARTIFACT_LIMITS.text : 253);
    const namespace = this.string(o.namespace, `${at}.namespace`, 253);
    if ((!freeName && !NAME.test(name)) || !NAME.test(namespace)) this.bad(`${at}: not a Kubernetes name`);
    if (o.kind === undefined) return { name, namespace };
    const kind = this.string(o.kind, `${at}.kind`, 63);
    if (!/^[A-Z][A-Za-z0-9]*$/.test(kind)) this.bad(`${at}.kind: not a Kubernetes kind`);
    return { name, namespace, kind };
  }

  methodAndPath(o: Obj, at: string): { method: string | null; path: string | null } {
    const method = o.method === null ? null : this.string(o.method, `${at}.method`, 16);
    if (method !== null && !METHOD.test(method)) this.bad(`${at}.method: not an HTTP method`);
    const path = o.path === null ? null : this.string(o.path, `${at}.path`, ARTIFACT_LIMITS.text);
    return { method, path };
  }

  call(x: unknown, at: string): ObservedCall {
    const o = this.object(x, at);
    const server = { ...this.ref(o.server, `${at}.server`) } as ObservedCall['server'];
    if (o.server !== undefined && (o.server as Obj).service !== undefined) {
      server.service = this.ref((o.server as Obj).service, `${at}.server.service`);
    }
    return {
      client: this.ref(o.client, `${at}.client`),
      server,
      ...this.methodAndPath(o, at),
      count: this.integer(o.count, `${at}.count`, 0),
      protocol: this.oneOf(o.protocol ?? 'http', `${at}.protocol`, ['http', 'grpc', 'tcp']),
    };
  }

  missingCall(x: unknown, at: string) {
    const o = this.object(x, at);
    return {
      ...this.call(x, at),
      wouldBeBlocked: o.wouldBeBlocked === true,
      ...(o.suggestedPath === undefined
        ? {}
        : { suggestedPath: this.string(o.suggestedPath, `${at}.suggestedPath`, ARTIFACT_LIMITS.text) }),
      ...(o.intentsFile === undefined
        ? {}
        : { intentsFile: this.fileLine(o.intentsFile, `${at}.intentsFile`) }),
    };
  }

  /** A repository-relative path: links are built from it. */
  relativePath(x: unknown, at: string): string {
    const file = this.string(x, at, 1024);
    if (!/^[\w@+.-][\w@+./-]*$/.test(file) || file.split('/').includes('..'))
      this.bad(`${at}: not a relative path`);
    return file;
  }

  fileLine(x: unknown, at: string): { file: string; line: number } {
    const o = this.object(x, at);
    return { file: this.relativePath(o.file, `${at}.file`), line: this.integer(o.line, `${at}.line`, 1) };
  }

  /** Source names, inputs and times as the report writes them; anything else is refused. */
  observedFrom(x: unknown, at: string): ObservedFrom {
    const o = this.object(x, at);
    const sources = ['metrics', 'snapshot', 'sidecars', 'prometheus', 'mapper'] as const;
    const source = this.oneOf(o.source, `${at}.source`, sources);
    const inputs = this.list(o.inputs, `${at}.inputs`, (item, i) => this.string(item, i, 1024));
    if (inputs.length > 100) this.bad(`${at}.inputs: more than 100`);
    const from: ObservedFrom = { source, inputs };
    if (o.window !== undefined) {
      const w = this.object(o.window, `${at}.window`);
      const time = (t: unknown, where: string) => {
        const text = this.string(t, where, 40);
        if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(text)) this.bad(`${where}: not a UTC time`);
        return text;
      };
      from.window = { from: time(w.from, `${at}.window.from`), to: time(w.to, `${at}.window.to`) };
    }
    if (o.since !== undefined) {
      from.since = this.string(o.since, `${at}.since`, 64);
      if (!/^[0-9A-Za-z:.+-]+$/.test(from.since)) this.bad(`${at}.since: not a duration or a time`);
    }
    return from;
  }

  rule(x: unknown, at: string) {
    const o = this.object(x, at);
    const file = this.relativePath(o.file, `${at}.file`);
    const targetType = this.oneOf(o.targetType, `${at}.targetType`, TARGET_TYPES) as StaleRule['targetType'];
    return {
      client: this.ref(o.client, `${at}.client`),
      server: this.ref(o.server, `${at}.server`, !KUBERNETES_TARGETS.has(targetType)),
      targetType,
      ...this.methodAndPath(o, at),
      file,
      line: this.integer(o.line, `${at}.line`, 1),
    };
  }

  staleRule(x: unknown, at: string) {
    const reasons = ['path-not-called', 'server-not-called', 'client-idle'] as const;
    return { ...this.rule(x, at), reason: this.oneOf(this.object(x, at).reason, `${at}.reason`, reasons) };
  }

  notCheckedRule(x: unknown, at: string) {
    const whys = ['not-http', 'no-http-detail'] as const;
    return { ...this.rule(x, at), why: this.oneOf(this.object(x, at).why, `${at}.why`, whys) };
  }

  /** The reader of one entry of a list. */
  entry(list: ArtifactList, x: unknown, at: string): unknown {
    if (list === 'missing') return this.missingCall(x, at);
    if (list === 'stale') return this.staleRule(x, at);
    if (list === 'notChecked') return this.notCheckedRule(x, at);
    return this.call(x, at);
  }
}

/** Only diff lines: headers, hunks, context, additions, removals. */
export function isUnifiedDiff(patch: string): boolean {
  return patch
    .split('\n')
    .every(
      (line) =>
        line === '' || /^(--- |\+\+\+ |@@ -\d+(,\d+)? \+\d+(,\d+)? @@|[ +-]|\\ No newline)/.test(line),
    );
}
