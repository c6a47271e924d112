// The data-only report that crosses from an unprivileged PR run to the `workflow_run` job that
// comments (mode: comment): the JSON report (docs/report.schema.json) plus the PR it belongs to and the
// suggested patch. The commenting job trusts none of it: every field is checked for type,
// shape and size before anything is rendered from it.
import { InputError } from '../../errors.ts';
import type {
  Drift,
  MissingCall,
  NotCheckedRule,
  ObservedCall,
  ObservedFrom,
  StaleRule,
} from '../../model.ts';
import { asControlled } from '../../report/drift-extras.ts';
import { toJsonReport } from '../../report/json-report.ts';

export interface PullRequestStamp {
  number: number;
  headSha: string;
}

export interface CommentArtifact {
  pullRequest: PullRequestStamp;
  drift: Drift;
  suggestedPatch: string;
}

const MAX_ARTIFACT_BYTES = 20 * 1024 * 1024;
const MAX_ENTRIES = 50_000;
const MAX_PATCH = 2 * 1024 * 1024;

/** The report file every run writes; on a PR it carries what `mode: comment` needs. */
export function renderReportFile(
  drift: Drift,
  pullRequest?: PullRequestStamp,
  suggestedPatch?: string,
): string {
  const report: Record<string, unknown> = { ...toJsonReport(drift) };
  if (pullRequest) report.pullRequest = { number: pullRequest.number, headSha: pullRequest.headSha };
  if (suggestedPatch) report.suggestedPatch = suggestedPatch;
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function parseCommentArtifact(text: string, file: string): CommentArtifact {
  const bad = (what: string): never => {
    throw new InputError(`not a usable intent-drift report: ${what}`, { file });
  };
  if (text.length > MAX_ARTIFACT_BYTES) bad('larger than 20 MiB');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return bad('not JSON');
  }
  const v = new Validator(bad);
  const top = v.object(raw, 'report');
  if (top.version !== 1) bad('version must be 1');
  const pr = v.object(top.pullRequest, 'pullRequest (written by a run on a pull request)');
  const number = v.integer(pr.number, 'pullRequest.number', 1);
  const headSha = v.string(pr.headSha, 'pullRequest.headSha', 40);
  if (!/^[0-9a-f]{40}$/.test(headSha)) bad('pullRequest.headSha must be a 40-digit commit SHA');
  const s = v.object(top.summary, 'summary');
  const count = (key: string) => v.integer(s[key], `summary.${key}`, 0);
  const drift: Drift = {
    missing: v.list(top.missing, 'missing', (x, at) => ({
      ...v.call(x, at),
      wouldBeBlocked: v.object(x, at).wouldBeBlocked === true,
      ...v.optional(v.object(x, at).suggestedPath, (p) => ({
        suggestedPath: v.string(p, `${at}.suggestedPath`, 4096),
      })),
      ...v.optional(v.object(x, at).intentsFile, (f) => ({
        intentsFile: v.fileLine(f, `${at}.intentsFile`),
      })),
    })) as MissingCall[],
    stale: v.list(top.stale, 'stale', (x, at) => ({
      ...v.rule(x, at),
      reason: v.oneOf(v.object(x, at).reason, `${at}.reason`, [
        'path-not-called',
        'server-not-called',
        'client-idle',
      ]),
    })) as StaleRule[],
    covered: v.list(top.covered, 'covered', (x, at) => v.call(x, at)),
    notChecked: v.list(top.notChecked, 'notChecked', (x, at) => ({
      ...v.rule(x, at),
      why: v.oneOf(v.object(x, at).why, `${at}.why`, ['not-http', 'no-http-detail']),
    })) as NotCheckedRule[],
    unattributed: v.list(top.unattributed, 'unattributed', (x, at) => v.call(x, at)),
    external: top.external === undefined ? [] : v.list(top.external, 'external', (x, at) => v.call(x, at)),
    ignored: v.list(top.ignored, 'ignored', (x, at) => v.call(x, at)),
    warnings: v.list(top.warnings, 'warnings', (x, at) => v.string(x, at, 4096)),
    summary: {
      observed: count('observed'),
      declared: count('declared'),
      covered: count('covered'),
      missing: count('missing'),
      stale: count('stale'),
      notChecked: count('notChecked'),
      ignored: count('ignored'),
      drift: s.drift === true,
    },
  };
  const controlled = asControlled(drift);
  if (top.config !== undefined) {
    controlled.config = top.config === null ? null : v.relativePath(top.config, 'config');
  }
  if (top.observedFrom !== undefined)
    controlled.observedFrom = v.observedFrom(top.observedFrom, 'observedFrom');
  const patch =
    top.suggestedPatch === undefined ? '' : v.string(top.suggestedPatch, 'suggestedPatch', MAX_PATCH);
  if (patch !== '' && !isUnifiedDiff(patch)) bad('suggestedPatch is not a unified diff');
  return { pullRequest: { number, headSha }, drift, suggestedPatch: patch };
}

/** Only diff lines: headers, hunks, context, additions, removals. */
function isUnifiedDiff(patch: string): boolean {
  return patch
    .split('\n')
    .every(
      (line) =>
        line === '' || /^(--- |\+\+\+ |@@ -\d+(,\d+)? \+\d+(,\d+)? @@|[ +-]|\\ No newline)/.test(line),
    );
}

type Obj = Record<string, unknown>;

/** Kubernetes names (DNS-1123 and a little more): what workloads and namespaces can be called. */
const NAME = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,251}[A-Za-z0-9])?$/;
const METHOD = /^[A-Z]{1,16}$/;
const TARGET_TYPES = ['kubernetes', 'service', 'kafka', 'sql', 'database', 'aws', 'gcp', 'azure', 'internet'];

class Validator {
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

  oneOf<T extends string>(x: unknown, at: string, allowed: T[]): T {
    if (typeof x !== 'string' || !(allowed as string[]).includes(x))
      return this.bad(`${at} must be one of ${allowed.join(', ')}`);
    return x as T;
  }

  optional<T>(x: unknown, read: (x: unknown) => T): T | Record<string, never> {
    return x === undefined ? {} : read(x);
  }

  list<T>(x: unknown, at: string, read: (item: unknown, at: string) => T): T[] {
    if (!Array.isArray(x)) return this.bad(`${at} must be a list`);
    if (x.length > MAX_ENTRIES) return this.bad(`${at} has more than ${MAX_ENTRIES} entries`);
    return x.map((item, i) => read(item, `${at}[${i}]`));
  }

  ref(x: unknown, at: string): { name: string; namespace: string; kind?: string } {
    const o = this.object(x, at);
    const name = this.string(o.name, `${at}.name`, 253);
    const namespace = this.string(o.namespace, `${at}.namespace`, 253);
    if (!NAME.test(name) || !NAME.test(namespace)) this.bad(`${at}: not a Kubernetes name`);
    if (o.kind === undefined) return { name, namespace };
    const kind = this.string(o.kind, `${at}.kind`, 63);
    if (!/^[A-Z][A-Za-z0-9]*$/.test(kind)) this.bad(`${at}.kind: not a Kubernetes kind`);
    return { name, namespace, kind };
  }

  methodAndPath(o: Obj, at: string): { method: string | null; path: string | null } {
    const method = o.method === null ? null : this.string(o.method, `${at}.method`, 16);
    if (method !== null && !METHOD.test(method)) this.bad(`${at}.method: not an HTTP method`);
    const path = o.path === null ? null : this.string(o.path, `${at}.path`, 4096);
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
    const source = this.oneOf(o.source, `${at}.source`, [
      'metrics',
      'snapshot',
      'sidecars',
      'prometheus',
      'mapper',
    ]);
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
    return {
      client: this.ref(o.client, `${at}.client`),
      server: this.ref(o.server, `${at}.server`),
      targetType: this.oneOf(o.targetType, `${at}.targetType`, TARGET_TYPES) as StaleRule['targetType'],
      ...this.methodAndPath(o, at),
      file,
      line: this.integer(o.line, `${at}.line`, 1),
    };
  }
}
