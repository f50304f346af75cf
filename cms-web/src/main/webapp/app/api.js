// The one way the app talks to Storybank: the admin and delivery APIs over fetch, with the
// session cookie, the CSRF header on unsafe methods, and every problem+json turned into an
// ApiError whose message a person can read. Nothing else in the app calls fetch.

const CSRF_KEY = 'sb.csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A refused or failed call: the server's problem, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    // The problem type's last segment: 'invalid', 'stale-version', 'too-many-requests', …
    this.kind = String(problem.type || '').split('/').pop();
    this.retryAfter = retryAfter ? Number(retryAfter) : undefined;
    this.type = problem.type || '';
    this.title = problem.title || '';
    this.problem = problem;
    // [{field, message}] when the server names the fields at fault (400 invalid).
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }

  /** The message for one field, or undefined. */
  forField(field) {
    const hit = this.errors.find((e) => e.field === field || e.pointer === '/' + field);
    return hit ? hit.message : undefined;
  }
}

const listeners = new Set();
/** Called with no argument when the server says the session is gone (401 on a signed-in call). */
export function onSessionEnded(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function hasSession() {
  return localStorage.getItem(CSRF_KEY) !== null;
}

/**
 * Calls the API. `path` is below /api/ (e.g. 'admin/v1/me'). `body` is sent as JSON unless it is
 * a Blob/File/FormData. Returns {status, headers, body} where body is parsed JSON (or null).
 */
export async function call(method, path, { body, headers = {}, signal, raw = false } = {}) {
  const h = { Accept: 'application/json', ...headers };
  let payload = body;
  if (body !== undefined && !(body instanceof Blob) && !(body instanceof FormData)) {
    h['Content-Type'] = h['Content-Type'] || 'application/json';
    payload = JSON.stringify(body);
  }
  const csrf = localStorage.getItem(CSRF_KEY);
  if (UNSAFE.has(method) && csrf) h['X-CSRF-Token'] = csrf;
  let response;
  try {
    response = await fetch('/api/' + path, {
      method, headers: h, body: payload, signal, credentials: 'same-origin',
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, { title: 'network', detail: '' });
  }
  if (raw && response.ok) return response;
  const type = response.headers.get('Content-Type') || '';
  let parsed = null;
  if (response.status !== 204 && /json/.test(type)) {
    parsed = await response.json().catch(() => null);
  }
  if (!response.ok) {
    if (response.status === 401 && csrf && !path.startsWith('admin/v1/session')) {
      localStorage.removeItem(CSRF_KEY);
      listeners.forEach((l) => l());
    }
    throw new ApiError(response.status, parsed || { title: response.statusText },
      response.headers.get('Retry-After'));
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

export const get = (path, options) => call('GET', path, options).then((r) => r.body);

/** Signs in; the session cookie is set by the server, the CSRF token kept here. */
export async function signIn(username, password) {
  const r = await call('POST', 'admin/v1/session', { body: { username, password } });
  localStorage.setItem(CSRF_KEY, r.body.csrfToken);
  return r.body;
}

export async function signOut() {
  try {
    await call('DELETE', 'admin/v1/session');
  } finally {
    localStorage.removeItem(CSRF_KEY);
  }
}

/** The query string of an object; arrays repeat the parameter, empty values are left out. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => q.append(k, x));
    else q.append(k, v);
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

/** Uploads with progress (fetch cannot report upload progress). Resolves {status, body}. */
export function upload(method, path, file, { headers = {}, onProgress } = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, '/api/' + path);
    xhr.setRequestHeader('Accept', 'application/json');
    const csrf = localStorage.getItem(CSRF_KEY);
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, { title: 'network', detail: '' }));
    xhr.onload = () => {
      let body = null;
      try { body = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch { /* not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300) resolve({ status: xhr.status, body, xhr });
      else reject(new ApiError(xhr.status, body || { title: xhr.statusText }, xhr.getResponseHeader('Retry-After')));
    };
    xhr.send(file);
  });
}
