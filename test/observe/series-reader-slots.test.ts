// A SeriesReader maps each label name to a slot of the call, in a table that grows as the
// process meets names. In a file of its own: the test needs a process that knows few names yet
// (prometheus-text.test.ts teaches it thousands).
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { describe, test } from 'node:test';
import { FastLineParser, MAX_LABEL_NAMES } from '../../src/observe/exposition-fast-line.ts';
import { ObservedMapBuilder } from '../../src/observe/observed-map.ts';
import { SeriesReader } from '../../src/observe/prometheus-text.ts';

describe('label names met after the first lines', () => {
  test('a reader that meets many new names keeps the slots of the names it knew', async () => {
    // The reader maps each label name to a slot of the call, in a table that grows as names come:
    // the call's labels, learned on the first line, must keep their slots once it has grown.
    const known = new FastLineParser().labelNames.names.length;
    const fresh = Math.max(known, 64) + 100;
    assert.ok(known + fresh + 20 < MAX_LABEL_NAMES, `${known} names known already`);
    const call = (client: string) =>
      `istio_requests_total{reporter="source",source_workload="${client}",source_workload_namespace="shop",destination_workload="api",destination_workload_namespace="shop",request_protocol="http",request_method="GET",request_path="/a"} 1\n`;
    const many = Array.from({ length: fresh }, (_, i) => `slots_${i}_${known}="x"`).join(',');
    const text = `${call('alpha')}istio_requests_total{${many}} 1\n${call('bravo')}`;
    const builder = new ObservedMapBuilder();
    await new SeriesReader(builder).read([Buffer.from(text)], 'names.prom');
    assert.deepEqual(
      builder
        .build()
        .calls.map(
          (c) =>
            `${c.client.namespace}/${c.client.name} -> ${c.server.namespace}/${c.server.name} ${c.method} ${c.path}`,
        ),
      ['shop/alpha -> shop/api GET /a', 'shop/bravo -> shop/api GET /a'],
    );
  });
});
