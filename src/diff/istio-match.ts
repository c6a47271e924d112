// Istio AuthorizationPolicy matching, as the sidecar applies it to one request.
//
// Facts (istio/api security/v1beta1/authorization_policy.proto; istio/istio
// pilot/pkg/security/authz/matcher/string.go, template.go; pkg/config/security
// CheckValidPathTemplate; envoyproxy/envoy source/extensions/path/uri_template_lib):
// - Every string field: `*` = any NON-EMPTY value; `*abc` = suffix (matches "abc" too);
//   `abc*` = prefix (matches "abc" too); anything else exact. The checks run in that order,
//   so a `*` in the middle of a value is a literal character. Case-sensitive.
// - Paths (Istio >= 1.22): a path containing `{*}` or `{**}` is a template, handed to
//   Envoy's URI template matcher as `*` / `**`, which FULL-matches the path without query:
//   `{*}`  = one segment: one or more RFC 3986 pchars, never `/`;
//   `{**}` = zero or more pchars including `/` (so `/files/{**}` matches `/files/` and
//            `/files/a/b`, but not `/files`: the slash before it is literal).
//   Envoy's set (kLiteral in uri_template_internal.cc) holds `=` since Envoy 1.28, older than
//   Istio's templates, and `*` since Envoy 1.35 (Istio 1.27; envoyproxy/envoy#39169, runtime
//   guard envoy.reloadable_features.uri_template_match_on_asterisk; also backported to some
//   Envoy 1.31 to 1.34 patches). Matching here follows current Envoy: both are matched; on an
//   older proxy a segment holding `*` is not, and such a call is denied there.
// - A valid template (Istio's validation): each operator is a whole segment (`/a{*}` is
//   invalid), `{**}` is the last operator (literal segments may follow it), no `*`, `{`
//   or `}` outside an operator, literal segments are pchars (no empty segment, so no `//`),
//   one trailing `/` allowed (it must then be matched). A path that is no template may hold
//   neither `{` nor `}` (`/users/{id}`). istiod's validating webhook (pkg/config/validation
//   ValidateAuthorizationPolicy -> pkg/config/security CheckValidPathTemplate, on every path
//   after trimming its outer slashes) refuses the whole policy for any of these; the two it lets
//   through (a template without its leading `/`, or with `//` at either end) Envoy refuses when it
//   parses the template (uri_template_lib parsePathPatternSyntax: `^/`, no double slash), so the
//   sidecar keeps its old configuration. pathRefusal says which; such a path never matches here.

const MATCH_ONE = '{*}';
const MATCH_ANY = '{**}';

// Envoy: the RFC 3986 pchars, `=` and `*` included (uri_template_internal.cc kLiteral).
const SEGMENT_CHARS = new Set(
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~%!$&'()+,;:@=*",
);
// Istio: literal segments of a template are pchars (here `=` is allowed).
const VALID_LITERAL = /^[A-Za-z0-9\-._~%!$&'()+,;:@=]+$/;

/** Istio's string match: exact, `abc*` prefix, `*abc` suffix, `*` any non-empty value. */
export function matchString(pattern: string, value: string): boolean {
  if (pattern === '*') return value.length > 0;
  if (pattern.startsWith('*')) return value.endsWith(pattern.slice(1));
  if (pattern.endsWith('*')) return value.startsWith(pattern.slice(0, -1));
  return value === pattern;
}

/** HTTP methods: the same string match, case-sensitive (Istio compares `:method` as is). */
export function matchMethod(pattern: string, method: string): boolean {
  return matchString(pattern, method);
}

/**
 * Whether a path as called (from traffic) would not mean itself once written in a rule: Istio
 * reads `*` as a prefix, suffix or any-path wildcard and `{...}` as a template, and has no
 * escape for them. `GET /admin/*` is a valid request; the rule `path: /admin/*` allows all of
 * `/admin/`.
 */
export function readAsPattern(path: string): boolean {
  return path.includes('*') || path.includes('{') || path.includes('}');
}

export function isPathTemplate(pattern: string): boolean {
  return pattern.includes(MATCH_ONE) || pattern.includes(MATCH_ANY);
}

/** Why a path cannot be applied, and who refuses it: istiod's webhook, or the sidecar's Envoy. */
export interface PathRefusal {
  problem: string;
  refusedBy: 'istiod' | 'envoy';
}

/**
 * Why an Istio path pattern can never be applied, or null when it is fine: a template that is
 * not valid, or a plain path holding `{` or `}`. Any other plain pattern is a valid string match.
 */
export function pathRefusal(pattern: string): PathRefusal | null {
  const istiod = (problem: string): PathRefusal => ({ problem, refusedBy: 'istiod' });
  if (pattern === '') return istiod('the path is empty');
  if (!isPathTemplate(pattern)) {
    // Most paths hold no brace at all: the common case costs two scans, not a split.
    if (!pattern.includes('{') && !pattern.includes('}')) return null;
    const braced = pattern.split('/').find((segment) => segment.includes('{') || segment.includes('}'));
    return braced === undefined
      ? null
      : istiod(
          `segment "${braced}" holds "{" or "}", which a path may hold only as a whole {*} or {**} segment`,
        );
  }
  const envoy = (problem: string): PathRefusal => ({ problem, refusedBy: 'envoy' });
  if (!pattern.startsWith('/')) return envoy('a path template must start with "/"');
  const body = pattern.endsWith('/') ? pattern.slice(1, -1) : pattern.slice(1);
  const segments = body.split('/');
  let seenMatchAny = false;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment === MATCH_ONE || segment === MATCH_ANY) {
      if (seenMatchAny) return istiod('{**} must be the last operator of a path template');
      seenMatchAny = segment === MATCH_ANY;
      continue;
    }
    if (segment.includes('{') || segment.includes('}')) {
      return istiod(
        `segment "${segment}" mixes {*} or {**} with other characters; an operator must be a whole segment`,
      );
    }
    if (segment.includes('*')) return istiod(`segment "${segment}" has a "*" outside {*} or {**}`);
    if (segment === '') {
      // istiod trims the outer slashes before it checks: only an inner `//` is its to refuse.
      const outer = i === 0 || i === segments.length - 1;
      const problem = 'a path template cannot have an empty segment ("//")';
      return outer ? envoy(problem) : istiod(problem);
    }
    if (!VALID_LITERAL.test(segment))
      return istiod(`segment "${segment}" has characters a path template cannot hold`);
  }
  return null;
}

/** Why an Istio path pattern can never be applied (pathRefusal's problem), or null when it is fine. */
export function validatePathPattern(pattern: string): string | null {
  return pathRefusal(pattern)?.problem ?? null;
}

/**
 * A path Istio accepts for one it refuses, when there is an obvious one: a leading `/`, no `//`,
 * and `{*}` for each segment holding `{` or `}` (in a template, `*` too) that is no operator.
 */
export function acceptedPathFor(pattern: string): string | undefined {
  // A plain path's `*` is Istio's prefix or suffix: only a template's is out of place.
  const misplaced = isPathTemplate(pattern) ? /[{}*]/ : /[{}]/;
  const fixed = `/${pattern}`
    .replace(/\/{2,}/g, '/')
    .split('/')
    .map((segment) =>
      segment === MATCH_ONE || segment === MATCH_ANY || !misplaced.test(segment) ? segment : MATCH_ONE,
    )
    .join('/');
  return fixed !== pattern && validatePathPattern(fixed) === null ? fixed : undefined;
}

/** Envoy's `{*}`: one or more segment characters. */
function isOneSegment(text: string): boolean {
  if (text === '') return false;
  for (const char of text) if (!SEGMENT_CHARS.has(char)) return false;
  return true;
}

/** Envoy's `{**}`: zero or more segment characters or slashes. */
function isAnySegments(text: string): boolean {
  for (const char of text) if (char !== '/' && !SEGMENT_CHARS.has(char)) return false;
  return true;
}

function segmentMatches(pattern: string, segment: string): boolean {
  return pattern === MATCH_ONE ? isOneSegment(segment) : pattern === segment;
}

// Validated templates split into segments, keyed by pattern: the same few rules meet many calls.
const splitTemplates = new Map<string, string[] | null>();

function templateSegments(pattern: string): string[] | null {
  let segments = splitTemplates.get(pattern);
  if (segments === undefined) {
    segments = validatePathPattern(pattern) === null ? pattern.slice(1).split('/') : null;
    splitTemplates.set(pattern, segments);
  }
  return segments;
}

/**
 * A valid template against a path, segment by segment, in one pass: no regex is built from the
 * pattern (intents may come from a fork's pull request). Literals hold no `/` and `{*}` matches
 * none, so the segments before `{**}` pair with the path's first segments and those after it with
 * its last ones; `{**}` takes what lies between, slashes included.
 */
function matchTemplate(segments: readonly string[], path: string): boolean {
  if (!path.startsWith('/')) return false;
  const parts = path.slice(1).split('/');
  const any = segments.indexOf(MATCH_ANY);
  if (any === -1) {
    return parts.length === segments.length && segments.every((s, i) => segmentMatches(s, parts[i]!));
  }
  const after = segments.length - any - 1;
  // `{**}` sits between two slashes (or after the last one): it needs a segment of its own.
  if (parts.length < any + 1 + after) return false;
  for (let i = 0; i < any; i++) if (!segmentMatches(segments[i]!, parts[i]!)) return false;
  for (let i = 1; i <= after; i++) {
    if (!segmentMatches(segments[segments.length - i]!, parts[parts.length - i]!)) return false;
  }
  return isAnySegments(parts.slice(any, parts.length - after).join('/'));
}

/** Istio's path match: a template when the pattern holds `{*}`/`{**}`, else the string match. */
export function matchPath(pattern: string, path: string): boolean {
  if (!isPathTemplate(pattern)) return matchString(pattern, path);
  const segments = templateSegments(pattern);
  return segments !== null && matchTemplate(segments, path);
}
