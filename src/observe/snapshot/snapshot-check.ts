// The shape of a snapshot file, checked strictly on the way in: every field of the type and
// form `capture` writes, no field it does not write. A snapshot may come from anywhere (a
// fork, an artifact); a wrong shape is an InputError naming the field, never a TypeError later.
// Names that are not Kubernetes names are not an error: like metric labels, those calls stay out
// of the map and are counted in one warning.
import { InputError } from '../../errors.ts';
import { isKindName } from '../../kubernetes-names.ts';
import { NameGate } from '../name-gate.ts';
import { timeOutOfRange } from '../rfc3339-time.ts';
import { SNAPSHOT_KIND, SNAPSHOT_VERSION, type Snapshot, type SnapshotCall } from './snapshot-format.ts';

type Obj = Record<string, unknown>;

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;
const MAX_STRING = 64 * 1024;
const MAX_WARNINGS = 10_000;

class Checker {
  private readonly file: string;

  constructor(file: string) {
    this.file = file;
  }

  fail(at: string, what: string): never {
    throw new InputError(`${at}: ${what}`, { file: this.file });
  }

  object(x: unknown, at: string, keys: readonly string[]): Obj {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) this.fail(at, 'must be an object');
    for (const key of Object.keys(x)) {
      if (!keys.includes(key)) this.fail(`${at}.${key}`, 'is not a field of a snapshot');
    }
    return x as Obj;
  }

  string(x: unknown, at: string): string {
    if (typeof x !== 'string') this.fail(at, 'must be a string');
    if (x.length > MAX_STRING) this.fail(at, `is longer than ${MAX_STRING} characters`);
    return x;
  }

  time(x: unknown, at: string): string {
    const text = this.string(x, at);
    if (!ISO.test(text) || Number.isNaN(Date.parse(text))) this.fail(at, 'must be an RFC 3339 time');
    const outOfRange = timeOutOfRange(text);
    if (outOfRange !== undefined) this.fail(at, `must be an RFC 3339 time (${outOfRange})`);
    return text;
  }

  /** `capture` writes a span's end at or after its start; a span that ends first is refused. */
  inOrder(start: string, end: string, at: string, startField: string): void {
    if (Date.parse(end) < Date.parse(start)) this.fail(at, `${end} is before ${startField} (${start})`);
  }

  count(x: unknown, at: string): number {
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) this.fail(at, 'must be a number >= 0');
    return x;
  }

  nullableString(x: unknown, at: string): string | null {
    return x === null ? null : this.string(x, at);
  }

  ref(x: unknown, at: string, withService: boolean): SnapshotCall['server'] {
    const o = this.object(
      x,
      at,
      withService ? ['name', 'namespace', 'kind', 'service'] : ['name', 'namespace', 'kind'],
    );
    const ref: SnapshotCall['server'] = {
      name: this.string(o.name, `${at}.name`),
      namespace: this.string(o.namespace, `${at}.namespace`),
    };
    if (o.kind !== undefined) {
      const kind = this.string(o.kind, `${at}.kind`);
      if (!isKindName(kind))
        this.fail(`${at}.kind`, 'must be a Kubernetes kind (Deployment, StatefulSet, ...)');
      ref.kind = kind;
    }
    if (o.service !== undefined) {
      const s = this.object(o.service, `${at}.service`, ['name', 'namespace']);
      ref.service = {
        name: this.string(s.name, `${at}.service.name`),
        namespace: this.string(s.namespace, `${at}.service.namespace`),
      };
    }
    return ref;
  }

  call(x: unknown, at: string): SnapshotCall {
    const keys = ['client', 'server', 'method', 'path', 'count', 'protocol', 'firstSeen', 'lastSeen', 'host'];
    const o = this.object(x, at, keys);
    const client = this.ref(o.client, `${at}.client`, false);
    const server = this.ref(o.server, `${at}.server`, true);
    const protocol = o.protocol;
    if (protocol !== 'http' && protocol !== 'grpc' && protocol !== 'tcp')
      this.fail(`${at}.protocol`, 'must be http, grpc or tcp');
    const call: SnapshotCall = {
      client,
      server,
      method: this.nullableString(o.method, `${at}.method`),
      path: this.nullableString(o.path, `${at}.path`),
      count: this.count(o.count, `${at}.count`),
      protocol,
      firstSeen: this.time(o.firstSeen, `${at}.firstSeen`),
      lastSeen: this.time(o.lastSeen, `${at}.lastSeen`),
    };
    this.inOrder(call.firstSeen, call.lastSeen, `${at}.lastSeen`, 'firstSeen');
    if (o.host !== undefined) call.host = this.string(o.host, `${at}.host`);
    return call;
  }

  list(x: unknown, at: string): unknown[] {
    if (!Array.isArray(x)) this.fail(at, 'must be a list');
    return x;
  }
}

const TOP_KEYS = [
  'kind',
  'version',
  'source',
  'capturedAt',
  'window',
  'calls',
  'unattributed',
  'external',
  'warnings',
  'stats',
];

/** The first MAX_WARNINGS warnings, and a last one saying how many more were left out. */
function keptWarnings(warnings: unknown[], c: Checker, file: string): string[] {
  const kept = warnings.slice(0, MAX_WARNINGS).map((w, i) => c.string(w, `warnings[${i}]`));
  const more = warnings.length - kept.length;
  if (more > 0)
    kept.push(`${more} more warning(s) of ${file} left out (a snapshot's first ${MAX_WARNINGS} are kept)`);
  return kept;
}

/** The snapshot in `doc` (parsed JSON), checked; calls with names that are not Kubernetes names counted in a warning. */
export function checkSnapshot(doc: unknown, file: string): Snapshot {
  const c = new Checker(file);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || (doc as Obj).kind !== SNAPSHOT_KIND) {
    throw new InputError(`not an intent-drift snapshot (kind must be ${SNAPSHOT_KIND})`, { file });
  }
  const top = doc as Obj;
  if (top.version !== SNAPSHOT_VERSION) {
    throw new InputError(
      `snapshot version ${String(top.version)} is not supported (this build reads ${SNAPSHOT_VERSION})`,
      { file },
    );
  }
  c.object(top, 'snapshot', TOP_KEYS);
  const gate = new NameGate();
  const calls = (list: 'calls' | 'unattributed' | 'external'): SnapshotCall[] => {
    const out: SnapshotCall[] = [];
    c.list(top[list], list).forEach((x, i) => {
      const call = c.call(x, `${list}[${i}]`);
      // An external call's server is a host, not a workload; an unattributed call's client is `unknown`.
      const named = {
        client: call.client,
        server: list === 'external' ? null : call.server,
        service: call.server.service ?? null,
      };
      if (gate.admit(named)) out.push(call);
    });
    return out;
  };
  const lists = { calls: calls('calls'), unattributed: calls('unattributed'), external: calls('external') };
  const snapshot: Snapshot = {
    kind: SNAPSHOT_KIND,
    version: SNAPSHOT_VERSION,
    capturedAt: c.time(top.capturedAt, 'capturedAt'),
    source: c.string(top.source, 'source'),
    ...lists,
    warnings: top.warnings === undefined ? [] : keptWarnings(c.list(top.warnings, 'warnings'), c, file),
    stats: { series: 0, sources: 0 },
  };
  if (top.stats !== undefined) {
    const stats = c.object(top.stats, 'stats', ['series', 'sources']);
    snapshot.stats = {
      series: c.count(stats.series ?? 0, 'stats.series'),
      sources: c.count(stats.sources ?? 0, 'stats.sources'),
    };
  }
  if (top.window !== undefined) {
    const w = c.object(top.window, 'window', ['from', 'to']);
    snapshot.window = { from: c.time(w.from, 'window.from'), to: c.time(w.to, 'window.to') };
    c.inOrder(snapshot.window.from, snapshot.window.to, 'window.to', 'window.from');
  }
  const refused = gate.warning(`call(s) of ${file}`);
  if (refused !== undefined) snapshot.warnings.push(refused);
  return snapshot;
}
