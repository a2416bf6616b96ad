/**
 * The dashboard's side of the admin API. Requests ride on the HttpOnly session cookie the
 * server sets at sign-in (the token itself is never kept by the page: not in localStorage, not
 * in a variable after the sign-in request); state-changing requests carry the CSRF header the
 * server asks of cookie-authenticated writes.
 */

/** Header the server requires on cookie-authenticated POST/PUT/DELETE (a cross-site form cannot set it). */
const CSRF_HEADER = { 'X-Conclave-CSRF': '1' } as const;

/** An admin API answer other than 2xx, with the server's own error message when it sent one. */
export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

async function errorOf(res: Response, what: string): Promise<ApiError> {
  let message = `${what}: HTTP ${res.status}`;
  try {
    const body = (await res.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string') message = `${what}: ${body.error.message}`;
  } catch {
    // Not JSON: keep the status line.
  }
  return new ApiError(res.status, message);
}

/** GET a JSON document of the admin API. */
export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!res.ok) throw await errorOf(res, `GET ${path}`);
  return (await res.json()) as T;
}

/** Whether the browser holds a live session cookie. */
export async function signedIn(): Promise<boolean> {
  const res = await fetch('/api/session', { credentials: 'same-origin' });
  if (res.status === 401) return false;
  if (!res.ok) throw await errorOf(res, 'GET /api/session');
  return true;
}

/** Exchanges the admin token for a session cookie; a wrong token is an ApiError with status 401. */
export async function signIn(token: string): Promise<void> {
  const res = await fetch('/api/session', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', ...CSRF_HEADER },
    body: JSON.stringify({ token }),
  });
  if (res.status === 401) throw new ApiError(401, 'That admin token was not accepted. It is printed by `conclave serve` and kept in the admin-token file of its data directory.');
  if (!res.ok) throw await errorOf(res, 'Sign-in');
}

export async function signOut(): Promise<void> {
  const res = await fetch('/api/session', { method: 'DELETE', credentials: 'same-origin', headers: CSRF_HEADER });
  if (!res.ok && res.status !== 401) throw await errorOf(res, 'Sign-out');
}
