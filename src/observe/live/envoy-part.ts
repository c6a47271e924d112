// Whether a sidecar's merged answer holds Envoy's part. pilot-agent's :15020/stats/prometheus
// (istio/istio pilot/cmd/pilot-agent/status/server.go, handleStats) writes its own metrics
// (`istio_agent_*`), then copies Envoy's /stats/prometheus; when it cannot scrape Envoy it only
// logs it, counts istio_agent_scrape_failures_total{type="envoy"} and still answers 200 with its
// own part alone. Envoy's part always holds `envoy_server_*` series: the bootstrap's stats_matcher
// always includes the `server` prefix (pkg/bootstrap/config.go,
// requiredEnvoyStatsMatcherInclusionPrefixes; the readiness probe reads server.state), whatever
// the pod's sidecar.istio.io/statsInclusion* annotations add. So a line starting with
// `envoy_server_` tells that Envoy answered; the watch sees the chunks as they stream past.
import { Buffer } from 'node:buffer';

/** A series line of Envoy's server stats: a line start, then the name's prefix. */
const MARK = Buffer.from('\nenvoy_server_', 'latin1');
const KEEP = MARK.length - 1;

export class EnvoyPartWatch {
  seen = false;
  /** The last bytes seen, for a mark split across chunks; the body's start is a line start. */
  private tail: Buffer = Buffer.from('\n', 'latin1');

  see(chunk: Uint8Array): void {
    if (this.seen || chunk.length === 0) return;
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const head = Buffer.concat([this.tail, buf.subarray(0, KEEP)]);
    if (head.indexOf(MARK) !== -1 || buf.indexOf(MARK) !== -1) {
      this.seen = true;
      return;
    }
    // A copy: the chunk's memory is not ours to keep.
    this.tail = Buffer.from(buf.length >= KEEP ? buf.subarray(buf.length - KEEP) : head.subarray(-KEEP));
  }
}
