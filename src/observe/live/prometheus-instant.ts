// One instant query of the Prometheus HTTP API, its answer read as a stream: the rows of a 200
// answer go into the observed map as they arrive (prometheus-answer.ts reads them); an error
// answer, a refusal or an answer of the wrong shape is an InputError naming the endpoint, and so
// is a success with `warnings`: a partial answer (a remote_read or a store failed), on which a
// check would pass for calls it never saw. Its `infos` are handed back, for the report.
import { InputError } from '../../errors.ts';
import type { ByteInterner } from '../compact/byte-interner.ts';
import { type HttpTarget, httpStream } from './http-client.ts';
import { JsonEvents, JsonSyntaxError } from './json-events.ts';
import { type RowHandler, VectorAnswerReader } from './prometheus-answer.ts';
import { shownUrl } from './shown-url.ts';

/** An error answer (not 200) is read up to this size. */
const MAX_ERROR_BYTES = 1024 * 1024;
/** A label value, a key or a message longer than this is no Prometheus answer. */
const MAX_TOKEN_BYTES = 1024 * 1024;

/**
 * The code of Prometheus' refusal to evaluate a query whose samples exceed its
 * --query.max-samples (HTTP 422, errorType `execution`, the words of promql.ErrTooManySamples,
 * as Prometheus 2.42 sent them here): a smaller query may pass.
 */
export const PROMETHEUS_TOO_MANY_SAMPLES = 'prometheus-too-many-samples';
const TOO_MANY_SAMPLES_ERROR = 'query processing would load too many samples into memory';

/** What an answer held besides its rows. */
export interface InstantAnswer {
  rows: number;
  /** Prometheus' `infos`: notes on an answer that is whole. */
  infos: string[];
}

/** A query's text, and what it asks for, in words (error messages never quote the text). */
export interface NamedQuery {
  text: string;
  name: string;
}

/** An `infos` note of Prometheus, as a warning of the report. */
export function prometheusInfo(info: string): string {
  return `Prometheus noted: ${info}`;
}

/**
 * Where instant queries go: `api/v1/query` under the URL's path (a Prometheus behind a gateway at
 * `https://gw/prometheus` is asked at `/prometheus/api/v1/query`), with the URL's query string
 * kept (a gateway's `?tenant=a`); a fragment is never sent.
 */
export function queryUrl(base: URL): URL {
  const root = new URL(base.href);
  root.hash = '';
  if (!root.pathname.endsWith('/')) root.pathname = `${root.pathname}/`;
  const url = new URL('api/v1/query', root);
  url.search = root.search;
  return url;
}

/** Sends one instant query and reads its answer as a stream of rows. */
export async function instantQuery(
  base: URL,
  query: NamedQuery,
  at: Date,
  target: HttpTarget,
  values: ByteInterner,
  onRow: RowHandler,
  signal?: AbortSignal,
): Promise<InstantAnswer> {
  const url = queryUrl(base);
  const form = new URLSearchParams({ query: query.text, time: (at.getTime() / 1000).toFixed(3) }).toString();
  const init = { method: 'POST' as const, body: form, contentType: 'application/x-www-form-urlencoded' };
  return httpStream(
    url,
    { ...target, ...(signal === undefined ? {} : { signal }) },
    init,
    async (status, body) => {
      // The rows of a 200 answer go in as they arrive; a problem found later fails the whole read.
      const reader = new VectorAnswerReader(values, status === 200 ? onRow : () => {});
      const events = new JsonEvents(reader, { maxToken: MAX_TOKEN_BYTES });
      let read = 0;
      try {
        for await (const chunk of body) {
          read += chunk.length;
          // Of an error answer, the start is enough: its status and error come first.
          if (status !== 200 && read > MAX_ERROR_BYTES) break;
          events.write(chunk);
        }
        if (status === 200) events.end();
      } catch (err) {
        if (!(err instanceof JsonSyntaxError)) throw err;
        if (status === 401 || status === 403) throw notAuthorized(url, status);
        throw new InputError(
          `${shownUrl(url)}: HTTP ${status}: not a Prometheus API answer (${err.message})`,
        );
      }
      return verdict(url, status, reader, query.name);
    },
  );
}

function notAuthorized(url: URL, status: number): InputError {
  // Prometheus has no bearer tokens of its own: an auth proxy in front refused us.
  return new InputError(
    `${shownUrl(url)}: HTTP ${status}: not authorized: check the bearer token (--prometheus-token-env)`,
  );
}

/** The rows of an answer read whole, or the input error that says what was wrong with it. */
function verdict(url: URL, status: number, reader: VectorAnswerReader, name: string): InstantAnswer {
  if (status === 401 || status === 403) throw notAuthorized(url, status);
  const s = reader.summary;
  if (!s.rootIsObject) throw new InputError(`${shownUrl(url)}: HTTP ${status}: not a Prometheus API answer`);
  if (status !== 200 || s.status !== 'success') {
    const why = s.error ?? `HTTP ${status}`;
    const message = `${shownUrl(url)}: query failed: ${s.errorType ? `${s.errorType}: ` : ''}${why}`;
    if (status === 422 && s.errorType === 'execution' && s.error?.startsWith(TOO_MANY_SAMPLES_ERROR)) {
      throw new InputError(`${message} (Prometheus' --query.max-samples)`, {
        code: PROMETHEUS_TOO_MANY_SAMPLES,
      });
    }
    throw new InputError(message);
  }
  if (s.resultType !== 'vector') {
    throw new InputError(`${shownUrl(url)}: expected a vector result, got ${String(s.resultType)}`);
  }
  if (!s.resultIsList) {
    throw new InputError(`${shownUrl(url)}: data.result is not a list (not a Prometheus vector answer)`);
  }
  if (reader.problem !== undefined) {
    throw new InputError(`${shownUrl(url)}: ${reader.problem} (not a Prometheus vector sample)`);
  }
  if (s.warnings.length > 0) {
    throw new InputError(
      `${shownUrl(url)}: ${name}: Prometheus answered with warnings, so the calls it holds may not all be ` +
        `in the answer: ${s.warnings.join('; ')}`,
    );
  }
  return { rows: s.rows, infos: s.infos };
}
