/** Typed calls to the dtplan API; shapes come from the shared contracts. */
import type { TAuditEntry } from "@dtplan/contracts/audit.ts";
import type { TLoginRequest, TSessionResponse } from "@dtplan/contracts/auth.ts";
import type { THealth } from "@dtplan/contracts/health.ts";
import type {
  TCreateOrgUnit,
  TMergeOrgUnits,
  TMergePreview,
  TOrgUnit,
  TOrgUnitDetail,
  TSplitOrgUnit,
  TUpdateOrgUnit,
} from "@dtplan/contracts/org.ts";
import type { TCreateUser, TResetPassword, TUpdateUser, TUser } from "@dtplan/contracts/users.ts";
import { api } from "./client.ts";

export interface ReorganisationResult {
  created: TOrgUnit[];
  closed: TOrgUnit[];
  moved: TOrgUnit[];
}

export const authApi = {
  login: (body: TLoginRequest) => api.post<TSessionResponse>("/auth/login", body, { allowAnonymous: true }),
  logout: () => api.post<unknown>("/auth/logout", {}, { allowAnonymous: true }),
  me: () => api.get<TSessionResponse>("/auth/me", undefined, { allowAnonymous: true }),
};

export const orgApi = {
  list: (query: { asOf?: string; includeClosed?: boolean }) =>
    api.get<{ items: TOrgUnit[] }>("/org/units", {
      asOf: query.asOf,
      includeClosed: query.includeClosed ? "true" : undefined,
    }),
  get: (id: string) => api.get<TOrgUnitDetail>(`/org/units/${encodeURIComponent(id)}`),
  create: (body: TCreateOrgUnit) => api.post<TOrgUnit>("/org/units", body),
  update: (id: string, body: TUpdateOrgUnit) =>
    api.patch<TOrgUnit>(`/org/units/${encodeURIComponent(id)}`, body),
  previewMerge: (body: TMergeOrgUnits) => api.post<TMergePreview>("/org/merges/preview", body),
  merge: (body: TMergeOrgUnits) => api.post<ReorganisationResult>("/org/merges", body),
  split: (id: string, body: TSplitOrgUnit) =>
    api.post<ReorganisationResult>(`/org/units/${encodeURIComponent(id)}/split`, body),
};

export const usersApi = {
  list: (query: { q?: string; unitId?: string; limit?: number; offset?: number }) =>
    api.get<{ items: TUser[]; total: number }>("/users", query),
  create: (body: TCreateUser) => api.post<TUser>("/users", body),
  update: (id: string, body: TUpdateUser) => api.patch<TUser>(`/users/${encodeURIComponent(id)}`, body),
  resetPassword: (id: string, body: TResetPassword) =>
    api.post<unknown>(`/users/${encodeURIComponent(id)}/reset-password`, body),
};

export const auditApi = {
  list: (query: { entity?: string; entityId?: string; limit?: number; offset?: number }) =>
    api.get<{ items: TAuditEntry[]; total: number }>("/audit", query),
};

export const healthApi = {
  get: () => api.get<THealth>("/health", undefined, { allowAnonymous: true }),
};
