// Shared by the observe tests: collect samples from text given as chunks.
import { readPrometheusText, type Sample } from '../../src/observe/prometheus-text.ts';

export const WANTED: ReadonlySet<string> = new Set([
  'istio_requests_total',
  'istio_tcp_connections_opened_total',
]);

export async function samplesOf(
  chunks: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>,
  metrics: ReadonlySet<string> = WANTED,
): Promise<{ samples: Sample[]; lines: number }> {
  const samples: Sample[] = [];
  const summary = await readPrometheusText(chunks, {
    source: 'test.prom',
    metrics,
    onSample: (s) => samples.push(s),
  });
  return { samples, lines: summary.lines };
}

/** Splits bytes at the given sorted cut positions. */
export function cutAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const c of cuts) {
    parts.push(bytes.subarray(from, c));
    from = c;
  }
  parts.push(bytes.subarray(from));
  return parts;
}

export async function* slowly<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const item of items) {
    await Promise.resolve();
    yield item;
  }
}
