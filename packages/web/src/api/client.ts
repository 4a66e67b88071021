import type { TErrorCode } from "@dtplan/contracts/common.ts";
import { currentLanguage, tNow } from "../i18n/i18n.tsx";
import { provinceForPath } from "./plan-province.ts";

/** An API failure, with the server's message (in the chosen language) and per-field details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: TErrorCode | "network",
    message: string,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

// The CSRF token lives in memory only (from login or /me), never in storage.
let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request comes back 401: the session ended, go to the login page. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Don't treat 401 as "session expired" (login, the first /me). */
  allowAnonymous?: boolean;
  signal?: AbortSignal;
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === "") continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * Headers every call sends: the language the user chose, so the server's messages come
 * in it (Vietnamese unless English is chosen), and for a plan's paths the province the
 * plan was opened in (plan codes are unique per province only).
 */
function commonHeaders(path: string): Record<string, string> {
  const headers: Record<string, string> = {
    accept: "application/json",
    "accept-language": currentLanguage(),
  };
  const province = provinceForPath(path);
  if (province) headers["x-dtplan-province"] = province;
  return headers;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers = commonHeaders(path);
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`/api${withQuery(path, options.query)}`, {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if ((err as Error).name === "AbortError") throw err;
    throw new ApiError(0, "network", tNow("error.network"));
  }

  const text = await response.text();
  let payload: unknown = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null;
    }
  }

  if (response.ok) return payload as T;

  const error = await errorOf(response.status, payload);
  if (response.status === 401 && !options.allowAnonymous) {
    csrfToken = null;
    onUnauthenticated?.();
  }
  throw error;
}

/**
 * The server's error, read with the shared schema. The schema (and zod) load with the
 * first failure, not with the first screen.
 */
async function errorOf(status: number, payload: unknown): Promise<ApiError> {
  const { ZErrorResponse } = await import("@dtplan/contracts/common.ts");
  const parsed = ZErrorResponse.safeParse(payload);
  return parsed.success
    ? new ApiError(status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.details)
    : new ApiError(status, fallbackCode(status), fallbackMessage(status));
}

function fallbackCode(status: number): TErrorCode {
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 400) return "bad_request";
  return "internal";
}

function fallbackMessage(status: number): string {
  if (status === 401) return tNow("error.sessionExpired");
  if (status === 403) return tNow("error.forbidden");
  return tNow("error.unexpected");
}

export const api = {
  get: <T>(path: string, query?: Query, options?: Omit<RequestOptions, "query" | "body">) =>
    request<T>("GET", path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, "body">) =>
    request<T>("POST", path, { ...options, body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, { body }),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, { body }),
  delete: <T>(path: string) => request<T>("DELETE", path),
  upload,
};

/**
 * Multipart upload with progress (fetch cannot report upload progress): the
 * same CSRF header, the same error shape as `request`.
 */
function upload<T>(path: string, form: FormData, onProgress?: (percent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api${path}`);
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries(commonHeaders(path))) xhr.setRequestHeader(name, value);
    if (csrfToken) xhr.setRequestHeader("x-csrf-token", csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, "network", tNow("error.network")));
    xhr.onload = () => {
      let payload: unknown = null;
      try {
        payload = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        payload = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(payload as T);
        return;
      }
      if (xhr.status === 401) {
        csrfToken = null;
        onUnauthenticated?.();
      }
      void errorOf(xhr.status, payload).then(reject);
    };
    xhr.send(form);
  });
}

/** A message fit to show the user, whatever was thrown. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return tNow("error.unexpected");
}
