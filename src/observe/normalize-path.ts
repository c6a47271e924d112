// The path as an Istio AuthorizationPolicy compares it (domain.md §3, normalization BASE):
// no query or fragment (request.path carries the query, and queries carry tokens), safe %HH
// decoded, `\` read as `/`, `.` and `..` segments resolved. Slashes are not merged (BASE
// does not merge them).

const HEX = /^[0-9A-Fa-f]{2}$/;

/** RFC 3986 unreserved: ALPHA / DIGIT / "-" / "." / "_" / "~". */
function isUnreserved(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2d ||
    code === 0x2e ||
    code === 0x5f ||
    code === 0x7e
  );
}

/** One pass: decodes %HH of unreserved characters, upper-cases the hex of the others. */
function decodeUnreservedOnce(path: string): string {
  if (!path.includes('%')) return path;
  let out = '';
  let i = 0;
  while (i < path.length) {
    const pct = path.indexOf('%', i);
    if (pct === -1) break;
    out += path.slice(i, pct);
    const hex = path.slice(pct + 1, pct + 3);
    if (HEX.test(hex)) {
      const code = Number.parseInt(hex, 16);
      out += isUnreserved(code) ? String.fromCharCode(code) : `%${hex.toUpperCase()}`;
      i = pct + 3;
    } else {
      out += '%';
      i = pct + 1;
    }
  }
  return out + path.slice(i);
}

/** Decodes until nothing changes, so that `%%34%31` cannot turn into a decodable `%41` later. */
function decodeUnreserved(path: string): string {
  let current = path;
  for (;;) {
    const next = decodeUnreservedOnce(current);
    if (next === current) return current;
    current = next;
  }
}

/** RFC 3986 remove_dot_segments for an absolute path; never climbs above the root. */
function removeDotSegments(path: string): string {
  const segments = path.split('/');
  const out: string[] = [];
  for (let i = 1; i < segments.length; i++) {
    const seg = segments[i]!;
    const last = i === segments.length - 1;
    if (seg === '.' || seg === '..') {
      if (seg === '..') out.pop();
      if (last) out.push('');
      continue;
    }
    out.push(seg);
  }
  return `/${out.join('/')}`;
}

/** Nothing to cut, decode or turn (and, checked apart, no `.` segment): the path is its own normal form. */
const ALREADY_NORMAL = /^\/[^?#%\\]*$/;

/** Normalizes an observed request path (pure). `''` becomes `/`. */
export function normalizePath(raw: string): string {
  if (ALREADY_NORMAL.test(raw) && !raw.includes('/.')) return raw;
  return normalizeFully(raw);
}

/** normalizePath without its shortcut for paths already normal (tests compare the two). */
export function normalizeFully(raw: string): string {
  let path = raw;
  const cut = path.search(/[?#]/);
  if (cut !== -1) path = path.slice(0, cut);
  path = decodeUnreserved(path).replaceAll('\\', '/');
  if (path === '') return '/';
  // Authority-form or `*` (OPTIONS *) paths have no segments to resolve.
  if (!path.startsWith('/')) return path;
  return removeDotSegments(path);
}
