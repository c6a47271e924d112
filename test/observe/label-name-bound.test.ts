// The process keeps at most MAX_LABEL_NAMES label names (exposition-fast-line.ts): a capture
// with a new name on every line would grow the table without bound. Lines with names past it
// go to the full parser: the same samples and the same map as the reference reader. In a file
// of its own, as it fills the process's table.
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { test } from 'node:test';
import { FastLineParser, MAX_LABEL_NAMES } from '../../src/observe/exposition-fast-line.ts';
import type { Sample } from '../../src/observe/exposition-line.ts';
import { ObservedMapBuilder } from '../../src/observe/observed-map.ts';
import { readPrometheusText, SeriesReader } from '../../src/observe/prometheus-text.ts';
import { readPrometheusTextReference } from '../support/reference-exposition-reader.ts';
import { ReferenceObservedMapBuilder } from '../support/reference-observed-map.ts';

const WANTED = new Set(['istio_requests_total']);

test('label names past the bound go to the full parser: the same samples and map, the table bounded', async () => {
  const call =
    'reporter="source",source_workload="alpha",source_workload_namespace="shop",destination_workload="api",destination_workload_namespace="shop",request_protocol="http",request_method="GET"';
  const text = Array.from(
    { length: MAX_LABEL_NAMES + 300 },
    (_, i) => `istio_requests_total{${call},request_path="/p${i % 7}",bound_${i}="x"} ${i + 1}\n`,
  ).join('');
  const bytes = Buffer.from(text);
  const got: Sample[] = [];
  const want: Sample[] = [];
  await readPrometheusText([bytes], { source: 'm.prom', metrics: WANTED, onSample: (s) => got.push(s) });
  await readPrometheusTextReference([bytes], {
    source: 'm.prom',
    metrics: WANTED,
    onSample: (s) => want.push(s),
  });
  assert.deepStrictEqual(got, want);
  const interned = new ObservedMapBuilder();
  await new SeriesReader(interned).read([bytes], 'm.prom');
  const reference = new ReferenceObservedMapBuilder();
  for (const s of want) reference.add(s);
  assert.deepStrictEqual(interned.build(), reference.build());
  assert.equal(new FastLineParser().labelNames.names.length, MAX_LABEL_NAMES);
});
