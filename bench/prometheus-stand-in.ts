// A child process of the benchmark: the Prometheus API stand-in serving `rows` calls (answers
// kept once made, so timed reads cost it no evaluation). Prints its URL; stops when stdin closes.
import { startPrometheusApi } from '../test/support/prometheus-api-server.ts';
import { prometheusMesh } from './prometheus-mesh.ts';

const rows = Number(process.argv[2]);
if (!Number.isInteger(rows) || rows <= 0) throw new Error('usage: prometheus-stand-in.ts ROWS');
const api = await startPrometheusApi({ series: () => prometheusMesh(rows), cache: true });
process.stdout.write(`${api.url}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void api.close().then(() => process.exit(0));
});
