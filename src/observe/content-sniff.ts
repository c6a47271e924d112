// What a metrics file holds when it holds no Istio series, said in its warning (and so in the
// "nothing observed" error): a folder of intents passed as --metrics, an application's own
// /metrics, or a sidecar that has served no request look alike otherwise ("0 calls").
// Reads at most the first 64 KiB, and shows only names that match strict patterns (metric
// families, Kubernetes kinds), never the file's text: it may come from anywhere.
import { closeSync, openSync, readSync } from 'node:fs';

export const SNIFF_BYTES = 64 * 1024;
/** How a metrics file's warning begins when it held no Istio series; the description follows. */
export const NO_ISTIO_SERIES = ': no istio_requests_total or istio_tcp_* series: it holds ';

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const KIND_NAME = /^[A-Za-z][A-Za-z0-9]{0,62}$/;
const SHOWN = 3;
/** `name{labels} value [timestamp]`: labels are not parsed, only the shape is checked. */
const SAMPLE_LINE = /^([^{\s]+)(?:\{.*\})?\s+[-+]?(?:[0-9.]+(?:[eE][-+]?[0-9]+)?|NaN|Inf)(?:\s+-?\d+)?$/;

/** One phrase: what the file holds instead of Istio series, and what that means. */
export function describeOtherContent(absolute: string): string {
  let head: string;
  try {
    head = readHead(absolute);
  } catch {
    return 'content that could not be read again';
  }
  return describeText(head.replace(/^\uFEFF/, '').trimStart());
}

/** The same, for text already read (the head of a file, or a whole small one). */
export function describeText(text: string): string {
  const first = text[0];
  if (first === undefined) return 'nothing but blank lines';
  if (first === '{' || first === '[') {
    return /"stats"\s*:/.test(text)
      ? 'Envoy JSON stats without istiocustom.istio_requests_total entries: the sidecar has served no request, or the stats were filtered to other names'
      : 'JSON that is not Envoy stats ({"stats": [...]})';
  }
  if (first === '<') return 'HTML or XML, not metrics (an error page, or a web page saved by mistake?)';
  const kinds = yamlKinds(text);
  if (kinds !== undefined) {
    const shown = kinds.length === 0 ? 'no kind' : `kind ${listed(kinds)}`;
    return `YAML (${shown}), not metrics`;
  }
  const families = metricFamilies(text);
  if (families.length === 0) return 'text that is neither Prometheus exposition, Envoy JSON stats nor YAML';
  const names = listed(families);
  if (families.some((f) => f.startsWith('istio_') || f.startsWith('envoy_'))) {
    return `an Istio sidecar's metrics (${names}) without istio_requests_total: it has served no request since it started, or a Telemetry removed the metric`;
  }
  return `Prometheus text of another exporter (${names}), not an Istio sidecar's`;
}

function readHead(absolute: string): string {
  const fd = openSync(absolute, 'r');
  try {
    const buffer = Buffer.allocUnsafe(SNIFF_BYTES);
    const size = readSync(fd, buffer, 0, SNIFF_BYTES, 0);
    return buffer.toString('utf8', 0, size);
  } finally {
    closeSync(fd);
  }
}

/** The kinds of a YAML text, or undefined when it does not look like Kubernetes YAML. */
function yamlKinds(text: string): string[] | undefined {
  let manifest = false;
  const kinds = new Set<string>();
  for (const line of text.split('\n')) {
    const m = /^(apiVersion|kind):[ \t]*["']?([^"'\s#]*)/.exec(line);
    if (m === null) continue;
    manifest = true;
    if (m[1] === 'kind' && KIND_NAME.test(m[2] ?? '')) kinds.add(m[2]!);
  }
  return manifest ? [...kinds].sort() : undefined;
}

/** Metric family names of a Prometheus text, from `# TYPE` lines and sample lines; [] when not one. */
function metricFamilies(text: string): string[] {
  const families = new Set<string>();
  // The last line may be cut by the 64 KiB read: it is left out.
  const lines = text.split('\n');
  if (lines.length > 1) lines.pop();
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const typed = /^#\s*TYPE\s+(\S+)/.exec(line);
    if (typed === null && line.startsWith('#')) continue;
    const name = typed ? typed[1] : SAMPLE_LINE.exec(line)?.[1];
    if (name === undefined || !METRIC_NAME.test(name)) return [];
    families.add(name.replace(/_(bucket|sum|count)$/, ''));
  }
  return [...families].sort();
}

function listed(names: string[]): string {
  const more = names.length - SHOWN;
  return names.slice(0, SHOWN).join(', ') + (more > 0 ? `, and ${more} more` : '');
}
