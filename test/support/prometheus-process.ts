// Runs the real Prometheus (/usr/bin/prometheus, Debian's package) on a free loopback port with a
// temp config that scrapes the given local endpoints every second. stop() kills it and removes
// its data; waitFor() polls with a deadline instead of sleeping.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const PROMETHEUS_BIN = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';

export interface PrometheusProcess {
  url: string;
  stop(): Promise<void>;
  log(): string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function waitFor<T>(
  what: string,
  deadlineMs: number,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  const end = Date.now() + deadlineMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}

/**
 * Starts Prometheus scraping `targets` (host:port) at /metrics every second. `remoteRead`: a
 * remote_read endpoint, read for recent data too (one that is down makes every query's answer
 * partial: status success, with `warnings`). `args`: more command-line flags; `scrapeInterval`:
 * instead of every second.
 */
export async function startPrometheus(
  targets: string[],
  options: { remoteRead?: string; args?: readonly string[]; scrapeInterval?: string } = {},
): Promise<PrometheusProcess> {
  const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-prom-'));
  const config = path.join(dir, 'prometheus.yml');
  await writeFile(
    config,
    [
      'global:',
      `  scrape_interval: ${options.scrapeInterval ?? '1s'}`,
      '  evaluation_interval: 1s',
      ...(options.remoteRead === undefined
        ? []
        : ['remote_read:', `  - url: ${options.remoteRead}`, '    read_recent: true']),
      'scrape_configs:',
      '  - job_name: sidecars',
      '    metrics_path: /stats/prometheus',
      '    static_configs:',
      `      - targets: [${targets.map((t) => `'${t}'`).join(', ')}]`,
      '',
    ].join('\n'),
  );
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(
    PROMETHEUS_BIN,
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
      ...(options.args ?? []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitFor('Prometheus to be ready', 30_000, async () => {
      if (child.exitCode !== null) throw new Error(`prometheus exited: ${output.slice(-500)}`);
      const res = await fetch(`${url}/-/ready`).catch(() => undefined);
      return res?.status === 200 ? true : undefined;
    });
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, stop, log: () => output };
}
