/**
 * A URL as the log may keep it: the path, and each query parameter's name with its value
 * replaced, since values carry ID numbers, names and phone numbers (`?q=330521…`).
 */
export function redactedUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const names = url.slice(q + 1).split('&').filter(Boolean).map((kv) => kv.split('=')[0]);
  return `${url.slice(0, q)}?${names.map((n) => `${n}=…`).join('&')}`;
}

/** What the access log records of a request: method, route pattern, path without query values. */
export function requestLogLine(req: { method?: string; url?: string; ip?: string; id?: unknown; routeOptions?: { url?: string } }): Record<string, unknown> {
  return {
    method: req.method,
    route: req.routeOptions?.url,
    url: redactedUrl(req.url ?? ''),
    remoteAddress: req.ip,
    reqId: req.id,
  };
}

/**
 * An error as the log may keep it: type, code, message and stack. PostgreSQL's `detail` (which
 * names the values of a violated key, e.g. an ID-number hash) and the failing query stay out.
 */
export function errorLogLine(err: Error & { code?: unknown; statusCode?: unknown }): { type: string; message: string; stack: string; [key: string]: unknown } {
  return { type: err.name, code: err.code, statusCode: err.statusCode, message: err.message, stack: err.stack ?? '' };
}
