/**
 * Control characters no field of ours may hold: NUL (PostgreSQL refuses it in text, which made any
 * request carrying one a 500) and the other C0 controls and DEL. Tab, line feed and carriage
 * return stay allowed in free text; `strict` refuses them too (query strings, path parameters).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_STRICT = /[\u0000-\u001F\u007F]/;

/**
 * The path (`a.b.0.c`) of the first string in a JSON value, or of the first key, that holds a
 * control character; null when there is none. `prefix` names where the value came from.
 */
export function controlCharacterPath(value: unknown, prefix: string, strict = false): string | null {
  const bad = strict ? CONTROL_STRICT : CONTROL;
  // Almost every value is clean: a walk that builds no path strings answers that (hot on bulk ingest).
  if (!holdsControl(value, bad, 0)) return null;
  const walk = (v: unknown, path: string, depth: number): string | null => {
    if (typeof v === 'string') return bad.test(v) ? path : null;
    if (v === null || typeof v !== 'object' || depth > 64) return null;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const hit = walk(v[i], `${path}.${i}`, depth + 1);
        if (hit) return hit;
      }
      return null;
    }
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (bad.test(k)) return `${path}.${JSON.stringify(k)}`;
      const hit = walk(x, `${path}.${k}`, depth + 1);
      if (hit) return hit;
    }
    return null;
  };
  return walk(value, prefix, 0);
}

function holdsControl(v: unknown, bad: RegExp, depth: number): boolean {
  if (typeof v === 'string') return bad.test(v);
  if (v === null || typeof v !== 'object' || depth > 64) return false;
  if (Array.isArray(v)) {
    for (const x of v) if (holdsControl(x, bad, depth + 1)) return true;
    return false;
  }
  for (const k of Object.keys(v)) {
    if (bad.test(k) || holdsControl((v as Record<string, unknown>)[k], bad, depth + 1)) return true;
  }
  return false;
}
