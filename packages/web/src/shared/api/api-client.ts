/**
 * The one HTTP client of the web app. Adds the session's Bearer token, parses the server's
 * error body `{ error: { code, message, details } }` into an `ApiError`, and announces a lost
 * session (401) so the auth context can send the user back to the login page.
 */
export const API_BASE = '/api/v1';
const TOKEN_KEY = 'yigong.token';
export const UNAUTHENTICATED_EVENT = 'yigong:unauthenticated';

export function readToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function storeToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

/** One field problem reported by a 400 VALIDATION_FAILED. */
export interface FieldIssue {
  path: string[];
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field-level problems: `details.issues[]` (zod) or `details.field` (a domain rule). */
  fieldIssues(): FieldIssue[] {
    if (this.code !== 'VALIDATION_FAILED' || !this.details || typeof this.details !== 'object') return [];
    const d = this.details as { issues?: unknown; field?: unknown };
    const out: FieldIssue[] = [];
    if (Array.isArray(d.issues)) {
      for (const raw of d.issues as { path?: unknown; message?: unknown }[]) {
        const path = Array.isArray(raw.path) ? raw.path.map(String) : typeof raw.path === 'string' ? raw.path.split('.') : [];
        // Zod paths may start with the request part ("body.idNumber"); the form knows only the field.
        const trimmed = path[0] === 'body' || path[0] === 'query' ? path.slice(1) : path;
        out.push({ path: trimmed, message: typeof raw.message === 'string' ? raw.message : this.message });
      }
    }
    if (typeof d.field === 'string') out.push({ path: d.field.split('.'), message: this.message });
    return out;
  }

  detail<T = unknown>(key: string): T | undefined {
    if (!this.details || typeof this.details !== 'object') return undefined;
    return (this.details as Record<string, unknown>)[key] as T | undefined;
  }
}

export function isApiError(e: unknown, ...codes: string[]): e is ApiError {
  return e instanceof ApiError && (codes.length === 0 || codes.includes(e.code));
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

/** Builds `?a=1&b=2`, leaving out empty values. */
export function toQueryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The server's error body `{ error: { code, message, details } }` of a failed response as an ApiError. */
export async function parseError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy page, an empty body): fall back to the status text.
  }
  const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const code = typeof err?.code === 'string' ? err.code : `HTTP_${res.status}`;
  const message = typeof err?.message === 'string' ? err.message : res.statusText || `HTTP ${res.status}`;
  return new ApiError(res.status, code, message, err?.details);
}

/** Calls the API at `API_BASE + path` and returns the parsed JSON (undefined for 204). */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = readToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}${toQueryString(options.query)}`, {
      method: options.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK_ERROR', e instanceof Error ? e.message : 'Network error');
  }
  if (!res.ok) {
    const error = await parseError(res);
    if (res.status === 401 && token && !path.startsWith('/auth/login')) {
      window.dispatchEvent(new CustomEvent(UNAUTHENTICATED_EVENT));
    }
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * POSTs `body` (a FormData for files, or JSON) with an XMLHttpRequest so the upload's progress can
 * be shown (fetch reports none); same token, error parsing and lost-session signal as apiRequest.
 * `onProgress` gets the fraction of the request body sent, 0–1.
 */
export function apiUpload<T>(path: string, body: FormData | object, onProgress?: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${path}`);
    xhr.setRequestHeader('Accept', 'application/json');
    const token = readToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', 'Network error'));
    xhr.onload = () => {
      const res = new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, statusText: xhr.statusText });
      if (!res.ok) {
        if (res.status === 401 && token) window.dispatchEvent(new CustomEvent(UNAUTHENTICATED_EVENT));
        void parseError(res).then(reject);
        return;
      }
      resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
    };
    if (body instanceof FormData) xhr.send(body);
    else {
      xhr.setRequestHeader('Content-Type', 'application/json');
      xhr.send(JSON.stringify(body));
    }
  });
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) => apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
};

/** A client-generated id for idempotent creates (DESIGN.md "Offline-ready writes"). */
export function newId(): string {
  // randomUUID exists only in secure contexts; county intranets often serve plain http.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
