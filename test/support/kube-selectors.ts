// The API server's label and field selector grammar, as far as the stand-in needs it:
// `a=b`, `a==b`, `a!=b`, `a`, `!a`, `a in (x,y)`, `a notin (x,y)`; fields: `path=value`, `path!=value`.
export type Matcher = (labels: Record<string, string>) => boolean;

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of text) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur.trim() !== '') parts.push(cur);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** Returns null when the selector does not parse (the server answers 400). */
export function parseLabelSelector(text: string): Matcher | null {
  const tests: Matcher[] = [];
  for (const part of splitTopLevel(text)) {
    let m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part);
    if (m) {
      const key = m[1]!;
      const values = new Set(m[3]!.split(',').map((v) => v.trim()));
      const negate = m[2] === 'notin';
      tests.push((l) => (l[key] !== undefined && values.has(l[key])) !== negate);
      continue;
    }
    m = /^([\w./-]+)\s*(==|=|!=)\s*([\w./-]*)$/.exec(part);
    if (m) {
      const [, key, op, value] = m as unknown as [string, string, string, string];
      tests.push(op === '!=' ? (l) => l[key] !== value : (l) => l[key] === value);
      continue;
    }
    m = /^(!?)([\w./-]+)$/.exec(part);
    if (m) {
      const key = m[2]!;
      const negate = m[1] === '!';
      tests.push((l) => (l[key] !== undefined) !== negate);
      continue;
    }
    return null;
  }
  return (l) => tests.every((t) => t(l));
}

/** Field selectors over the fields the real server supports for pods. */
export const POD_FIELDS: Record<string, (o: Record<string, unknown>) => string> = {
  'metadata.name': (o) => String((o.metadata as Record<string, unknown>)?.name ?? ''),
  'metadata.namespace': (o) => String((o.metadata as Record<string, unknown>)?.namespace ?? ''),
  'status.phase': (o) => String((o.status as Record<string, unknown>)?.phase ?? ''),
  'spec.nodeName': (o) => String((o.spec as Record<string, unknown>)?.nodeName ?? ''),
};

export const GENERIC_FIELDS: Record<string, (o: Record<string, unknown>) => string> = {
  'metadata.name': POD_FIELDS['metadata.name']!,
  'metadata.namespace': POD_FIELDS['metadata.namespace']!,
};

/** Returns an error message for an unsupported field (the server's 400 wording), or the matcher. */
export function parseFieldSelector(
  text: string,
  fields: Record<string, (o: Record<string, unknown>) => string>,
): ((o: Record<string, unknown>) => boolean) | string {
  const tests: ((o: Record<string, unknown>) => boolean)[] = [];
  for (const part of splitTopLevel(text)) {
    const m = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/.exec(part);
    if (!m) return `invalid selector: '${part}'; can't understand '${part}'`;
    const [, field, op, value] = m as unknown as [string, string, string, string];
    const get = fields[field];
    if (get === undefined) return `field label not supported: ${field}`;
    tests.push(op === '!=' ? (o) => get(o) !== value : (o) => get(o) === value);
  }
  return (o) => tests.every((t) => t(o));
}
