// The one way the web app talks to the API: JSON, same-origin cookie session, the CSRF token on every
// non-GET request, Accept-Language = the UI locale. A 401 outside the sign-in flow means the session
// ended: the registered handler sends the user back to sign-in.
import type { TStaffLocale } from '../../../shared/locales';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, unknown>,
  ) {
    super(message);
  }
}

type TMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type TOptions = {
  body?: unknown;
  signal?: AbortSignal;
  /** extra request headers (Idempotency-Key) */ headers?: Record<string, string>;
  /** a 401 is an answer, not an expired session */ isAuthFlow?: boolean;
};

const state: { csrfToken: string | null; locale: TStaffLocale; onSessionExpired: (() => void) | null } = {
  csrfToken: null,
  locale: 'ru',
  onSessionExpired: null,
};

export const setCsrfToken = (token: string | null): void => void (state.csrfToken = token);
export const setApiLocale = (locale: TStaffLocale): void => void (state.locale = locale);
export const onSessionExpired = (handler: () => void): void => void (state.onSessionExpired = handler);

/** Thrown when the server cannot be reached; the UI shows its own translated message. */
export const NETWORK_ERROR = 'client.network';

export async function apiRequest<T>(method: TMethod, path: string, options: TOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    ...options.headers,
    Accept: 'application/json',
    'Accept-Language': state.locale,
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.csrfToken) headers['X-CSRF-Token'] = state.csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, NETWORK_ERROR, '');
  }
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => null);
  if (response.ok) return data as T;
  const error = (
    data as { error?: { code?: string; message?: string; fields?: Record<string, unknown> } } | null
  )?.error;
  if (response.status === 401 && !options.isAuthFlow) state.onSessionExpired?.();
  throw new ApiError(
    response.status,
    error?.code ?? `http.${response.status}`,
    error?.message ?? '',
    error?.fields,
  );
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => apiRequest<T>('GET', path, { signal }),
  post: <T>(path: string, body?: unknown, isAuthFlow = false) =>
    apiRequest<T>('POST', path, { body: body ?? {}, isAuthFlow }),
  /** A form's POST with the Idempotency-Key of the form instance: a double submission or a retry stores once. */
  postOnce: <T>(path: string, body: unknown, idempotencyKey: string) =>
    apiRequest<T>('POST', path, { body, headers: { 'Idempotency-Key': idempotencyKey } }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, { body }),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};

/** Builds a query string, leaving out empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
