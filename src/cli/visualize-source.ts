// What the interactive page says about its data: which source, and which span of traffic.
// Never a URL's credentials, path or query, never a token: a Prometheus is named by its host.

import type { ObservedMap } from '../model.ts';
import { plural } from '../report/display-text.ts';
import type { Settings } from '../settings.ts';

function hostOf(url: string | undefined): string {
  if (url === undefined) return '';
  try {
    return ` at ${new URL(url).host}`;
  } catch {
    return '';
  }
}

/** `metrics fixtures/demo/capture (24 series from 3 sources)`, `Prometheus at prom:9090, since 15m`. */
export function describeSource(settings: Settings, observed: ObservedMap): string {
  const live = settings.live;
  const since = live.since === undefined ? '' : `, since ${live.since}`;
  let what: string;
  switch (settings.source) {
    case 'metrics':
      what = `metrics ${settings.metrics.join(', ')}`;
      break;
    case 'snapshot':
      what = `snapshot ${settings.snapshots.join(', ')}${since}`;
      break;
    case 'sidecars':
      what = `the sidecars of ${live.context === undefined ? "the kubeconfig's cluster" : `context ${live.context}`}`;
      if (live.window !== undefined) what += `, over a window of ${live.window}`;
      break;
    case 'prometheus':
      what = `Prometheus${hostOf(live.prometheusUrl)}${since}`;
      break;
    case 'mapper':
      what = `Otterize network-mapper${hostOf(live.mapperUrl)}`;
      break;
  }
  const { series, sources } = observed.stats;
  return `${what} (${series} series from ${plural(sources, 'source')})`;
}

/**
 * The span of the traffic: the live source's window when it had one, else the first and last
 * time a call was seen, when the source stamps calls (a snapshot, the mapper).
 */
export function trafficWindow(
  observed: ObservedMap & { window?: { from: string; to: string } },
): { from: string; to: string } | undefined {
  if (observed.window !== undefined) return observed.window;
  const calls = [...observed.calls, ...observed.unattributed, ...observed.external];
  // As times, not as text: a snapshot keeps its times as written (fractions, offsets).
  const byTime = (a: string, b: string) => Date.parse(a) - Date.parse(b);
  const firsts = calls.flatMap((c) => (c.firstSeen === undefined ? [] : [c.firstSeen])).sort(byTime);
  const lasts = calls.flatMap((c) => (c.lastSeen === undefined ? [] : [c.lastSeen])).sort(byTime);
  const from = firsts[0];
  const to = lasts[lasts.length - 1];
  return from === undefined || to === undefined ? undefined : { from, to };
}
