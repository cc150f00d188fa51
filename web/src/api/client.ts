// The one way the web app talks to the API: JSON in and out, cookies included, errors turned into ApiError
// with the server's code and row problems. Hooks let the auth feature add a CSRF header and react to 401s
// without this file knowing about sessions.

export interface ApiProblem {
  line?: number;
  field?: string;
  value?: string;
  reason: string;
  code?: string;
  params?: Record<string, string | number>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: ApiProblem[] = [],
    /** The message's code in the shared catalog (src/shared/messages) and its params, to translate. */
    readonly messageCode?: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue | QueryValue[]>;

export interface RequestContext {
  method: string;
  path: string;
  headers: Headers;
}

type RequestHook = (context: RequestContext) => void | Promise<void>;
type ErrorHook = (error: ApiError) => void;

// Double-submit CSRF: the server sets a readable `hk_csrf` cookie at sign-in and wants it echoed in this
// header on every unsafe request of a cookie session.
const CSRF_COOKIE = 'hk_csrf';
const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function cookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

const requestHooks: RequestHook[] = [];
const errorHooks: ErrorHook[] = [];

/** Runs before every request, e.g. to add `x-csrf-token`. Returns a function that removes the hook. */
export function onApiRequest(hook: RequestHook): () => void {
  requestHooks.push(hook);
  return () => requestHooks.splice(requestHooks.indexOf(hook), 1);
}

/** Runs on every failed request, e.g. to send the user to the login page on UNAUTHENTICATED. */
export function onApiError(hook: ErrorHook): () => void {
  errorHooks.push(hook);
  return () => errorHooks.splice(errorHooks.indexOf(hook), 1);
}

/** `?a=1&b=x`, leaving out empty values so "no filter" means "parameter absent". */
export function queryString(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, raw] of Object.entries(query)) {
    for (const value of Array.isArray(raw) ? raw : [raw]) {
      if (value === undefined || value === null || value === '') continue;
      params.append(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  form?: FormData;
  signal?: AbortSignal;
}

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers = new Headers({ accept: 'application/json' });
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(options.body);
  }
  if (!SAFE_METHODS.has(method)) {
    const csrf = cookie(CSRF_COOKIE);
    if (csrf) headers.set(CSRF_HEADER, csrf);
  }
  for (const hook of requestHooks) await hook({ method, path, headers });
  let response: Response;
  try {
    response = await fetch(`/api${path}${queryString(options.query)}`, {
      method,
      headers,
      body,
      credentials: 'include',
      signal: options.signal,
    });
  } catch (cause) {
    if ((cause as Error).name === 'AbortError') throw cause;
    throw report(new ApiError(0, 'NETWORK', (cause as Error).message));
  }
  const text = await response.text();
  const data = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const error = (
      data as {
        error?: {
          code?: string;
          message?: string;
          problems?: ApiProblem[];
          messageCode?: string;
          params?: Record<string, string | number>;
        };
      }
    )?.error;
    throw report(
      new ApiError(
        response.status,
        error?.code ?? `HTTP_${response.status}`,
        error?.message ?? response.statusText,
        error?.problems ?? [],
        error?.messageCode,
        error?.params ?? {},
      ),
    );
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { error: { code: 'BAD_RESPONSE', message: text.slice(0, 200) } };
  }
}

function report(error: ApiError): ApiError {
  for (const hook of errorHooks) hook(error);
  return error;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    apiRequest<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
  upload: <T>(path: string, form: FormData) => apiRequest<T>('POST', path, { form }),
};
