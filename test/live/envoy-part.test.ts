// Whether a sidecar's merged answer holds Envoy's part (an `envoy_server_*` series line), seen as
// the body streams past in chunks of any size.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EnvoyPartWatch } from '../../src/observe/live/envoy-part.ts';
import { agentOnlyExposition, sidecarExposition } from '../support/sidecar-metrics.ts';

function seen(text: string, chunkSize: number): boolean {
  const bytes = Buffer.from(text);
  const watch = new EnvoyPartWatch();
  for (let i = 0; i < bytes.length; i += chunkSize) watch.see(bytes.subarray(i, i + chunkSize));
  return watch.seen;
}

describe("Envoy's part of a merged answer", () => {
  const full = sidecarExposition([]);
  const agentOnly = agentOnlyExposition();

  test('found in a whole answer, in chunks of any size, the mark split across them', () => {
    for (const size of [1, 2, 3, 7, 13, 14, 15, 64, full.length])
      assert.equal(seen(full, size), true, `chunks of ${size}`);
  });

  test("not found in pilot-agent's part alone, nor in an empty body", () => {
    for (const size of [1, 5, agentOnly.length])
      assert.equal(seen(agentOnly, size), false, `chunks of ${size}`);
    assert.equal(seen('', 1), false);
  });

  test('only a series line counts: not a comment, nor the name inside another line', () => {
    const comments = '# HELP envoy_server_live x\n# TYPE envoy_server_live gauge\n';
    const inside =
      'istio_agent_x{name="a\\nenvoy_server_"} 1\nistio_agent_envoy_server_live 1\nx{a="envoy_server_"} 1\n';
    for (const size of [1, 4, 100]) {
      assert.equal(seen(comments + inside, size), false, `chunks of ${size}`);
      assert.equal(seen('envoy_server_live{} 1\n', size), true, 'the first line is a line start');
      assert.equal(seen(`${agentOnly}envoy_server_uptime{} 9\n`, size), true);
    }
  });
});
