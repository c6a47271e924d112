// Kubernetes' name rules (apimachinery's IsDNS1123Label, IsDNS1123Subdomain, IsLabelKey and
// IsLabelValue, and the kind shape Otterize's webhook accepts), checked by hand, character by character: no regex built for
// it, no backtracking. Every place that takes a name from outside (flags, inputs, config,
// manifests, metrics) asks here.

const MAX_SUBDOMAIN = 253;
const MAX_LABEL = 63;

function isLowerAlnum(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** `[a-z0-9]([-a-z0-9]*[a-z0-9])?` within text[from, to). */
function isLabelPart(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  if (!isLowerAlnum(text.charCodeAt(from)) || !isLowerAlnum(text.charCodeAt(to - 1))) return false;
  for (let i = from + 1; i < to - 1; i++) {
    const code = text.charCodeAt(i);
    if (!isLowerAlnum(code) && code !== 0x2d) return false;
  }
  return true;
}

/** A DNS-1123 label: namespaces, Services (`[a-z0-9]([-a-z0-9]*[a-z0-9])?`, at most 63). */
export function isDnsLabel(name: string): boolean {
  return name.length <= MAX_LABEL && isLabelPart(name, 0, name.length);
}

/**
 * A DNS-1123 subdomain: the names of most Kubernetes objects (label-shaped parts joined by dots,
 * at most 253 in all; like the API server's IsDNS1123Subdomain, no limit per part).
 */
export function isDnsSubdomain(name: string): boolean {
  if (name.length === 0 || name.length > MAX_SUBDOMAIN) return false;
  let from = 0;
  for (;;) {
    const dot = name.indexOf('.', from);
    const to = dot === -1 ? name.length : dot;
    if (!isLabelPart(name, from, to)) return false;
    if (dot === -1) return true;
    from = dot + 1;
  }
}

/** A Kubernetes kind as the webhook accepts it in intents: `Deployment`, `StatefulSet`. */
export function isKindName(kind: string): boolean {
  return /^[A-Z][A-Za-z0-9]{0,62}$/.test(kind);
}

function isAlnum(code: number): boolean {
  return isLowerAlnum(code) || (code >= 0x41 && code <= 0x5a);
}

/** A label value's shape, and a label key's name part: `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`, at most 63. */
function isLabelName(text: string): boolean {
  if (text.length === 0 || text.length > MAX_LABEL) return false;
  if (!isAlnum(text.charCodeAt(0)) || !isAlnum(text.charCodeAt(text.length - 1))) return false;
  for (let i = 1; i < text.length - 1; i++) {
    const code = text.charCodeAt(i);
    if (!isAlnum(code) && code !== 0x2d && code !== 0x5f && code !== 0x2e) return false;
  }
  return true;
}

/**
 * A label key (apimachinery's IsLabelKey, also the rule for annotation keys and finalizer
 * names): a name, optionally after a DNS-1123 subdomain prefix and `/`.
 */
export function isLabelKey(key: string): boolean {
  const slash = key.indexOf('/');
  if (slash === -1) return isLabelName(key);
  if (key.indexOf('/', slash + 1) !== -1) return false;
  return isDnsSubdomain(key.slice(0, slash)) && isLabelName(key.slice(slash + 1));
}

/** A label value (apimachinery's IsLabelValue): empty, or shaped as a label key's name. */
export function isLabelValue(value: string): boolean {
  return value === '' || isLabelName(value);
}
