// How an endpoint is named in reports and errors. Its own module, free of network imports: the
// pipeline names the Prometheus or mapper URL in every report, and importing node:http for that
// would load it (and, through its exports, undici) on every run, the offline ones too.

/** `scheme://host/path` of a URL: no credentials, no query, no fragment. */
export function shownUrl(url: URL | string): string {
  try {
    const u = new URL(String(url));
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}
