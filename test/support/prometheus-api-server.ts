// A stand-in for Prometheus' HTTP API (/api/v1/query, GET or form POST), for answers too large
// to get from a real Prometheus on this machine. It evaluates the PromQL shapes the prometheus
// source sends, and refuses any other with Prometheus' own error shape (400, bad_data):
//   sum by (L) ((last_over_time(SEL[R]) unless SEL offset R) or increase(SEL[R])) > 0 [or ...]
//   (SEL: METRIC{matchers}, the same three times; a series born in the range counts its last
//   value, any other its increase)
//   count by (L) (group by (L) (METRIC{matchers}))
// Matchers `=`, `!=`, `=~`, `!~` (anchored, as RE2 is in PromQL); a missing label reads "".
// Answers are Prometheus' JSON (labels sorted, empty ones left out, values as strings), gzipped
// when the client accepts it, as Prometheus' API does, and written as a stream.
import { Buffer } from 'node:buffer';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';

export interface SeriesValue {
  metric: string;
  labels: Record<string, string>;
  /** What increase() over any range gives for it. */
  increase: number;
  /**
   * The series has no sample before the range (it was born inside it): its last value there,
   * which last_over_time() gives and `offset` finds no sample for. increase() still gives `increase`.
   */
  bornInRange?: number;
}

export interface PrometheusApiOptions {
  /** The series, walked for each query (a generator keeps a large mesh out of memory). */
  series: () => Iterable<SeriesValue>;
  /** Keep each answer (compressed) by query text: repeated reads then cost no evaluation. */
  cache?: boolean;
  /** Milliseconds to wait before answering a query (a slow Prometheus). */
  delayMs?: (query: string) => number;
  /**
   * The `warnings` (and `infos`) of a query's answer, as Prometheus adds them after `data` to
   * a 200 success answer that is partial (a remote_read or a store failed: web/api/v1/api.go).
   */
  annotations?: (query: string) => { warnings?: string[]; infos?: string[] } | undefined;
  /**
   * Prometheus' --query.max-samples: a query whose peak of samples in memory would exceed it is
   * refused as Prometheus refuses it (422, errorType execution, its own words). The peak as
   * Prometheus 2.42 reports it (`stats=all`, peakSamples) for the queries the source sends,
   * measured at 2 to 20 series and 4 to 28 samples per series: for the requests query, five
   * per series its selectors match, or the points of one series in the range
   * (`pointsPerSeries`, default 1) plus two per series when that is more; for the size query,
   * three per series.
   */
  maxSamples?: number;
  pointsPerSeries?: number;
  /**
   * An error met evaluating the query, answered as Prometheus answers every `errorExec` (HTTP
   * 422, errorType execution: web/api/v1/api.go), with these words; undefined evaluates it.
   */
  executionError?: (query: string) => string | undefined;
}

/** Prometheus' answer to a query over --query.max-samples (promql.ErrTooManySamples, HTTP 422). */
const TOO_MANY_SAMPLES = JSON.stringify({
  status: 'error',
  errorType: 'execution',
  error: 'query processing would load too many samples into memory in query execution',
});

export interface LoggedQuery {
  query: string;
  acceptEncoding: string | undefined;
  method: string;
  /** The Authorization header, as sent. */
  authorization: string | undefined;
  /** The evaluation time, as sent (absent: Prometheus evaluates at its own now). */
  time: string | undefined;
}

export interface PrometheusApi {
  url: string;
  queries: LoggedQuery[];
  close(): Promise<void>;
}

interface Matcher {
  label: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
  regex?: RegExp;
}

type Term =
  | { kind: 'sum'; by: string[]; metric: string; matchers: Matcher[] }
  | { kind: 'count'; by: string[]; groupBy: string[]; metric: string; matchers: Matcher[] };

class QueryParser {
  private pos = 0;
  private readonly text: string;

  constructor(text: string) {
    this.text = text.trim();
  }

  private fail(what: string): never {
    throw new Error(`parse error at char ${this.pos + 1}: ${what}`);
  }

  private eat(token: string): void {
    if (!this.text.startsWith(token, this.pos)) this.fail(`expected ${JSON.stringify(token)}`);
    this.pos += token.length;
  }

  private name(): string {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos));
    if (!m) this.fail('expected a name');
    this.pos += m[0].length;
    return m[0];
  }

  private labels(): string[] {
    this.eat('(');
    const out = [this.name()];
    while (this.text.startsWith(', ', this.pos)) {
      this.pos += 2;
      out.push(this.name());
    }
    this.eat(')');
    return out;
  }

  private string(): string {
    const m = /^"(?:[^"\\]|\\.)*"/.exec(this.text.slice(this.pos));
    if (!m) this.fail('expected a string');
    this.pos += m[0].length;
    return JSON.parse(m[0]) as string;
  }

  private selector(): { metric: string; matchers: Matcher[] } {
    const metric = this.name();
    this.eat('{');
    const matchers: Matcher[] = [];
    for (;;) {
      const label = this.name();
      const op = (['=~', '!~', '!=', '='] as const).find((o) => this.text.startsWith(o, this.pos));
      if (!op) this.fail('expected a matcher');
      this.pos += op.length;
      const value = this.string();
      matchers.push({
        label,
        op,
        value,
        ...(op.endsWith('~') ? { regex: new RegExp(`^(?:${value})$`) } : {}),
      });
      if (this.text.startsWith('}', this.pos)) break;
      this.eat(', ');
    }
    this.eat('}');
    return { metric, matchers };
  }

  private range(): string {
    const range = /^[0-9]+(ms|s|m|h|d|w|y)/.exec(this.text.slice(this.pos));
    if (!range) this.fail('expected a duration');
    this.pos += range[0].length;
    return range[0];
  }

  private term(): Term {
    if (this.text.startsWith('sum by ', this.pos)) {
      this.pos += 7;
      const by = this.labels();
      this.eat(' ((last_over_time(');
      const start = this.pos;
      const { metric, matchers } = this.selector();
      const selector = this.text.slice(start, this.pos);
      this.eat('[');
      const range = this.range();
      this.eat(']) unless ');
      this.eat(selector); // the same selector, as written the first time
      this.eat(` offset ${range}) or increase(`);
      this.eat(selector);
      this.eat(`[${range}])) > 0`);
      return { kind: 'sum', by, metric, matchers };
    }
    this.eat('count by ');
    const by = this.labels();
    this.eat(' (group by ');
    const groupBy = this.labels();
    this.eat(' (');
    const { metric, matchers } = this.selector();
    this.eat('))');
    return { kind: 'count', by, groupBy, metric, matchers };
  }

  parse(): Term[] {
    const terms = [this.term()];
    while (this.text.startsWith(' or ', this.pos)) {
      this.pos += 4;
      terms.push(this.term());
    }
    if (this.pos !== this.text.length) this.fail('unexpected text');
    return terms;
  }
}

function matches(labels: Record<string, string>, matchers: Matcher[]): boolean {
  for (const m of matchers) {
    const v = labels[m.label] ?? '';
    const ok = m.op === '=' ? v === m.value : m.op === '!=' ? v !== m.value : m.regex!.test(v);
    if (ok !== (m.op === '=' || m.op === '=~')) return false;
  }
  return true;
}

/** The label set of a group: the `by` labels that are not empty, sorted (Prometheus' order). */
/** The query's peak of samples in memory, modelled on Prometheus' stats (maxSamples above). */
function peakSamples(terms: readonly Term[], series: Iterable<SeriesValue>, points: number): number {
  let ranged = 0;
  let counted = 0;
  for (const s of series) {
    if (terms.some((t) => t.kind === 'sum' && s.metric === t.metric && matches(s.labels, t.matchers)))
      ranged++;
    if (terms.some((t) => t.kind === 'count' && s.metric === t.metric && matches(s.labels, t.matchers)))
      counted++;
  }
  return Math.max(ranged === 0 ? 0 : Math.max(5 * ranged, points + 2 * ranged), 3 * counted);
}

function groupLabels(labels: Record<string, string>, by: readonly string[]): [string, string][] {
  return by
    .filter((l) => (labels[l] ?? '') !== '')
    .sort()
    .map((l): [string, string] => [l, labels[l]!]);
}

/** Rows of one term: label set key -> [labels, value]. */
function evaluate(term: Term, series: Iterable<SeriesValue>): Map<string, [[string, string][], number]> {
  const out = new Map<string, [[string, string][], number]>();
  // count by (A) (group by (B) (...)): each distinct B group once, counted under its A labels.
  const groups = new Map<string, string>();
  for (const s of series) {
    if (s.metric !== term.metric || !matches(s.labels, term.matchers)) continue;
    if (term.kind === 'count') {
      const inner = Object.fromEntries(groupLabels(s.labels, term.groupBy));
      const g = groupLabels(inner, term.by);
      groups.set(JSON.stringify(Object.entries(inner)), JSON.stringify(g));
      continue;
    }
    const g = groupLabels(s.labels, term.by);
    const key = JSON.stringify(g);
    const value = s.bornInRange ?? s.increase;
    const row = out.get(key);
    if (row) row[1] += value;
    else out.set(key, [g, value]);
  }
  if (term.kind === 'count') {
    for (const key of groups.values()) {
      const row = out.get(key);
      if (row) row[1] += 1;
      else out.set(key, [JSON.parse(key) as [string, string][], 1]);
    }
    return out;
  }
  for (const [key, row] of out) if (!(row[1] > 0)) out.delete(key);
  return out;
}

/** `a or b or ...`: each term's rows whose label set no earlier term has. */
function answerRows(terms: Term[], series: () => Iterable<SeriesValue>): [[string, string][], number][] {
  const rows = new Map<string, [[string, string][], number]>();
  for (const term of terms) {
    for (const [key, row] of evaluate(term, series())) if (!rows.has(key)) rows.set(key, row);
  }
  return [...rows.values()];
}

/** The answer's JSON, in pieces of about 1 MB. */
function* answerText(
  rows: [[string, string][], number][],
  time: string,
  annotations: { warnings?: string[]; infos?: string[] } | undefined,
): Generator<string> {
  let chunk = '{"status":"success","data":{"resultType":"vector","result":[';
  for (let i = 0; i < rows.length; i++) {
    const [labels, value] = rows[i]!;
    const metric = labels.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',');
    chunk += `${i === 0 ? '' : ','}{"metric":{${metric}},"value":[${time},"${value}"]}`;
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  // After data, as Prometheus' response struct orders them; left out when empty (omitempty).
  let after = '';
  for (const key of ['warnings', 'infos'] as const) {
    const list = annotations?.[key];
    if (list !== undefined && list.length > 0) after += `,${JSON.stringify(key)}:${JSON.stringify(list)}`;
  }
  yield `${chunk}]}${after}}`;
}

export async function startPrometheusApi(options: PrometheusApiOptions): Promise<PrometheusApi> {
  const queries: LoggedQuery[] = [];
  const cache = new Map<string, Buffer[]>();
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    if (url.pathname !== '/api/v1/query') {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('404 page not found\n');
    }
    const parts: Buffer[] = [];
    for await (const c of req) parts.push(c as Buffer);
    const form =
      req.method === 'POST' ? new URLSearchParams(Buffer.concat(parts).toString()) : url.searchParams;
    const query = form.get('query') ?? '';
    const time = form.get('time') ?? String(Date.now() / 1000);
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    queries.push({
      query,
      acceptEncoding: req.headers['accept-encoding'],
      method: req.method ?? '',
      authorization: req.headers.authorization,
      time: form.get('time') ?? undefined,
    });
    const wait = options.delayMs?.(query) ?? 0;
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    let terms: Term[];
    try {
      terms = new QueryParser(query).parse();
    } catch (err) {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      return res.end(
        JSON.stringify({ status: 'error', errorType: 'bad_data', error: (err as Error).message }),
      );
    }
    const failed = options.executionError?.(query);
    if (failed !== undefined) {
      res.writeHead(422, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify({ status: 'error', errorType: 'execution', error: failed }));
    }
    if (
      options.maxSamples !== undefined &&
      peakSamples(terms, options.series(), options.pointsPerSeries ?? 1) > options.maxSamples
    ) {
      res.writeHead(422, { 'Content-Type': 'application/json' });
      return res.end(TOO_MANY_SAMPLES);
    }
    const key = `${gzip}\u0000${query}`;
    res.writeHead(200, {
      'Content-Type': 'application/json',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    const cached = options.cache ? cache.get(key) : undefined;
    if (cached !== undefined) {
      for (const piece of cached) if (!res.write(piece)) await once(res, 'drain');
      return res.end();
    }
    // Evaluated, then written as it is made (compressed on the way when gzip was accepted).
    const kept: Buffer[] = [];
    const out: Writable = gzip ? createGzip({ level: 1 }) : res;
    if (gzip) {
      out.on('data', (c: Buffer) => {
        if (options.cache) kept.push(c);
        res.write(c);
      });
      out.on('end', () => {
        if (options.cache) cache.set(key, kept);
        res.end();
      });
    }
    for (const text of answerText(answerRows(terms, options.series), time, options.annotations?.(query))) {
      const piece = Buffer.from(text);
      if (options.cache && !gzip) kept.push(piece);
      if (!out.write(piece)) await once(out, 'drain');
    }
    if (gzip) out.end();
    else {
      if (options.cache) cache.set(key, kept);
      res.end();
    }
  });
  // Prometheus closes a connection idle for its --web.read-timeout, 5 minutes by default
  // (cmd/prometheus/main.go; web/web.go sets only ReadTimeout, which Go's server then uses as
  // its idle timeout). Node's default of 5 s would close connections Prometheus keeps, and the
  // benchmark's slow evaluations let those closings race the reader's next queries.
  server.keepAliveTimeout = 5 * 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    queries,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
